'use strict';
// The examples run against the sandbox: the portal back end (examples/node/portal.js) driven the
// way the Express Sign-Up front-end library drives it, and the TypeScript example compiled and run.

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { spawn, spawnSync } = require('node:child_process');
const { sandboxSuite, contact } = require('./support/sandbox');

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples', 'node');
const TSC = path.resolve(__dirname, '..', 'node_modules', '.bin', 'tsc');

let portal;
let base;

/** Link the package into the examples folder (what `npm install` there does) when it is not yet. */
function ensureInstalled() {
  if (fs.existsSync(path.join(EXAMPLES, 'node_modules', 'phonecom', 'package.json'))) return;
  const r = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: EXAMPLES, stdio: 'inherit' });
  assert.equal(r.status, 0, 'npm install in examples/node');
}

// The portal back end, on the suite's sandbox.
const suite = sandboxSuite(async ({ sb }) => {
  ensureInstalled();
  portal = spawn(process.execPath, [path.join(EXAMPLES, 'portal.js')], {
    env: { ...process.env, PHONECOM_CONFIG: JSON.stringify(sb.config), PORT: '0', PORTAL_EXIT_ON_EOF: '1' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    readline.createInterface({ input: portal.stdout }).once('line', resolve);
    portal.once('exit', (code) => reject(new Error(`portal exited (${code})`)));
  });
  base = JSON.parse(line).listening;
});

after(async () => {
  if (portal && portal.exitCode === null) {
    await new Promise((r) => {
      portal.once('exit', r);
      portal.stdin.end();
    });
  }
});

/** The sandbox's XML API state (accounts, reservations). */
async function sbXml() {
  return suite.sb.admin('GET', '/xml');
}

async function api(method, route, { user, body } = {}) {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { ...(user ? { 'x-portal-user': user } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, data: res.headers.get('content-type') === 'application/json' ? JSON.parse(text) : text };
}

test('portal: the Express Sign-Up callbacks, in the order the front-end library calls them', async () => {
  // createSubaccountCallback
  let r = await api('POST', '/api/express/subaccount', { user: '12345', body: { contact: contact() } });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.username, 'acme-12345');
  const accountId = r.data.id;
  // Called again (a retried callback): the same subaccount, never a second one.
  r = await api('POST', '/api/express/subaccount', { user: '12345', body: { contact: contact() } });
  assert.equal(r.status, 200);
  assert.equal(r.data.id, accountId);

  // getAccessCallback: the token response as Phone.com sends it.
  r = await api('POST', '/api/express/token', { user: '12345' });
  assert.equal(r.status, 200);
  assert.equal(r.data.token_type, 'Bearer');
  assert.equal(r.data.account_id, accountId);
  assert.ok(r.data.access_token);

  // numbersSearchCallback: the library's URLSearchParams.
  const q = new URLSearchParams({ 'filters[npa]': 'eq:858', 'filters[price]': 'lt:149', 'sort[price]': 'asc', limit: '24' });
  r = await api('GET', `/api/numbers/search?${q}`, { user: '12345' });
  assert.equal(r.status, 200);
  assert.ok(r.data.items.length > 0 && r.data.items.length <= 24);
  assert.ok(r.data.items.every((n) => n.npa === '858' && n.price < 149));

  // reserveNumberCallback: the number object from the search. A hold, not a purchase.
  const pick = r.data.items[0];
  const buys = async () => (await suite.sb.requests()).filter((x) => x.method === 'POST' && x.path === `/v4/accounts/${accountId}/phone-numbers`);
  r = await api('POST', '/api/numbers/reserve', { user: '12345', body: pick });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.phone_number, pick.phone_number);
  assert.ok(Date.parse(r.data.reserved_until) > Date.now(), r.data.reserved_until);
  // Held by the partner's XML account (the sandbox's reservations), not bought, not on the account.
  let xml = await sbXml();
  assert.equal(xml.reservations[pick.phone_number].by, suite.sb.config.xml.username);
  assert.deepEqual(await buys(), []);
  r = await api('GET', '/api/numbers', { user: '12345' });
  assert.deepEqual(r.data.items, []);
  assert.equal(r.data.reserved, pick.phone_number);
  // Another portal user can neither reserve nor buy it meanwhile.
  await api('POST', '/api/express/subaccount', { user: 'other', body: { contact: contact() } });
  r = await api('POST', '/api/numbers/reserve', { user: 'other', body: pick });
  assert.equal(r.status, 409, JSON.stringify(r.data));
  r = await api('POST', '/api/numbers/purchase', { user: 'other', body: { phone_number: pick.phone_number } });
  assert.equal(r.status, 409, JSON.stringify(r.data));
  assert.match(r.data.message, /reserve .* first/);

  // The end of sign-up: the purchase, a separate step, puts it on the subaccount and ends the hold.
  r = await api('POST', '/api/numbers/purchase', { user: '12345', body: { phone_number: pick.phone_number, name: 'Main line' } });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  assert.equal(r.data.phone_number, pick.phone_number);
  assert.equal((await buys()).length, 1);
  xml = await sbXml();
  assert.equal(xml.reservations[pick.phone_number], undefined, 'the hold was released');
  r = await api('GET', '/api/numbers', { user: '12345' });
  assert.deepEqual(r.data.items.map((n) => [n.phone_number, n.name]), [[pick.phone_number, 'Main line']]);
  assert.equal(r.data.reserved, null);
  // Bought once: buying again needs a new reservation (and the number is gone from inventory).
  r = await api('POST', '/api/numbers/purchase', { user: '12345', body: { phone_number: pick.phone_number } });
  assert.equal(r.status, 409);
  r = await api('POST', '/api/numbers/reserve', { user: '12345', body: pick });
  assert.equal(r.status, 404, JSON.stringify(r.data));
  assert.match(r.data.message, /not found in inventory/);
});

