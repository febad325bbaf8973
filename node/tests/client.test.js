'use strict';
// The Client itself: configuration from an object, JSON text or the environment; the generic
// entry point; acting as a user; nothing secret in what a client shows.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const util = require('node:util');
const { spawnSync } = require('node:child_process');
const { Client, RateLimitedError, ValidationError, express } = require('phonecom');
const { sandboxSuite } = require('./support/sandbox');

const suite = sandboxSuite();

test('a client from an object or from JSON text (the sandbox config line)', async () => {
  const a = new Client(suite.sb.config);
  const b = new Client(JSON.stringify(suite.sb.config));
  assert.equal((await a.v4.getAccount()).id, suite.sb.config.v4.account_id);
  assert.equal((await b.call('v4.get-account')).id, suite.sb.config.v4.account_id);
  assert.match(a.userAgent, /^libphonecom\/\S+ \(node; /);
});

test('new Client() takes the defaults; new Client(null) is refused, naming config', () => {
  const defaults = new Client();
  assert.match(defaults.userAgent, /^libphonecom\//);
  assert.throws(
    () => new Client(null),
    (e) => e instanceof ValidationError && e.fields[0].field === 'config' && /is null: .*new Client\(\) with no argument/.test(e.message),
  );
  assert.throws(() => new Client(null, { onLog: () => {} }), ValidationError);
});

test('a budget config paces calls; a bad one is refused naming the field', async () => {
  // The sandbox's config line turns the budget off (it limits nothing); this one allows 1 call.
  const budget = { store: 'memory', v4: { per_endpoint: 1, window_s: 30 } };
  const c = new Client({ ...suite.sb.config, budget });
  assert.equal((await c.v4.getAccount()).id, suite.sb.config.v4.account_id);
  await assert.rejects(
    c.v4.getAccount({}, { deadlineMs: 500 }),
    (e) => e instanceof RateLimitedError && /local rate budget/.test(e.message) && e.status == null,
  );
  for (const [bad, field] of [
    [{ v4: { window_s: 0 } }, 'budget.v4.window_s'],
    [{ store: 'rediss://127.0.0.1:6379/0' }, 'budget.store'],
    [{ store: 'redis://127.0.0.1:6379/0' }, 'state.key'],
  ]) {
    assert.throws(
      () => new Client({ ...suite.sb.config, budget: bad }),
      (e) => e instanceof ValidationError && e.fields[0].field === field,
    );
  }
});

test('Client.fromEnv reads the PHONECOM_* variables', () => {
  const env = {
    ...process.env,
    PHONECOM_V4_BASE_URL: suite.sb.config.v4.base_url,
    PHONECOM_V4_TOKEN: suite.sb.config.v4.token,
    PHONECOM_V4_ACCOUNT_ID: String(suite.sb.config.v4.account_id),
    PHONECOM_OAUTH_BASE_URL: suite.sb.config.oauth.base_url,
    PHONECOM_OAUTH_CLIENT_ID: suite.sb.config.oauth.client_id,
  };
  const script = `
    const { Client } = require('phonecom');
    Client.fromEnv().v4.getAccount().then((a) => console.log(JSON.stringify({ id: a.id })), (e) => { console.error(e); process.exit(1); });
  `;
  const run = spawnSync(process.execPath, ['-e', script], { env, cwd: __dirname, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).id, suite.sb.config.v4.account_id);
  const bad = spawnSync(
    process.execPath,
    ['-e', "try { require('phonecom').Client.fromEnv() } catch (e) { console.log(e.code, e.message); process.exit(3) }"],
    { env: { ...process.env, PHONECOM_V4_ACCOUNT_ID: 'many' }, cwd: __dirname, encoding: 'utf8' },
  );
  assert.equal(bad.status, 3, bad.stderr);
  assert.match(bad.stdout, /^PHONECOM_VALIDATION .*PHONECOM_V4_ACCOUNT_ID/);
});

test('nothing secret shows when a client is inspected, logged or redacts', () => {
  const client = new Client(suite.sb.config);
  for (const text of [util.inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), String(client)]) {
    assert.ok(!text.includes(suite.sb.config.v4.token), text);
  }
  assert.ok(!client.redact(`Bearer ${suite.sb.config.v4.token}`).includes(suite.sb.config.v4.token));
});

test('calls reject, never throw, whatever the arguments', async () => {
  const client = new Client(suite.sb.config);
  const p = client.call(undefined, 'nope', 5);
  assert.ok(p instanceof Promise);
  await assert.rejects(p, ValidationError);
  await assert.rejects(client.v4.getAccount(null, null).then(() => client.v4.getAccount('x')), ValidationError);
  assert.throws(() => client.withV4Token(''), ValidationError);
  assert.throws(() => client.withV4Token('tok'), ValidationError);
  assert.throws(() => client.withV4Token('tok-1234', 'one'), ValidationError);
});

test('withV4Token and generatePassword: the value rules are the core\'s, Node only converts', () => {
  const rule = (fn, field, pattern) =>
    assert.throws(fn, (e) => e instanceof ValidationError && e.fields[0].field === field && pattern.test(e.fields[0].message));
  // Account 0: the core's rule (the same text as in Python, C and PHP).
  rule(() => suite.client.withV4Token('tok-12345678', 0), 'account_id', /positive integer/);
  // A JS number with no account id in it: refused by the conversion, naming the Node argument.
  for (const bad of [1.5, -1, 2 ** 53, NaN]) rule(() => suite.client.withV4Token('tok-12345678', bad), 'accountId', /whole number/);
  assert.equal(suite.client.withV4Token('tok-12345678', 7) instanceof Client, true);
  // Lengths: the core's range, fractions included.
  for (const bad of [8, 1.5, 4097]) rule(() => express.generatePassword(bad), 'length', /from 16 to 4096/);
  rule(() => express.generatePassword('32'), 'length', /must be a number/);
});

test('a worker thread loads the addon and calls, beside the main thread', async () => {
  const { Worker } = require('node:worker_threads');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { Client } = require(workerData.pkg);
     new Client(workerData.config).v4.getAccount().then((a) => parentPort.postMessage(a.id), (e) => parentPort.postMessage(String(e)));`,
    { eval: true, workerData: { config: suite.sb.config, pkg: require.resolve('phonecom') } },
  );
  const [fromWorker, fromMain] = await Promise.all([
    new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject)),
    new Client(suite.sb.config).v4.getAccount(),
  ]);
  await worker.terminate();
  assert.equal(fromWorker, suite.sb.config.v4.account_id);
  assert.equal(fromMain.id, suite.sb.config.v4.account_id);
});
