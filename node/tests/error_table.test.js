'use strict';
// The error classes come from the core's error table (core/src/error_table.rs): one class per
// kind named by the scheme every language shares, every field of the core's error JSON as a
// property (`docUrl` and `details` included), and the old names as deprecated aliases.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const phonecom = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

// The cross-language table (README "Errors"): kind -> Node class name.
const EXPECTED = {
  validation: 'ValidationError',
  authentication: 'AuthenticationError',
  permission: 'PermissionDeniedError',
  not_found: 'NotFoundError',
  conflict: 'ConflictError',
  rate_limited: 'RateLimitedError',
  server: 'ServerError',
  transport: 'TransportError',
  timeout: 'TimeoutError',
  decode: 'DecodeError',
  internal: 'InternalError',
};

const suite = sandboxSuite();

test('every kind has its class under the shared name', () => {
  for (const [kind, name] of Object.entries(EXPECTED)) {
    const cls = phonecom[name];
    assert.equal(cls.kind, kind, name);
    assert.equal(phonecom.errors[name], cls);
    assert.ok(cls.prototype instanceof phonecom.PhoneComError);
    assert.equal(phonecom.CODES[kind], `PHONECOM_${kind.toUpperCase()}`);
  }
  assert.equal(Object.keys(phonecom.errors).length, Object.keys(EXPECTED).length + 1, 'PhoneComError and one per kind');
});

test('the old name is the same class, with one DeprecationWarning', async () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  try {
    assert.equal(phonecom.PermissionError, phonecom.PermissionDeniedError);
    assert.equal(phonecom.errors.PermissionError, phonecom.PermissionDeniedError);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.ok(warnings.some((w) => w.name === 'DeprecationWarning' && /PermissionDeniedError/.test(w.message)), String(warnings));
  assert.ok(!Object.keys(phonecom).includes('PermissionError'), 'not enumerated: spreading the module does not warn');
});

test('toJSON has every field of the core, docUrl and details included', () => {
  const e = phonecom.errors.ValidationError;
  const err = new e({ kind: 'validation', message: 'x', doc_url: 'https://docs.example/e', details: { a: 1 } });
  const json = err.toJSON();
  for (const prop of ['kind', 'message', 'family', 'operation', 'status', 'upstreamCode', 'upstreamMessage', 'fields', 'retryAfter', 'requestId', 'retryable', 'rawBody', 'attempts', 'docUrl', 'details', 'retryAfterMs', 'code', 'name']) {
    assert.ok(prop in json, prop);
  }
  assert.equal(json.docUrl, 'https://docs.example/e');
  assert.deepEqual(json.details, { a: 1 });
});

test('an upstream doc URL and the details of a local refusal reach JavaScript', async () => {
  const wrong = new phonecom.Client({ ...suite.sb.config, v1: { ...suite.sb.config.v1, api_key: 'v1-wrong-key-0123456789' }, retry: { max_attempts: 1 } });
  await assert.rejects(wrong.call('v1.menus.list', {}), (e) => {
    assert.ok(e instanceof phonecom.AuthenticationError, String(e));
    assert.match(e.docUrl ?? '', /^https:\/\/docs\.phone\.com\//);
    return true;
  });
  const paced = new phonecom.Client({ ...suite.sb.config, budget: { store: 'memory', v4: { per_endpoint: 1, window_s: 30 } } });
  await paced.v4.getAccount();
  await assert.rejects(paced.v4.getAccount({}, { deadlineMs: 500 }), (e) => {
    assert.ok(e instanceof phonecom.RateLimitedError, String(e));
    assert.equal(e.details.source, 'local_budget');
    assert.ok(e.details.wait_ms > 0);
    return true;
  });
});