test('portal: picking another number releases the previous hold', async () => {
  await api('POST', '/api/express/subaccount', { user: 'picker', body: { contact: contact() } });
  const found = await api('GET', '/api/numbers/search?filters[npa]=eq:619&limit=2', { user: 'picker' });
  const [a, b] = found.data.items.map((n) => n.phone_number);
  assert.equal((await api('POST', '/api/numbers/reserve', { user: 'picker', body: { phone_number: a } })).status, 201);
  assert.equal((await api('POST', '/api/numbers/reserve', { user: 'picker', body: { phone_number: b } })).status, 201);
  const xml = await sbXml();
  assert.equal(xml.reservations[a], undefined);
  assert.ok(xml.reservations[b]);
  const r = await api('GET', '/api/numbers', { user: 'picker' });
  assert.equal(r.data.reserved, b);
});

test('portal: a JSON body over 64 KiB is answered 413', async () => {
  const big = { contact: { ...contact(), name: 'x'.repeat(70 * 1024) } };
  const r = await api('POST', '/api/express/subaccount', { user: 'big', body: big });
  assert.equal(r.status, 413);
  assert.match(r.data.message, /at most 65536 bytes/);
  // The portal still serves the next request.
  assert.equal((await api('GET', '/api/calls')).status, 200);
});

test('portal: errors come back with the field and the rule, and no secret', async () => {
  let r = await api('POST', '/api/express/subaccount', { user: 'bad', body: { contact: contact({ phone: '555' }) } });
  assert.equal(r.status, 422);
  assert.equal(r.data.error, 'PHONECOM_VALIDATION');
  assert.ok(r.data.fields.some((f) => f.field === 'contact.phone'));
  r = await api('POST', '/api/numbers/reserve', { user: 'nobody', body: { phone_number: '+18585550100' } });
  assert.equal(r.status, 409);
  await api('POST', '/api/express/subaccount', { user: 'r1', body: { contact: contact() } });
  r = await api('POST', '/api/numbers/reserve', { user: 'r1', body: { phone_number: '858-555' } });
  assert.equal(r.status, 422);
  assert.match(r.data.message, /E\.164/);
  await suite.sb.queueFault('status=429;retry_after=3', { method: 'GET', path: '/v4/phone-numbers/available', times: 3 });
  r = await api('GET', '/api/numbers/search?limit=5', { user: 'r1' });
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '3');
  assert.ok(!JSON.stringify(r.data).includes(suite.sb.config.v4.token));
});

test('portal: the call-control URL answers text/plain commands', async () => {
  const q = (o) => `/callcontrol?${new URLSearchParams(o)}`;
  let r = await api('GET', q({ uniqueID: 'c1', dialedNumber: '18585550100', callerIdNumber: '14155550123' }));
  assert.equal(r.headers.get('content-type'), 'text/plain');
  assert.equal(r.data, 'play-and-get-digits,Main Menu,D');
  r = await api('GET', q({ uniqueID: 'c1', dialedNumber: '18585550100', 'previous-response': r.data, digits: '1' }));
  assert.equal(r.data, 'simple-forward-voicetag,"Portal call",18585602222');
  r = await api('GET', q({ uniqueID: 'c2', dialedNumber: '18585550100', digits: '9' }));
  assert.equal(r.data, 'simple-forward,18585602223');
  r = await api('GET', q({ uniqueID: 'c1', dialedNumber: '18585550100', duration: '42' }));
  assert.equal(r.status, 200);
  assert.equal(r.data, '');
  r = await api('GET', q({ dialedNumber: '18585550100' }));
  assert.equal(r.status, 400);
  r = await api('GET', '/api/calls');
  assert.deepEqual(r.data.items, [{ uniqueID: 'c1', duration: 42 }]);
});

test("portal: the call-control URL driven by the sandbox's call-control driver", async () => {
  const call = await suite.sb.driveCall(`${base}/callcontrol`, { digits: ['1'], forwardResults: ['answered'], talkSeconds: 45 });
  assert.equal(call.outcome, 'connected', JSON.stringify(call.steps));
  assert.equal(call.connected_to, '18585602222');
  const r = await api('GET', '/api/calls');
  assert.ok(r.data.items.some((c) => c.uniqueID === call.uniqueID && c.duration === call.duration), JSON.stringify(r.data));
});

test('the TypeScript example compiles under --strict and runs', { skip: !fs.existsSync(TSC) && 'typescript is not installed' }, () => {
  const out = path.join(EXAMPLES, 'dist');
  const tsc = spawnSync(TSC, ['-p', path.join(EXAMPLES, 'tsconfig.json'), '--strict', '--noEmit', 'false', '--outDir', out], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  const run = spawnSync(process.execPath, [path.join(out, 'typed.js')], {
    env: { ...process.env, PHONECOM_CONFIG: JSON.stringify(suite.sb.config), PORTAL_USER: 'ts-1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout.trim().split('\n').pop());
  assert.equal(result.username, 'acme-ts-1');
  assert.match(result.number, /^\+1858\d{7}$/);
  assert.ok(result.affordable619 > 0);
  assert.equal(result.nolAccount, 'Acme Dental', 'the client made with withNolKey acts as the new account');
  assert.equal(result.nolBalance, 0);
  assert.match(result.menu, /^[0-9a-f-]{36}$/);
});
