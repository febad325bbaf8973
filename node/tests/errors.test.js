'use strict';
// Every error kind, as a PhoneComError subclass with its stable code and structured fields, and
// no secret anywhere in it.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const phonecom = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');
const { configSecrets, leaks } = require('./support/secrets');

const { Client, PhoneComError, CODES } = phonecom;
let secrets;
const suite = sandboxSuite(({ sb }) => {
  secrets = configSecrets(sb.config);
});

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
  for (const text of surfaces) assert.deepEqual(leaks(text, secrets), [], `a secret leaked into ${text.slice(0, 200)}`);
  return true;
}

test('validation: refused locally, and refused by the upstream (422 with fields)', async () => {
  await assert.rejects(suite.client.v4.createAccountSubaccount({ username: 'x' }), (e) =>
    check(e, phonecom.ValidationError, 'validation', { status: null, attempts: 0, retryable: false }),
  );
  await assert.rejects(suite.client.v4.createAccountSubaccount({ username: 'a', password: '' }, ONCE), (e) => {
    check(e, phonecom.ValidationError, 'validation', { status: 422, family: 'v4', operation: 'v4.create-account-subaccount' });
    assert.ok(e.fields.some((f) => f.field === 'password'), JSON.stringify(e.fields));
    assert.equal(typeof e.requestId, 'string');
    return true;
  });
});

test('NaN and Infinity are refused by name, never sent as null', async () => {
  const before = (await suite.sb.requests()).length;
  for (const bad of [NaN, Infinity, -Infinity]) {
    await assert.rejects(
      (async () => suite.client.v4.listAccountSms({ limit: bad }))(),
      (e) => e instanceof phonecom.ValidationError && e.fields.some((f) => f.field === 'limit') && e.message.includes(String(bad)),
    );
  }
  assert.equal((await suite.sb.requests()).length, before, 'nothing was sent');
});

test('values JSON cannot carry are refused by name, never dropped or bent', async () => {
  const before = (await suite.sb.requests()).length;
  const cyclic = { npa: 'eq:858' };
  cyclic.self = cyclic;
  const cases = [
    [{ filters: { npa: () => 'eq:858' } }, 'filters.npa', /is a function/],
    [{ filters: { npa: Symbol('858') } }, 'filters.npa', /is a Symbol/],
    [{ limit: 10n }, 'limit', /is a BigInt/],
    [{ fields: ['id', undefined] }, 'fields[1]', /undefined inside an array/],
    [{ fields: ['id', , 'name'] }, 'fields[1]', /undefined inside an array/], // eslint-disable-line no-sparse-arrays
    [{ filters: cyclic }, 'filters.self', /refers back to `filters`/],
    [{ filters: new Map([['npa', 'eq:858']]) }, 'filters', /is a Map/],
    [{ sort: { price: NaN } }, 'sort.price', /finite number/],
  ];
  for (const [params, field, rule] of cases) {
    await assert.rejects(suite.client.v4.listAvailablePhoneNumbers(params), (e) => {
      check(e, phonecom.ValidationError, 'validation', { attempts: 0 });
      assert.deepEqual(e.fields.map((f) => f.field), [field], e.message);
      assert.match(e.message, rule);
      assert.ok(e.message.includes(`\`${field}\``), e.message);
      return true;
    });
  }
  // The same rules for every argument sent as JSON, not only call parameters.
  assert.throws(() => phonecom.callcontrol.render({ command: 'simple-forward', number: 18585550100n }), /`number` is a BigInt/);
  assert.throws(() => phonecom.express.validateContact({ name: 'A', tags: [undefined] }), /`tags\[0\]` is undefined/);
  assert.throws(() => new Client({ ...suite.sb.config, v4: { ...suite.sb.config.v4, token: Symbol('t') } }), /`v4.token` is a Symbol/);
  // What JSON does carry as users expect: undefined members are left out, toJSON is honoured.
  const ok = await suite.client.v4.listAvailablePhoneNumbers({ limit: 1, offset: undefined, filters: { npa: 'eq:858' } });
  assert.ok(Array.isArray(ok.items));
  assert.equal((await suite.sb.requests()).length, before + 1, 'only the good call was sent');
});

test('authentication: a wrong token (and the token is nowhere in the error)', async () => {
  const wrong = 'sbx_wrong_token_0123456789abcdef';
  secrets.push([wrong]);
  const bad = new Client({ ...suite.sb.config, v4: { ...suite.sb.config.v4, token: wrong } });
  await assert.rejects(bad.v4.getAccount(), (e) => check(e, phonecom.AuthenticationError, 'authentication', { status: 401 }));
});

test('permission: a user token on another account', async () => {
  const done = await suite.client.express.signup({
    partner: 'acme',
    user_id: 'perm',
    contact: { name: 'A B', address: { line_1: '1 Main St', city: 'Dallas', province: 'TX', country: 'US' }, phone: '+15555550001', primary_email: 'a@b.co' },
  });
  secrets.push([done.token.access_token], [done.password]);
  const asUser = suite.client.withV4Token(done.token.access_token);
  await assert.rejects(asUser.v4.listAccountSubaccounts(), (e) => check(e, phonecom.PermissionDeniedError, 'permission', { status: 403 }));
});

test('not found', async () => {
  await assert.rejects(suite.client.v4.getAccountExtension({ extension_id: 987654 }), (e) =>
    check(e, phonecom.NotFoundError, 'not_found', { status: 404, retryable: false }),
  );
});

