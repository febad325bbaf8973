'use strict';
// Every error kind, as a PhoneComError subclass with its stable code and structured fields, and
// no secret anywhere in it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const phonecom = require('phonecom');
const { startSandbox } = require('./support/sandbox');

const { Client, PhoneComError, CODES } = phonecom;
let sb;
let client;
let secrets;

before(async () => {
  sb = await startSandbox();
  client = new Client(sb.config);
  secrets = [sb.config.v4.token, sb.config.xml.password, sb.config.v1.api_key, sb.config.v1.password, sb.config.nol.api_key];
});
after(() => sb.stop());

const ONCE = { maxAttempts: 1 };

/** Checks the shape every error has, and that no secret leaks through any of its surfaces. */
function check(e, cls, kind, extra = {}) {
  assert.ok(e instanceof Error, 'an Error');
  assert.ok(e instanceof PhoneComError, `a PhoneComError: ${e}`);
  assert.ok(e instanceof cls, `a ${cls.name}, got ${e.name}: ${e.message}`);
  assert.equal(e.name, cls.name);
  assert.equal(e.kind, kind);
  assert.equal(e.code, CODES[kind]);
  assert.equal(e.code, `PHONECOM_${kind.toUpperCase()}`);
  for (const [k, v] of Object.entries(extra)) assert.deepEqual(e[k], v, k);
  const surfaces = [e.message, e.stack, JSON.stringify(e), util.inspect(e, { depth: 5 }), String(e.rawBody)];
  for (const s of secrets) {
    for (const text of surfaces) assert.ok(!text.includes(s), `a secret leaked into ${text.slice(0, 200)}`);
  }
  return true;
}

test('validation: refused locally, and refused by the upstream (422 with fields)', async () => {
  await assert.rejects(client.v4.createAccountSubaccount({ username: 'x' }), (e) =>
    check(e, phonecom.ValidationError, 'validation', { status: null, attempts: 0, retryable: false }),
  );
  await assert.rejects(client.v4.createAccountSubaccount({ username: 'a', password: '' }, ONCE), (e) => {
    check(e, phonecom.ValidationError, 'validation', { status: 422, family: 'v4', operation: 'v4.create-account-subaccount' });
    assert.ok(e.fields.some((f) => f.field === 'password'), JSON.stringify(e.fields));
    assert.equal(typeof e.requestId, 'string');
    return true;
  });
});

test('NaN and Infinity are refused by name, never sent as null', async () => {
  const before = (await sb.requests()).length;
  for (const bad of [NaN, Infinity, -Infinity]) {
    await assert.rejects(
      (async () => client.v4.listAccountSms({ limit: bad }))(),
      (e) => e instanceof phonecom.ValidationError && e.fields.some((f) => f.field === 'limit') && e.message.includes(String(bad)),
    );
  }
  assert.equal((await sb.requests()).length, before, 'nothing was sent');
});

test('authentication: a wrong token (and the token is nowhere in the error)', async () => {
  const wrong = 'sbx_wrong_token_0123456789abcdef';
  secrets.push(wrong);
  const bad = new Client({ ...sb.config, v4: { ...sb.config.v4, token: wrong } });
  await assert.rejects(bad.v4.getAccount(), (e) => check(e, phonecom.AuthenticationError, 'authentication', { status: 401 }));
});

test('permission: a user token on another account', async () => {
  const done = await client.express.signup({
    partner: 'acme',
    user_id: 'perm',
    contact: { name: 'A B', address: { line_1: '1 Main St', city: 'Dallas', province: 'TX', country: 'US' }, phone: '+15555550001', primary_email: 'a@b.co' },
  });
  secrets.push(done.token.access_token, done.password);
  const asUser = client.withV4Token(done.token.access_token);
  await assert.rejects(asUser.v4.listAccountSubaccounts(), (e) => check(e, phonecom.PermissionError, 'permission', { status: 403 }));
});

test('not found', async () => {
  await assert.rejects(client.v4.getAccountExtension({ extension_id: 987654 }), (e) =>
    check(e, phonecom.NotFoundError, 'not_found', { status: 404, retryable: false }),
  );
});

test('conflict', async () => {
  await sb.fault('status=409', { method: 'GET' });
  await assert.rejects(client.v4.getAccount({}, ONCE), (e) => check(e, phonecom.ConflictError, 'conflict', { status: 409 }));
});

test('rate limited, with retry-after', async () => {
  await sb.fault('status=429;retry_after=2', { method: 'GET' });
  await assert.rejects(client.v4.getAccount({}, ONCE), (e) =>
    check(e, phonecom.RateLimitedError, 'rate_limited', { status: 429, retryAfter: 2, retryable: true, attempts: 1 }),
  );
});

