'use strict';
// Number search, purchase and paging against the sandbox.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ValidationError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();

test('search with filters and sorting', async () => {
  const page = await suite.client.v4.listAvailablePhoneNumbers({
    filters: { npa: 'eq:858', price: 'lt:149' },
    sort: { price: 'asc' },
    limit: 20,
  });
  assert.ok(page.total > 0);
  assert.ok(page.items.length > 0 && page.items.length <= 20);
  let last = -1;
  for (const n of page.items) {
    assert.equal(n.npa, '858');
    assert.ok(n.price < 149);
    assert.ok(n.price >= last, 'sorted by price');
    last = n.price;
  }
});

test('purchase a number: it leaves the inventory and joins the account', async () => {
  const [pick] = (await suite.client.v4.listAvailablePhoneNumbers({ filters: { npa: 'eq:619', price: 'lt:100' }, limit: 1 })).items;
  const bought = await suite.client.v4.createAccountPhoneNumber({ phone_number: pick.phone_number, name: 'Main line' });
  assert.equal(bought.phone_number, pick.phone_number);
  const mine = [];
  for await (const n of suite.client.v4.listAccountPhoneNumbers.iterate()) mine.push(n.phone_number);
  assert.ok(mine.includes(pick.phone_number));
  const again = await suite.client.v4.listAvailablePhoneNumbers({ filters: { phone_number: `eq:${pick.phone_number}` } });
  assert.equal(again.total, 0);
  // Buying it twice is refused by the upstream, naming the field.
  await assert.rejects(suite.client.v4.createAccountPhoneNumber({ phone_number: pick.phone_number }), (e) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.status, 422);
    assert.ok(e.fields.some((f) => f.field === 'phone_number'));
    return true;
  });
});

test('bad input is refused before sending, naming the field and the rule', async () => {
  const before = (await suite.sb.requests()).length;
  const cases = [
    [{ phone_number: '858-555-0100' }, 'phone_number', /E\.164/],
    [{ phone_number: '+18585550100', name: 42 }, 'name', /string/],
    [{ phone_number: '+18585550100', bogus: 1 }, 'bogus', /unknown|not a parameter/i],
  ];
  for (const [params, field, rule] of cases) {
    await assert.rejects(suite.client.v4.createAccountPhoneNumber(params), (e) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.equal(e.code, 'PHONECOM_VALIDATION');
      const f = e.fields.find((x) => x.field === field);
      assert.ok(f, `${field} in ${JSON.stringify(e.fields)}`);
      assert.match(f.message, rule);
      assert.match(e.message, new RegExp(field));
      assert.equal(e.attempts, 0);
      return true;
    });
  }
  await assert.rejects(suite.client.v4.listAvailablePhoneNumbers({ limit: 501 }), ValidationError);
  await assert.rejects(suite.client.v4.listAvailablePhoneNumbers({ filters: { nope: 'eq:1' } }), ValidationError);
  await assert.rejects(suite.client.call('v4.no-such-operation'), (e) => e instanceof ValidationError && /unknown operation/.test(e.message));
  await assert.rejects(suite.client.call('v4.get-account', [1, 2]), (e) => e instanceof ValidationError && e.fields[0].field === 'params');
  await assert.rejects(suite.client.call('v4.get-account', { n: 10n }), (e) => e instanceof ValidationError && /JSON/.test(e.message));
  await assert.rejects(suite.client.v4.getAccount({}, { attemptTimeoutMs: 'soon' }), (e) => e instanceof ValidationError && e.fields[0].field === 'options.attemptTimeoutMs');
  await assert.rejects(suite.client.v4.getAccount({}, { retries: 3 }), (e) => e instanceof ValidationError && e.fields[0].field === 'options.retries');
  assert.equal((await suite.sb.requests()).length, before, 'nothing was sent');
});

test('paging walks every row to the end, a page at a time', async () => {
  const params = { filters: { npa: 'eq:858' }, sort: { phone_number: 'asc' } };
  const { total } = await suite.client.v4.listAvailablePhoneNumbers({ ...params, limit: 1 });
  assert.ok(total > 20, `enough rows to page (${total})`);

  const since = (await suite.sb.requests()).length;
  const rows = [];
  for await (const n of suite.client.v4.listAvailablePhoneNumbers.iterate({ ...params, limit: 7 })) rows.push(n.phone_number);
  assert.equal(rows.length, total);
  assert.equal(new Set(rows).size, total, 'no row twice');
  assert.deepEqual([...rows].sort(), rows, 'in order across pages');
  const sent = (await suite.sb.requests()).slice(since);
  assert.equal(sent.length, Math.ceil(total / 7));

  const offsets = [];
  for await (const page of suite.client.pages('v4.list-available-phone-numbers', { ...params, limit: 10 })) {
    offsets.push(page.offset);
    assert.equal(page.total, total);
    assert.equal(page.limit, 10);
    assert.equal(typeof page.requestId, 'string');
  }
  assert.deepEqual(offsets, Array.from({ length: Math.ceil(total / 10) }, (_, i) => i * 10));
});

test('leaving a walk early stops fetching', async () => {
  const since = (await suite.sb.requests()).length;
  let seen = 0;
  for await (const n of suite.client.items('v4.list-available-phone-numbers', { limit: 5 })) {
    assert.ok(n.phone_number);
    if (++seen === 12) break;
  }
  assert.equal((await suite.sb.requests()).length - since, 3);
});

test('a walk fails like a call, and only pageable operations walk', async () => {
  const walk = suite.client.v4.listAvailablePhoneNumbers.iterate({ limit: 0 });
  await assert.rejects(walk.next(), ValidationError);
  await assert.rejects(suite.client.items('v4.get-account').next(), (e) => e instanceof ValidationError && /pageable/.test(e.message));
  await suite.sb.queueFault('status=500', { method: 'GET', path: '/v4/phone-numbers/available', times: 3 });
  const rows = suite.client.v4.listAvailablePhoneNumbers.iterate({ limit: 5 });
  await assert.rejects(rows.next(), (e) => e.code === 'PHONECOM_SERVER' && e.status === 500);
});

test('regions are counted', async () => {
  const regions = await suite.client.v4.listAvailablePhoneNumberRegions({ filters: { npa: 'eq:858' } });
  assert.ok(regions.items.length > 0);
  assert.ok(regions.items.every((r) => typeof r.quantity === 'number'));
});
