'use strict';
// The Express Sign-Up flow against the sandbox: the composed flow, the same steps by hand, and
// acting as the signed-up user with the user's token.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const { Client, ConflictError, express, PermissionDeniedError, ValidationError } = require('phonecom');
const { sandboxSuite, contact } = require('./support/sandbox');

const suite = sandboxSuite();

test('express.signup creates the subaccount and returns the user token', async () => {
  const done = await suite.client.express.signup({ partner: 'acme', user_id: '12345', contact: contact() });
  assert.equal(done.username, 'acme-12345');
  assert.equal(typeof done.account.id, 'number');
  assert.equal(done.account.username, 'acme-12345');
  assert.equal(done.password.length, 32, 'a generated password is returned once');
  assert.equal(typeof done.token.access_token, 'string');
  assert.equal(done.recovered, false);

  // The user's token acts on the user's own account only.
  const asUser = suite.client.withV4Token(done.token.access_token, done.account.id);
  const own = await asUser.v4.getAccount();
  assert.equal(own.username, 'acme-12345');
  await assert.rejects(asUser.v4.getAccount({ account_id: suite.sb.config.v4.account_id }), (e) => {
    assert.ok(e instanceof PermissionDeniedError);
    assert.equal(e.status, 403);
    return true;
  });
});

test('the sign-up steps by hand: user name, password, contact check, create, token', async () => {
  const username = express.username('acme', 777);
  const password = express.generatePassword();
  const checked = express.validateContact(contact());
  const account = await suite.client.v4.createAccountSubaccount({ username, password, contact: checked });
  assert.equal(account.username, 'acme-777');
  assert.equal(account.master_account.id, suite.sb.config.v4.account_id);

  const token = await suite.client.oauth.userToken({ username, password });
  assert.equal(token.token_type, 'Bearer');
  assert.equal(token.account_id, account.id);

  // What the sandbox received: the password is there (masked in its log), never in ours.
  const log = await suite.sb.requests();
  const create = log.find((r) => r.method === 'POST' && r.path.endsWith('/subaccounts') && r.body.username === username);
  assert.equal(create.body.password, '***');
  assert.deepEqual(create.body.contact.address.country, 'US');
});

test('a second sign-up of the same user is a conflict that says what to do, not a second account', async () => {
  await suite.client.express.signup({ partner: 'acme', user_id: 'dup', contact: contact() });
  await assert.rejects(suite.client.express.signup({ partner: 'acme', user_id: 'dup', contact: contact() }), (e) => {
    assert.ok(e instanceof ConflictError, String(e));
    assert.equal(e.status, 422);
    assert.match(e.message, /already signed up/);
    return true;
  });
});

test('a create whose answer is lost is recovered, never sent twice', async () => {
  await suite.sb.queueFault('reset_after', { method: 'POST', path: '/v4/accounts/' });
  const done = await suite.client.express.signup({ partner: 'acme', user_id: 'lost', contact: contact() });
  assert.equal(done.recovered, true);
  let found = 0;
  for await (const sub of suite.client.v4.listAccountSubaccounts.iterate({ limit: 500 })) {
    if (sub.username === 'acme-lost') found++;
  }
  assert.equal(found, 1);
});

test('bad contacts are refused before anything is sent, every problem named', async () => {
  const before = (await suite.sb.requests()).length;
  const bad = contact({ phone: '555', address: { line_1: '', city: 'Dallas', country: 'US' } });
  await assert.rejects(suite.client.express.signup({ partner: 'acme', user_id: 'bad', contact: bad }), (e) => {
    assert.ok(e instanceof ValidationError);
    const fields = e.fields.map((f) => f.field);
    for (const f of ['contact.phone', 'contact.address.line_1', 'contact.address.province']) {
      assert.ok(fields.includes(f), `${f} in ${fields}`);
    }
    assert.equal(e.attempts, 0);
    return true;
  });
  assert.equal((await suite.sb.requests()).length, before);
});

test('numbers.online sign-up, then act with the new key', async () => {
  const done = await suite.client.nol.accountSignup({ name: 'Node softphone', email: 'ops@node.example' });
  const key = done.api_key;
  assert.ok(key.startsWith('nol_'), 'a key, shown once');
  const acme = suite.client.withNolKey(key);
  assert.ok(acme instanceof Client);
  assert.equal((await acme.nol.getAccount()).account.name, 'Node softphone');

  // The key is masked in the derived client's errors (the refusal quotes the value) and dumps.
  const err = await acme.nol.getAccountListing({ e164: key }).then(
    () => assert.fail('resolved'),
    (e) => e,
  );
  assert.ok(err instanceof ValidationError, String(err));
  const shown = `${err} ${err.message} ${JSON.stringify(err)} ${util.inspect(err, { depth: 10 })}`;
  assert.ok(!shown.includes(key) && shown.includes('***'), shown);
  for (const text of [util.inspect(acme, { depth: 10, showHidden: true }), JSON.stringify(acme), String(acme)]) {
    assert.ok(!text.includes(key), text);
  }
  assert.equal(acme.redact(key), '***');

  // The parent still acts as its own account.
  assert.notEqual((await suite.client.nol.getAccount()).account.name, 'Node softphone');

  // Empty, too-short and non-string keys are refused, naming the argument.
  for (const bad of ['', '  ', 'abc', undefined, 42]) {
    assert.throws(
      () => suite.client.withNolKey(bad),
      (e) => e instanceof ValidationError && e.fields.length === 1 && e.fields[0].field === 'key',
      String(bad),
    );
  }
});