test('conflict', async () => {
  await suite.sb.queueFault('status=409', { method: 'GET' });
  await assert.rejects(suite.client.v4.getAccount({}, ONCE), (e) => check(e, phonecom.ConflictError, 'conflict', { status: 409 }));
});

test('rate limited, with retry-after', async () => {
  await suite.sb.queueFault('status=429;retry_after=2', { method: 'GET' });
  await assert.rejects(suite.client.v4.getAccount({}, ONCE), (e) =>
    check(e, phonecom.RateLimitedError, 'rate_limited', { status: 429, retryAfterMs: 2000, retryAfter: 2, retryable: true, attempts: 1 }),
  );
});

test('server: 5xx after the retries', async () => {
  await suite.sb.queueFault('status=503', { method: 'GET', times: 2 });
  await assert.rejects(suite.client.v4.getAccount({}, { maxAttempts: 2 }), (e) =>
    check(e, phonecom.ServerError, 'server', { status: 503, attempts: 2, retryable: true }),
  );
  // One failure then success: retried transparently.
  await suite.sb.queueFault('status=503', { method: 'GET' });
  const r = await suite.client.callWith('v4.get-account');
  assert.equal(r.attempts, 2);
  assert.equal(r.status, 200);
  assert.equal(r.data.id, suite.sb.config.v4.account_id);
});

test('transport: the connection is cut, or nothing listens', async () => {
  await suite.sb.queueFault('reset_before', { method: 'GET' });
  await assert.rejects(suite.client.v4.getAccount({}, ONCE), (e) => check(e, phonecom.TransportError, 'transport', { status: null }));
  const nowhere = new Client({ v4: { base_url: 'http://127.0.0.1:9/v4', token: suite.sb.config.v4.token, account_id: 1 } });
  await assert.rejects(nowhere.v4.getAccount({}, ONCE), (e) => check(e, phonecom.TransportError, 'transport'));
});

test('timeout: the per-call timeout', async () => {
  await suite.sb.queueFault('latency=3000', { method: 'GET' });
  const t0 = Date.now();
  await assert.rejects(suite.client.v4.getAccount({}, { attemptTimeoutMs: 300, maxAttempts: 1 }), (e) => check(e, phonecom.TimeoutError, 'timeout'));
  assert.ok(Date.now() - t0 < 2500, 'the timeout, not the latency, ended the call');
});

test('decode: a malformed body, kept (bounded) for diagnosis', async () => {
  await suite.sb.queueFault('malformed', { method: 'GET' });
  await assert.rejects(suite.client.v4.getAccount({}, ONCE), (e) => {
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
  const kinds = ['validation', 'authentication', 'permission', 'not_found', 'conflict', 'rate_limited', 'server', 'transport', 'timeout', 'decode', 'internal'];
  assert.deepEqual(Object.keys(CODES), kinds);
  for (const kind of kinds) {
    const cls = Object.values(phonecom.errors).find((c) => c.kind === kind);
    assert.ok(cls && cls.prototype instanceof PhoneComError, kind);
    assert.equal(cls.code, CODES[kind]);
  }
  const e = new phonecom.RateLimitedError({ kind: 'rate_limited', message: 'slow down', retry_after: 1.5, status: 429 });
  assert.deepEqual(
    Object.keys(e.toJSON()),
    ['name', 'code', 'kind', 'message', 'family', 'operation', 'status', 'upstreamCode', 'upstreamMessage', 'fields', 'retryAfterMs', 'retryAfter', 'requestId', 'retryable', 'rawBody', 'attempts', 'docUrl', 'details'],
  );
  assert.equal(e.toJSON().retryAfter, 1.5);
  assert.equal(e.retryAfterMs, 1500);
});

test('onLog sees every attempt, masked, on the main thread', async () => {
  const events = [];
  const logged = new Client(suite.sb.config, { onLog: (e) => events.push(e) });
  await suite.sb.queueFault('status=503', { method: 'GET' });
  await logged.v4.getAccount();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(events.map((e) => e.kind), ['request', 'response', 'retry', 'request', 'response']);
  assert.ok(events.every((e) => e.operation === 'v4.get-account' && e.method === 'GET'));
  assert.deepEqual(events.map((e) => e.attempt), [1, 1, 1, 2, 2]);
  assert.deepEqual(events.filter((e) => e.kind === 'response').map((e) => e.status), [503, 200]);
  assert.deepEqual(leaks(JSON.stringify(events), secrets), []);
  assert.throws(() => new Client(suite.sb.config, { onlog: () => {} }), phonecom.ValidationError);
  assert.throws(() => new Client(suite.sb.config, { onLog: 'yes' }), phonecom.ValidationError);
});

test("a refusal of Node's own names the family the catalog gives the operation, or none", async () => {
  const family = async (promise) => {
    try {
      await promise;
    } catch (e) {
      assert.ok(e instanceof phonecom.ValidationError, String(e));
      return e.family;
    }
    assert.fail('not refused');
  };
  assert.equal(await family(suite.client.v4.getAccount({}, { retries: 3 })), 'v4');
  assert.equal(await family(suite.client.call('nol.getAccount', {}, { retries: 3 })), 'nol');
  assert.equal(await family(suite.client.call('v4.get-acount', {}, { retries: 3 })), null);
  assert.equal(await family((async () => suite.client.withV4Token(42))()), null);
  assert.equal(await family((async () => phonecom.numbers.checkE164(5))()), null);
  assert.equal(await family((async () => phonecom.express.validateContact(null))()), 'express');
});
