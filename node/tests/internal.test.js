'use strict';
// A panic inside the library is an InternalError (a PhoneComError, code PHONECOM_INTERNAL), with
// nothing on stderr, whether it happens in a synchronous export, in a call on the library's
// threads or in a page walk; and a native failure the binding did not expect is one too.
//
// The panics are deliberate, through test-only hooks of the addon: `_panicForTest()` panics in a
// plain function, `NativeClient#_panickingForTest()` gives a view of a client that panics at the
// end of each call and page fetch, on the library's thread that ran it.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const phonecom = require('phonecom');
const native = require('../lib/native');
const { sync, fromNative } = require('../lib/errors');
const { sandboxSuite } = require('./support/sandbox');

const { Client, InternalError, PhoneComError, CODES } = phonecom;
const suite = sandboxSuite();

/** A client whose every call and page fetch panics inside the library, once its request is done. */
function panicking() {
  return new Client(new native.NativeClient(JSON.stringify(suite.sb.config))._panickingForTest());
}

function isInternal(e, operation) {
  assert.ok(e instanceof InternalError && e instanceof PhoneComError && e instanceof Error, `${e && e.stack}`);
  assert.equal(e.kind, 'internal');
  assert.equal(e.code, 'PHONECOM_INTERNAL');
  assert.equal(e.code, CODES.internal);
  assert.equal(e.operation, operation);
  assert.equal(e.retryable, false);
  assert.ok(e.message.startsWith(`[internal] ${operation}: internal error: a bug in libphonecom (a panic at `), e.message);
  assert.match(e.message, /boundary\.rs:\d+:\d+/, 'the location is kept');
  const secret = native._panicForTestSecret();
  for (const text of [e.message, e.stack, JSON.stringify(e)]) assert.ok(!text.includes(secret), 'the message never shows');
  return true;
}

test('a panic in a synchronous export is an InternalError', () => {
  assert.throws(() => sync(() => native._panicForTest()), (e) => isInternal(e, '_panicForTest'));
});

test('a panic inside a call, callWith and a page walk rejects with an InternalError', async () => {
  const broken = panicking();
  await assert.rejects(broken.v4.getAccount(), (e) => isInternal(e, 'v4.get-account'));
  await assert.rejects(broken.callWith('v4.get-account'), (e) => isInternal(e, 'v4.get-account'));
  await assert.rejects(
    (async () => {
      for await (const page of broken.v4.listAvailablePhoneNumbers.pages({ limit: 5 })) assert.fail(`a page: ${page}`);
    })(),
    (e) => isInternal(e, 'v4.list-available-phone-numbers'),
  );
  // The requests did go out (each panic came after its request), and the process goes on.
  assert.ok((await suite.sb.requests()).some((r) => r.path === '/v4/phone-numbers/available'));
  assert.equal((await new Client(suite.sb.config).v4.getAccount()).id, suite.sb.config.v4.account_id);
});

test('nothing reaches stderr, even with RUST_BACKTRACE=1, and the process exits normally', () => {
  const script = `
    const { Client } = require('phonecom');
    const native = require(${JSON.stringify(require.resolve('../lib/native'))});
    const { sync } = require(${JSON.stringify(require.resolve('../lib/errors'))});
    const caught = [];
    try { sync(() => native._panicForTest()); } catch (e) { caught.push(e.name); }
    const broken = new Client(new native.NativeClient(process.env.SANDBOX_CONFIG)._panickingForTest());
    (async () => {
      await broken.v4.getAccount().catch((e) => caught.push(e.name));
      const walk = broken.pages('v4.list-available-phone-numbers', { limit: 5 });
      await walk.next().catch((e) => caught.push(e.name));
      console.log(JSON.stringify(caught));
    })();
  `;
  const env = { ...process.env, SANDBOX_CONFIG: JSON.stringify(suite.sb.config), RUST_BACKTRACE: '1' };
  const run = spawnSync(process.execPath, ['-e', script], { env, cwd: __dirname, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['InternalError', 'InternalError', 'InternalError']);
  assert.equal(run.stderr, '');
});

test('a native failure the binding did not expect is an InternalError too, keeping the original', () => {
  const napiError = Object.assign(new Error('Failed to convert JavaScript value `Object {}` into rust type `String`'), { code: 'StringExpected' });
  const e = fromNative(napiError);
  assert.ok(e instanceof InternalError);
  assert.equal(e.cause, napiError);
  assert.match(e.message, /^\[internal\] the native layer failed unexpectedly \(StringExpected\): Failed to convert/);
  const known = new phonecom.ValidationError({ kind: 'validation', message: 'x' });
  assert.equal(fromNative(known), known, 'a PhoneComError passes through');
});
