'use strict';
// Per-call options follow the core's one rule set (core/src/call_options.rs): Node converts
// nothing but spellings, so a bad value gets the same rule text as in Python, C and PHP.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { ValidationError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const TIME_RULE = 'must be at least 1 ms and at most 1 day';
const ATTEMPTS_RULE = 'must be an integer from 1 to 100 (1 disables retries)';

const suite = sandboxSuite();

test('bad per-call options get the core rule, naming the option as Node spells it', async () => {
  const before = (await suite.sb.requests()).length;
  for (const [options, field, rule] of [
    [{ maxAttempts: 0 }, 'maxAttempts', ATTEMPTS_RULE],
    [{ maxAttempts: 101 }, 'maxAttempts', ATTEMPTS_RULE],
    [{ maxAttempts: 2.5 }, 'maxAttempts', ATTEMPTS_RULE],
    [{ deadlineMs: 0 }, 'deadlineMs', TIME_RULE],
    [{ deadlineMs: 0.5 }, 'deadlineMs', TIME_RULE],
    [{ deadlineMs: 86_400_001 }, 'deadlineMs', TIME_RULE],
    [{ attemptTimeoutMs: -5 }, 'attemptTimeoutMs', TIME_RULE],
  ]) {
    await assert.rejects(suite.client.v4.getAccount({}, options), (e) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.deepEqual(e.fields[0], { field, message: rule });
      assert.match(e.message, new RegExp(`\`${field}\` ${rule.replace(/[()]/g, '\\$&')}`));
      return true;
    });
  }
  assert.equal((await suite.sb.requests()).length, before, 'nothing was sent');
});

test('the bounds themselves are accepted', async () => {
  const account = await suite.client.v4.getAccount({}, { attemptTimeoutMs: 86_400_000, deadlineMs: 86_400_000, maxAttempts: 100 });
  assert.ok(account.id);
});

test('credentials of derived clients are checked by the core, naming the argument', () => {
  for (const bad of ['', 'abc', 'tok en-1234']) {
    assert.throws(() => suite.client.withV4Token(bad), (e) => e instanceof ValidationError && e.fields[0].field === 'token');
    assert.throws(() => suite.client.withNolKey(bad), (e) => e instanceof ValidationError && e.fields[0].field === 'key');
  }
});