test('server: 5xx after the retries', async () => {
  await sb.fault('status=503', { method: 'GET', times: 2 });
  await assert.rejects(client.v4.getAccount({}, { maxAttempts: 2 }), (e) =>
    check(e, phonecom.ServerError, 'server', { status: 503, attempts: 2, retryable: true }),
  );
  // One failure then success: retried transparently.
  await sb.fault('status=503', { method: 'GET' });
  const r = await client.callWith('v4.get-account');
  assert.equal(r.attempts, 2);
  assert.equal(r.status, 200);
  assert.equal(r.data.id, sb.config.v4.account_id);
});

test('transport: the connection is cut, or nothing listens', async () => {
  await sb.fault('reset_before', { method: 'GET' });
  await assert.rejects(client.v4.getAccount({}, ONCE), (e) => check(e, phonecom.TransportError, 'transport', { status: null }));
  const nowhere = new Client({ v4: { base_url: 'http://127.0.0.1:9/v4', token: sb.config.v4.token, account_id: 1 } });
  await assert.rejects(nowhere.v4.getAccount({}, ONCE), (e) => check(e, phonecom.TransportError, 'transport'));
});

test('timeout: the per-call timeout', async () => {
  await sb.fault('latency=3000', { method: 'GET' });
  const t0 = Date.now();
  await assert.rejects(client.v4.getAccount({}, { timeoutMs: 300, maxAttempts: 1 }), (e) => check(e, phonecom.TimeoutError, 'timeout'));
  assert.ok(Date.now() - t0 < 2500, 'the timeout, not the latency, ended the call');
});

test('decode: a malformed body, kept (bounded) for diagnosis', async () => {
  await sb.fault('malformed', { method: 'GET' });
  await assert.rejects(client.v4.getAccount({}, ONCE), (e) => {
    check(e, phonecom.DecodeError, 'decode');
    assert.ok(e.rawBody && e.rawBody.length > 0);
    return true;
  });
});

test('configuration errors are PhoneComErrors too, thrown by the constructor', () => {
  assert.throws(() => new Client({ v4: { nope: 1 } }), (e) => check(e, phonecom.ValidationError, 'validation') && /nope/.test(e.message));
  assert.throws(() => new Client('{not json'), (e) => check(e, phonecom.ValidationError, 'validation'));
  assert.throws(() => new Client(42), phonecom.ValidationError);
});

test('every kind has a class, and errors serialise with their fields', () => {
  const kinds = ['validation', 'authentication', 'permission', 'not_found', 'conflict', 'rate_limited', 'server', 'transport', 'timeout', 'decode'];
  assert.deepEqual(Object.keys(CODES), kinds);
  for (const kind of kinds) {
    const cls = Object.values(phonecom.errors).find((c) => c.kind === kind);
    assert.ok(cls && cls.prototype instanceof PhoneComError, kind);
    assert.equal(cls.code, CODES[kind]);
  }
  const e = new phonecom.RateLimitedError({ kind: 'rate_limited', message: 'slow down', retry_after: 1.5, status: 429 });
  assert.deepEqual(
    Object.keys(e.toJSON()),
    ['name', 'code', 'kind', 'message', 'family', 'operation', 'status', 'upstreamCode', 'upstreamMessage', 'fields', 'retryAfter', 'requestId', 'retryable', 'rawBody', 'attempts'],
  );
  assert.equal(e.toJSON().retryAfter, 1.5);
});

test('onLog sees every attempt, masked, on the main thread', async () => {
  const events = [];
  const logged = new Client(sb.config, { onLog: (e) => events.push(e) });
  await sb.fault('status=503', { method: 'GET' });
  await logged.v4.getAccount();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(events.map((e) => e.kind), ['request', 'response', 'retry', 'request', 'response']);
  assert.ok(events.every((e) => e.operation === 'v4.get-account' && e.method === 'GET'));
  assert.deepEqual(events.map((e) => e.attempt), [1, 1, 1, 2, 2]);
  assert.deepEqual(events.filter((e) => e.kind === 'response').map((e) => e.status), [503, 200]);
  for (const s of secrets) assert.ok(!JSON.stringify(events).includes(s));
  assert.throws(() => new Client(sb.config, { onlog: () => {} }), phonecom.ValidationError);
  assert.throws(() => new Client(sb.config, { onLog: 'yes' }), phonecom.ValidationError);
});
