'use strict';
// The typed namespaces come from the catalog: every operation is reachable under its JavaScript
// name, lists have iterate/pages, and the naming rules hold for every family's style of name.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const phonecom = require('phonecom');
const { buildTrees } = require('../lib/catalog');
const { jsPath } = require('../lib/names');

const client = new phonecom.Client({ v4: { token: 'tok_unused_0000', account_id: 1 } });

test('every catalog operation is a method of its family namespace', () => {
  const ops = phonecom.catalog().operations;
  assert.ok(ops.length >= 115);
  for (const op of ops) {
    const [family, ...path] = jsPath(op.name);
    let node = client[family];
    for (const seg of path) node = node && node[seg];
    assert.equal(typeof node, 'function', op.name);
    assert.equal(node.operation, op.name);
    assert.equal(node.doc, op.doc);
    assert.equal(typeof node.iterate === 'function', Boolean(op.pageable), `${op.name} iterate`);
    assert.equal(typeof node.pages === 'function', Boolean(op.pageable), `${op.name} pages`);
  }
  assert.equal(client.v4.createAccountSubaccount.operation, 'v4.create-account-subaccount');
  assert.equal(client.oauth.userToken.operation, 'oauth.user-token');
  assert.equal(client.express.signup.operation, 'express.signup');
  assert.equal(client.xml.getCallList.operation, 'xml.getCallList');
  assert.equal(typeof client.xml.getCallList.iterate, 'function', 'the call list walks by time windows');
  assert.equal(client.v1.menus.create.operation, 'v1.menus.create');
  assert.equal(client.nol.accountSignup.operation, 'nol.accountSignup');
  assert.equal(phonecom.operation('v4.list-available-phone-numbers').pageable, true);
});

test('namespaces are built once per client and cannot be changed', () => {
  assert.equal(client.v4, client.v4);
  assert.throws(() => {
    'use strict';
    client.v4.getAccount = null;
  }, TypeError);
  const other = new phonecom.Client({ v4: { token: 'tok_unused_0000', account_id: 2 } });
  assert.notEqual(other.v4, client.v4);
});

test('the naming rules, for each family style of canonical name', () => {
  assert.deepEqual(jsPath('v4.create-account-subaccount'), ['v4', 'createAccountSubaccount']);
  assert.deepEqual(jsPath('xml.getCallList'), ['xml', 'getCallList']);
  assert.deepEqual(jsPath('v1.menus.create'), ['v1', 'menus', 'create']);
  assert.deepEqual(jsPath('nol.accountSignup'), ['nol', 'accountSignup']);
  assert.deepEqual(jsPath('oauth.user-token'), ['oauth', 'userToken']);
  const op = (name, pageable = false) => ({ name, params: [], doc: name, pageable });
  const trees = buildTrees([op('v1.menus.create'), op('v1.menus.list', true), op('xml.getCallList', true), op('nol.accountSignup')]);
  assert.equal(trees.get('v1').menus.create.name, 'v1.menus.create');
  assert.equal(trees.get('xml').getCallList.name, 'xml.getCallList');
  assert.equal(trees.get('nol').accountSignup.name, 'nol.accountSignup');
});

test('two canonical names on one JavaScript name are refused, never hidden', () => {
  const op = (name) => ({ name, params: [], doc: name });
  assert.throws(() => buildTrees([op('v4.get-thing'), op('v4.get_thing')]), /same JavaScript name/);
  assert.throws(() => buildTrees([op('v1.menus'), op('v1.menus.create')]), /collides|same JavaScript name/);
});

test('the catalog is frozen and carries the result schemas', () => {
  const cat = phonecom.catalog();
  assert.ok(Object.isFrozen(cat) && Object.isFrozen(cat.operations[0]));
  assert.equal(cat.version, phonecom.version);
  const list = cat.schemas[phonecom.operation('v4.list-available-phone-numbers').returns];
  assert.equal(list.properties.items.items.ref, 'AvailableNumbersFull');
});
