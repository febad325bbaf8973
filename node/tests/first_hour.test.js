'use strict';
// Issue 14, the first hour of a new user, in Node: "did you mean" on a mistyped method,
// fromEnv with PHONECOM_CONFIG, fromFile, the raw exchange (callWith's headers and body,
// lastResponse, the debug log), milliseconds everywhere with errors that name the limit,
// util.inspect without secrets, app_info and per-call headers as the sandbox received them.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spawnSync } = require('node:child_process');
const { Client, ValidationError, TimeoutError, TransportError } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

let configFile;
const suite = sandboxSuite(({ sb }) => {
  configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phonecom-')), 'sandbox.json');
  fs.writeFileSync(configFile, JSON.stringify(sb.config));
});

/** The environment without any PHONECOM_* variable but the sandbox binary's. */
function cleanEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('PHONECOM_') || k === 'PHONECOM_SANDBOX_BIN') env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs `script` in a fresh node with `env`; resolves to its stdout (exit 0 asserted). */
function runNode(script, env) {
  const run = spawnSync(process.execPath, ['-e', script], { env, cwd: __dirname, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.trim();
}

// item 1

test('a mistyped method throws a TypeError with the suggestion of the core', () => {
  const client = new Client(suite.sb.config);
  assert.throws(
    () => client.v4.getAcount,
    (e) => e instanceof TypeError && e.code === 'PHONECOM_UNKNOWN_OPERATION' && /did you mean client\.v4\.getAccount\b/.test(e.message),
  );
  assert.throws(() => client.xml.getNumberList, /did you mean client\.xml\.getPhoneNumberList/);
  // What code probes on any object still answers as on a plain object.
  assert.equal(client.v4.then, undefined);
  assert.equal(client.v4.toJSON, undefined);
  assert.equal('getAcount' in client.v4, false);
  assert.equal(typeof client.v4.getAccount, 'function');
});

// item 2

test('Client.fromEnv reads PHONECOM_CONFIG (a path or JSON), under the other variables', () => {
  const script = `require('phonecom').Client.fromEnv().v4.getAccount().then((a) => console.log(a.id), (e) => console.log(e.name))`;
  assert.equal(runNode(script, cleanEnv({ PHONECOM_CONFIG: configFile })), String(suite.sb.config.v4.account_id));
  assert.equal(runNode(script, cleanEnv({ PHONECOM_CONFIG: JSON.stringify(suite.sb.config) })), String(suite.sb.config.v4.account_id));
  assert.equal(runNode(script, cleanEnv({ PHONECOM_CONFIG: configFile, PHONECOM_V4_ACCOUNT_ID: '999999' })), 'NotFoundError');
});

test('with nothing configured, the first call says so and names the variables', () => {
  const script = `require('phonecom').Client.fromEnv().v4.getAccount().then(() => console.log('ok'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`;
  const out = JSON.parse(runNode(script, cleanEnv({})));
  assert.match(out.message, /no credentials were configured/);
  assert.match(out.message, /PHONECOM_CONFIG/);
  assert.match(out.message, /PHONECOM_V4_TOKEN/);
});

// item 8: fromFile

test('Client.fromFile reads a JSON config file; a bad path or bad JSON names the file', async () => {
  const client = Client.fromFile(configFile);
  assert.equal((await client.v4.getAccount()).id, suite.sb.config.v4.account_id);
  const missing = path.join(os.tmpdir(), 'phonecom-no-such-config.json');
  assert.throws(() => Client.fromFile(missing), (e) => e instanceof ValidationError && e.message.includes(missing));
  const broken = path.join(path.dirname(configFile), 'broken.json');
  fs.writeFileSync(broken, '{"v4": ');
  assert.throws(() => Client.fromFile(broken), (e) => e instanceof ValidationError && /not valid JSON/.test(e.message));
});

// item 4

test('callWith has the response headers and raw body; lastResponse keeps the latest', async () => {
  const client = new Client(suite.sb.config);
  assert.equal(client.lastResponse, null);
  const r = await client.callWith('v4.get-account');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.equal(r.headers['x-request-id'], r.requestId);
  assert.deepEqual(JSON.parse(r.body), r.data);
  assert.equal(r.bodyTruncated, false);
  assert.equal(client.lastResponse, r);
  const listed = await client.v4.listAccountPhoneNumbers({ limit: 1 });
  assert.notEqual(client.lastResponse, r);
  assert.deepEqual(client.lastResponse.data, listed);
});

test('a token in a response header is masked', async () => {
  const client = new Client(suite.sb.config);
  const found = await client.v4.createOauthAuthorization({
    client_id: suite.sb.config.oauth.client_id,
    response_type: 'token',
    scope: 'account-owner',
    redirect_uri: 'https://express.phone.com',
  });
  const token = found.location.split('access_token=')[1].split('&')[0];
  const location = client.lastResponse.headers.location;
  assert.ok(location.includes('access_token=***') && !location.includes(token), location);
});

test('debug_log adds masked headers and bodies to onLog events', async () => {
  const events = [];
  const client = new Client({ ...suite.sb.config, debug_log: true }, { onLog: (e) => events.push(e) });
  await client.v4.getAccount();
  await new Promise((resolve) => setImmediate(resolve));
  const request = events.find((e) => e.kind === 'request');
  const response = events.find((e) => e.kind === 'response');
  assert.equal(request.headers.authorization, 'Bearer ***');
  assert.equal(JSON.parse(response.body).id, suite.sb.config.v4.account_id);
  assert.ok(!JSON.stringify(events).includes(suite.sb.config.v4.token));
});

// item 7

test('durations are milliseconds and a timeout names the limit that fired', async () => {
  const client = new Client({ ...suite.sb.config, timeouts: { connect_ms: 2000, attempt_ms: 300 }, retry: { max_attempts: 1 } });
  await suite.sb.queueFault('latency=1500', { path: '/v4/accounts' });
  await assert.rejects(client.v4.getAccount(), (e) => e instanceof TimeoutError && /the 300 ms per-attempt timeout elapsed/.test(e.message));
  const perCall = new Client(suite.sb.config);
  await suite.sb.queueFault('latency=1500', { path: '/v4/accounts' });
  await assert.rejects(
    perCall.v4.getAccount({}, { deadlineMs: 400, maxAttempts: 1 }),
    (e) => e instanceof TimeoutError && /the 400 ms deadline for the whole call elapsed/.test(e.message),
  );
  await suite.sb.queueFault('latency=1500', { path: '/v4/accounts' });
  await assert.rejects(perCall.v4.getAccount({}, { attemptTimeoutMs: 250, maxAttempts: 1 }), /the 250 ms per-attempt timeout/);
});

test('the old timeoutMs still works, with a DeprecationWarning', async () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  try {
    const client = new Client(suite.sb.config);
    assert.equal((await client.v4.getAccount({}, { timeoutMs: 5000 })).id, suite.sb.config.v4.account_id);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.ok(warnings.some((w) => w.name === 'DeprecationWarning' && /attemptTimeoutMs/.test(w.message)), warnings.join('\n'));
});

test('a refused connection names host and port', async () => {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  const client = new Client({ v4: { base_url: `http://127.0.0.1:${port}/v4`, token: 'tok_refused', account_id: 1 }, retry: { max_attempts: 1 } });
  await assert.rejects(client.v4.getAccount(), (e) => e instanceof TransportError && e.message.includes(`connection refused by 127.0.0.1:${port}`));
});

// item 8

test('util.inspect(client) shows families and hosts, never a secret', () => {
  const client = new Client(suite.sb.config);
  const shown = util.inspect(client);
  assert.ok(shown.includes(`${suite.sb.config.v4.base_url} (account ${suite.sb.config.v4.account_id})`), shown);
  assert.ok(shown.includes(suite.sb.config.nol.base_url) && shown.includes('xml') && shown.includes('v1'), shown);
  for (const secret of [suite.sb.config.v4.token, suite.sb.config.nol.api_key, suite.sb.config.xml.password]) {
    assert.ok(!shown.includes(secret), shown);
  }
  assert.match(util.inspect(new Client()), /https:\/\/api\.phone\.com\/v4 \(no credentials\)/);
});

test('app_info extends the User-Agent and per-call headers reach the server', async () => {
  const client = new Client({ ...suite.sb.config, app_info: { name: 'AcmePortal', version: '2.1.0', url: 'https://acme.example' } });
  assert.ok(client.userAgent.endsWith(' AcmePortal/2.1.0 (+https://acme.example)'), client.userAgent);
  await client.call('v4.get-account', {}, { headers: { 'X-Partner-Trace': 'trace-77' } });
  const received = (await suite.sb.requests()).at(-1).headers;
  assert.equal(received['user-agent'], client.userAgent);
  assert.equal(received['x-partner-trace'], 'trace-77');
  await assert.rejects(
    client.call('v4.get-account', {}, { headers: { Authorization: 'Bearer other-1234' } }),
    (e) => e instanceof ValidationError && e.fields[0].field === 'headers.Authorization',
  );
  await assert.rejects(
    client.call('v4.get-account', {}, { headers: { 'X-Trace': 'a\r\nX-Injected: 1' } }),
    (e) => e instanceof ValidationError && e.fields[0].field === 'headers.X-Trace',
  );
  assert.throws(() => new Client({ ...suite.sb.config, app_info: { name: 'Acme Portal' } }), (e) => e instanceof ValidationError && e.fields[0].field === 'app_info.name');
});
