// ESM import gives the same objects as CommonJS require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as namespace from 'phonecom';
import phonecom, { Client, PhoneComError, RateLimitedError, CODES, catalog, express, numbers, callcontrol, version } from 'phonecom';

const require = createRequire(import.meta.url);

test('named and default ESM exports are the CommonJS ones', () => {
  const cjs = require('phonecom');
  assert.equal(Client, cjs.Client);
  assert.equal(PhoneComError, cjs.PhoneComError);
  assert.equal(RateLimitedError, cjs.RateLimitedError);
  assert.equal(phonecom, cjs);
  assert.equal(CODES.rate_limited, 'PHONECOM_RATE_LIMITED');
  assert.equal(typeof catalog().version, 'string');
  assert.equal(version, cjs.version);
  assert.equal(express.username('acme', '1'), 'acme-1');
  assert.equal(numbers.normalize('858.555.0100'), '+18585550100');
  assert.equal(typeof callcontrol.handler, 'function');
  for (const name of Object.keys(cjs)) assert.equal(namespace[name], cjs[name], `${name} is a named ESM export`);
});

test('an ESM client works', async () => {
  const client = new Client({ v4: { base_url: 'http://127.0.0.1:9/v4', token: 'tok_unused_0000', account_id: 1 } });
  await assert.rejects(client.v4.getAccount({}, { maxAttempts: 1 }), (e) => e instanceof PhoneComError && e.code === 'PHONECOM_TRANSPORT');
});
