'use strict';
// Issue 12: a plain call keeps its exchange (headers, body) natively only until another call
// replaces it unread; a response that was handed out (`callWith`, a read of `lastResponse`) stays
// whole however many calls follow. Against the sandbox.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Client } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();

test('a response handed out stays whole after later calls', async () => {
  const client = new Client(suite.sb.config);
  const withResponse = await client.callWith('v4.get-account');
  await client.v4.getAccount();
  const read = client.lastResponse;
  for (let i = 0; i < 5; i += 1) await client.call('v4.list-account-phone-numbers', { limit: 1 });
  for (const r of [withResponse, read]) {
    assert.equal(r.headers['x-request-id'], r.requestId);
    assert.deepEqual(JSON.parse(r.body), r.data);
    assert.equal(r.bodyTruncated, false);
  }
  assert.notEqual(read, withResponse);
});

test('lastResponse after plain calls is the latest, the same object on every read', async () => {
  const client = new Client(suite.sb.config);
  await client.call('v4.get-account');
  const listed = await client.call('v4.list-account-phone-numbers', { limit: 1 });
  const last = client.lastResponse;
  assert.equal(client.lastResponse, last);
  assert.deepEqual(last.data, listed);
  assert.deepEqual(JSON.parse(last.body), listed);
  assert.equal(last.status, 200);
  assert.equal(last.attempts, 1);
  assert.match(last.headers['content-type'], /^application\/json/);
});

test('calls in flight at once each resolve to their own data, and lastResponse reads whole', async () => {
  const client = new Client(suite.sb.config);
  const limits = Array.from({ length: 16 }, (_, i) => (i % 4) + 1);
  const results = await Promise.all(limits.map((limit) => client.call('v4.list-account-phone-numbers', { limit })));
  results.forEach((r, i) => assert.equal(r.limit, limits[i]));
  const last = client.lastResponse;
  assert.deepEqual(JSON.parse(last.body), last.data);
});
