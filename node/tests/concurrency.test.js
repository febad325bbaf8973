'use strict';
// Calls run off the event loop and off libuv's thread pool: timers keep their schedule and file
// system, DNS and crypto work completes while slow calls wait on the sandbox's injected latency.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const dns = require('node:dns');
const crypto = require('node:crypto');
const {  } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const LATENCY = 1500;
const suite = sandboxSuite();

/** `n` calls that each wait LATENCY ms in the sandbox; resolves to their results. */
async function slowCalls(n, latency = LATENCY) {
  await suite.sb.queueFault(`latency=${latency}`, { method: 'GET', path: '/v4/accounts/', times: n });
  return Array.from({ length: n }, (_, i) => suite.client.v4.getAccountExtension({ extension_id: 111 }, { maxAttempts: 1 }).then((x) => [i, x]));
}

test('16 concurrent calls share one client and all succeed', async () => {
  const names = await Promise.all(
    Array.from({ length: 16 }, (_, i) => suite.client.v4.createAccountSubaccount({ username: `conc-${i}`, password: 'pw-123456789' })),
  );
  assert.deepEqual(names.map((a) => a.username), Array.from({ length: 16 }, (_, i) => `conc-${i}`));
  assert.equal(new Set(names.map((a) => a.id)).size, 16);
});

test('the event loop keeps turning while 16 calls wait on latency, and the calls run at once', async (t) => {
  // Ordering, not timing: when the first call comes back, the 10 ms timer must already have
  // fired many times (a blocked loop would give it no turn until the calls end), and the sandbox
  // must already have received all 16 requests (calls run one after another would have sent
  // only the first). The margins are wide: about 150 ticks are expected, 20 are required.
  const received = async () => (await suite.sb.requests()).filter((r) => r.method === 'GET' && r.path.endsWith('/extensions/111')).length;
  const before = await received();
  const calls = await slowCalls(16);
  let ticks = 0;
  let maxGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 10);
  const first = await Promise.race(calls);
  const ticksAtFirst = ticks;
  const receivedAtFirst = (await received()) - before;
  const results = await Promise.all(calls);
  clearInterval(timer);
  t.diagnostic(`at the first answer: ${ticksAtFirst} ticks of a 10 ms timer, ${receivedAtFirst} requests received by the sandbox; largest timer gap ${maxGap.toFixed(1)} ms`);
  assert.equal(first[1].id, 111);
  assert.ok(ticksAtFirst >= 20, `the timer fired ${ticksAtFirst} times while the calls waited`);
  assert.equal(receivedAtFirst, 16, 'all 16 requests were in flight together');
  assert.equal(results.length, 16);
  assert.ok(results.every(([, x]) => x.id === 111));
});

test("file system, DNS and crypto work completes while 16 slow calls are in flight (libuv's pool is free)", async (t) => {
  const calls = await slowCalls(16, 3000);
  const pending = Promise.all(calls);
  let callsDone = false;
  pending.then(() => {
    callsDone = true;
  });
  // Let the 16 requests get under way first.
  await new Promise((r) => setTimeout(r, 200));
  const t0 = performance.now();
  const work = [];
  for (let i = 0; i < 64; i++) work.push(fs.promises.readFile(__filename));
  for (let i = 0; i < 8; i++) work.push(fs.promises.stat(__dirname));
  for (let i = 0; i < 4; i++) work.push(new Promise((res, rej) => crypto.pbkdf2('pw', 'salt', 1000, 32, 'sha256', (e, k) => (e ? rej(e) : res(k)))));
  work.push(dns.promises.lookup('localhost'));
  await Promise.all(work);
  const took = performance.now() - t0;
  t.diagnostic(`64 readFile + 8 stat + 4 pbkdf2 + 1 dns.lookup with 16 calls in flight: ${took.toFixed(0)} ms`);
  assert.equal(callsDone, false, 'the slow calls were still in flight');
  assert.ok(took < 1000, `the pool work took ${took.toFixed(0)} ms`);
  const results = await pending;
  assert.equal(results.length, 16);
});

test("a walk's page count is read without waiting for the page in flight", async () => {
  // The native walk: the JS-facing pager reads `pagesFetched` on the event loop while a worker
  // holds the walk for a page's whole HTTP request.
  const native = require('../lib/native');
  const walk = new native.NativeClient(JSON.stringify(suite.sb.config)).pages('v4.list-available-phone-numbers', JSON.stringify({ limit: 5 }));
  assert.equal(walk.pagesFetched, 0);
  await suite.sb.queueFault(`latency=${LATENCY}`, { method: 'GET', path: '/v4/phone-numbers/available', times: 1 });
  const page = walk.nextPage();
  await new Promise((r) => setTimeout(r, 200)); // the request is under way
  const t0 = performance.now();
  assert.equal(walk.pagesFetched, 0);
  const took = performance.now() - t0;
  assert.ok(took < 100, `pagesFetched blocked the event loop for ${took.toFixed(0)} ms`);
  assert.equal(JSON.parse(await page).items.length, 5);
  assert.equal(walk.pagesFetched, 1);
});
