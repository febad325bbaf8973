'use strict';
// A walk over many pages reports its progress to `onProgress` after each page (issue 14 item 10):
// pages and rows so far, the total when the upstream says it, against the sandbox.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { NotFoundError, ValidationError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

// xml.getCallList's seeded log: 1,500 calls in the first quarter of 2024, no upstream total.
const Q1 = { startTime: 1704067200, endTime: 1711929599 };

let total;
const suite = sandboxSuite(async ({ client }) => {
  total = (await client.v4.listAvailablePhoneNumbers({ limit: 1 })).total;
  assert.ok(total > 1000, `the inventory is thousands of rows (${total})`);
});

/** What a walk of `n` rows, `limit` a page, reports. */
function expected(n, limit) {
  return Array.from({ length: Math.ceil(n / limit) }, (_, i) => ({
    pages: i + 1,
    rows: Math.min((i + 1) * limit, n),
    total: n,
  }));
}

test('items(): one report per page, before its rows', async () => {
  const seen = [];
  let rows = 0;
  for await (const _ of suite.client.items('v4.list-available-phone-numbers', { limit: 500 }, { onProgress: (p) => seen.push(p) })) {
    rows += 1;
    assert.ok(seen.at(-1).rows >= rows, 'reported before the rows are yielded');
  }
  assert.equal(rows, total);
  assert.deepEqual(seen, expected(total, 500));
  assert.ok(Object.isFrozen(seen[0]));
});

test('method.pages() from an offset, with an async callback that is awaited', async () => {
  const seen = [];
  const onProgress = async (p) => {
    await new Promise((resolve) => setImmediate(resolve));
    seen.push(p);
  };
  let rows = 0;
  for await (const page of suite.client.v4.listAvailablePhoneNumbers.pages({ limit: 300, offset: total - 700 }, { onProgress })) {
    assert.equal(seen.length, Math.ceil((rows + 1) / 300), 'the callback finished before the page came');
    rows += page.items.length;
  }
  assert.equal(rows, 700);
  assert.deepEqual(seen, expected(700, 300));
});

test('a list without a total reports null', async () => {
  const seen = [];
  let rows = 0;
  for await (const _ of suite.client.xml.getCallList.iterate({ ...Q1, limit: 400 }, { onProgress: (p) => seen.push(p) })) rows += 1;
  assert.equal(rows, 1500);
  assert.deepEqual(seen, [400, 800, 1200, 1500].map((r, i) => ({ pages: i + 1, rows: r, total: null })));
});

test('a throwing callback ends the walk; a failed page is not reported; a bad option is refused', async () => {
  let rows = 0;
  const stop = new Error('enough');
  await assert.rejects(
    (async () => {
      const onProgress = (p) => {
        if (p.pages === 2) throw stop;
      };
      for await (const _ of suite.client.items('v4.list-available-phone-numbers', { limit: 100 }, { onProgress })) rows += 1;
    })(),
    (e) => e === stop,
  );
  assert.equal(rows, 100, "page 2's rows were never yielded");

  const seen = [];
  const walk = suite.client.pages('v4.list-available-phone-numbers', { limit: 100 }, { onProgress: (p) => seen.push(p) });
  await walk.next();
  await suite.sb.queueFault('status=404', { method: 'GET', path: '/v4/phone-numbers/available' });
  await assert.rejects(walk.next(), NotFoundError);
  assert.deepEqual(seen.map((p) => p.pages), [1]);

  await assert.rejects(
    suite.client.pages('v4.list-available-phone-numbers', {}, { onProgress: 'yes' }).next(),
    (e) => e instanceof ValidationError && /onProgress/.test(e.message),
  );
});
