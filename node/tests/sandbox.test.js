'use strict';
// phonecom/sandbox: starting, attaching, stopping, the console kept out of the way, and every admin
// method against a real sandbox.

const { test, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Client, ServerError, RateLimitedError } = require('phonecom');
const sandboxModule = require('phonecom/sandbox');
const { Sandbox, SandboxError, FAMILY_PATHS, attach } = sandboxModule;
const { sandboxBinary, sandboxSuite } = require('./support/sandbox');

const BINARY = sandboxBinary();
const suite = sandboxSuite();

beforeEach(async () => {
  await suite.sb.reset();
});

const oneShot = () => new Client({ ...suite.sb.config, retry: { max_attempts: 1 } });

async function rejectsWith(promise, check) {
  await assert.rejects(promise, (e) => {
    check(e);
    return true;
  });
}

// -- lifecycle ----------------------------------------------------------------------------------

test('start serves, stop ends it, and attaching afterwards finds nothing', async () => {
  const own = await Sandbox.start({ seed: 7, binary: BINARY });
  assert.deepEqual(await own.health(), { status: 'ok', seed: 7 });
  assert.deepEqual(await own.fetchConfig(), own.config);
  assert.equal(own.url, new URL(own.config.v4.base_url).origin);
  assert.equal((await new Client(own.config).v4.getAccount()).id, own.config.v4.account_id);
  assert.ok(own.process && own.process.pid > 0);
  await own.stop();
  await rejectsWith(attach(own.url, { timeoutMs: 2000 }), (e) => {
    assert.ok(e instanceof SandboxError);
    assert.equal(e.code, 'PHONECOM_SANDBOX');
    assert.equal(e.status, null);
    assert.match(e.message, new RegExp(`no sandbox answered at ${own.url}`));
  });
  await own.stop(); // a second stop does nothing
});

test('the start() shorthand, startSandbox and await using', async () => {
  assert.equal(sandboxModule.start, sandboxModule.startSandbox);
  const s = await sandboxModule.start({ binary: BINARY, seed: 3 });
  const disposed = s[Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose')];
  assert.equal((await s.health()).seed, 3);
  await disposed();
  await assert.rejects(attach(s.url, { timeoutMs: 2000 }), SandboxError);
});

test('a program that forgets stop() still ends, and its sandbox with it', async () => {
  const child = `
    const { start } = require(${JSON.stringify(require.resolve('phonecom/sandbox'))});
    start({ binary: process.argv[1] }).then(async (s) => {
      await s.health();
      console.log(s.process.pid);
    });`;
  const run = spawnSync(process.execPath, ['-e', child, BINARY], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, `the program did not end by itself: ${run.signal || run.stderr}`);
  const pid = Number(run.stdout.trim());
  assert.ok(pid > 0, run.stdout);
  const gone = () => {
    // Exited: no such process, or a zombie its new parent has not reaped yet.
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
    } catch {
      return true;
    }
  };
  for (let i = 0; i < 100 && !gone(); i++) await new Promise((done) => setTimeout(done, 50));
  assert.ok(gone(), 'the sandbox exited when its parent did');
});

test('attach drives a running sandbox from any URL on it', async () => {
  const attached = await attach(suite.sb.config.xml.base_url);
  assert.equal(attached.url, suite.sb.url);
  assert.deepEqual(attached.config, suite.sb.config);
  assert.equal(attached.process, null);
  await attached.queueFault({ status: 502, family: 'v1' });
  assert.deepEqual((await suite.sb.faults()).map((f) => f.path), ['/v1']);
  await attached.stop(); // not ours: still running
  assert.equal((await suite.sb.health()).status, 'ok');
  await assert.rejects(attach('127.0.0.1:8080'), /url: must be the sandbox's http:\/\/HOST:PORT/);
});

test("a start failure carries the sandbox's console", async () => {
  const taken = net.createServer();
  await new Promise((done) => taken.listen(0, '127.0.0.1', done));
  try {
    await rejectsWith(Sandbox.start({ binary: BINARY, port: taken.address().port }), (e) => {
      assert.ok(e instanceof SandboxError);
      assert.match(e.message, /exited before printing its config \(status 1\)/);
      assert.match(e.message, /Address already in use/, 'the tail of its stderr is in the error');
    });
  } finally {
    taken.close();
  }
  await assert.rejects(Sandbox.start({ binary: path.join(os.tmpdir(), 'no-such-sandbox') }), /cannot run .*ENOENT.*PHONECOM_SANDBOX_BIN/);
});

test('the console is kept unless asked for', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonecom-console-'));
  const chatty = path.join(dir, 'chatty-sandbox');
  fs.writeFileSync(chatty, `#!/bin/sh\necho "GET /v4/accounts 200 (console line)" >&2\nexec "${BINARY}" "$@"\n`, { mode: 0o755 });
  const child = `
    const { start } = require(${JSON.stringify(require.resolve('phonecom/sandbox'))});
    (async () => {
      const s = await start({ binary: process.argv[1], console: process.argv[2] === 'on' });
      await s.health();
      await s.stop();
      console.log('done');
    })();`;
  for (const mode of ['off', 'on']) {
    const run = spawnSync(process.execPath, ['-e', child, chatty, mode], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'done\n');
    assert.equal(run.stderr.includes('(console line)'), mode === 'on', `${mode}: ${run.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

// -- faults -------------------------------------------------------------------------------------

test('a typed fault reaches the next matching request', async () => {
  const queued = await suite.sb.queueFault({ status: 503, message: 'down for maintenance', path: '/v4/accounts', times: 2 });
  assert.deepEqual(queued, { id: queued.id, method: null, path: '/v4/accounts', fault: 'status=503;message=down for maintenance', remaining: 2 });
  assert.deepEqual(await suite.sb.faults(), [queued]);
  await rejectsWith(oneShot().v4.getAccount(), (e) => {
    assert.ok(e instanceof ServerError);
    assert.equal(e.status, 503);
    assert.match(e.message, /down for maintenance/);
  });
  assert.equal((await suite.sb.faults())[0].remaining, 1);
  const last = (await suite.sb.requests()).at(-1);
  assert.deepEqual([last.status, last.fault], [503, queued.fault]);
});

test('every fault field becomes its spec', async () => {
  const f = await suite.sb.queueFault({ status: 429, retryAfterSeconds: 2, code: 'rate_limited_pool', latencyMs: 50, method: 'get' });
  assert.equal(f.fault, 'latency=50;status=429;retry_after=2;code=rate_limited_pool');
  assert.equal(f.method, 'GET');
  for (const action of ['reset_before', 'reset_after', 'malformed', 'truncated']) {
    assert.equal((await suite.sb.queueFault({ action })).fault, action);
  }
  assert.equal((await suite.sb.queueFault({ status: 400, echo: true })).fault, 'status=400;echo');
  assert.equal((await suite.sb.queueFault('status=500;retry_after=1', { family: 'xml' })).path, '/special/xmlapi');
  assert.equal((await suite.sb.faults()).length, 7);
  await suite.sb.clearFaults();
  assert.deepEqual(await suite.sb.faults(), []);
});

test('a family stands for its path prefix, as its base URL says', async () => {
  for (const [family, prefix] of Object.entries(FAMILY_PATHS)) {
    assert.equal((await suite.sb.queueFault({ status: 500, family })).path, prefix);
    const base = new URL(suite.sb.config[family].base_url).pathname.replace(/\/$/, '');
    assert.equal(base, family === 'nol' ? '' : prefix, family); // numbers.online's API lives under /api
  }
});

test('a family fault hits that family only', async () => {
  await suite.sb.queueFault({ status: 500, family: 'xml' });
  const client = oneShot();
  await client.v4.getAccount();
  await assert.rejects(client.xml.getCallList({ startTime: 0, endTime: 1 }), ServerError);
  assert.deepEqual((await suite.sb.requests()).map((r) => r.fault), [null, 'status=500']);
});

test('bad fault arguments are refused before anything is sent', async () => {
  const cases = [
    [['status=500', { status: 500 }], /spec: give a spec string or the typed fields/],
    [[{ status: 500, family: 'v4', path: '/v4' }], /family, path: give one of them/],
    [[{ status: 500, family: 'v5' }], /family: must be one of v4, oauth, xml, v1, nol/],
    [[{ status: 400, message: 'a;b' }], /message: may not contain ';'/],
    [[{ action: 'explode' }], /action: must be reset_before, reset_after, malformed, truncated/],
    [[{ latencyMs: 0.5 }], /latencyMs: must be a whole number of milliseconds/],
    [[{ retryAfter: 2 }], /unknown option retryAfter/],
    [[{}], /say what goes wrong/],
    [[503], /spec: must be a fault spec string/],
  ];
  for (const [args, message] of cases) {
    await assert.rejects(suite.sb.queueFault(...args), (e) => e instanceof TypeError && message.test(e.message));
  }
  assert.deepEqual(await suite.sb.faults(), []);
});

test("the sandbox's refusal is a SandboxError with its message", async () => {
  await rejectsWith(suite.sb.queueFault({ status: 200 }), (e) => {
    assert.ok(e instanceof SandboxError && e instanceof Error);
    assert.equal(e.name, 'SandboxError');
    assert.deepEqual([e.status, e.method, e.path], [400, 'POST', '/_sandbox/faults']);
    assert.equal(e.sandboxMessage, 'status 200 is not an error status (400-599)');
    assert.equal(e.message, 'phonecom sandbox: POST /_sandbox/faults: answered 400: status 200 is not an error status (400-599)');
  });
  await assert.rejects(suite.sb.queueFault({ status: 500, times: 0 }), /`times` must be a positive integer/);
});

test('a 503, then the retry (the README example)', async () => {
  const client = new Client(suite.sb.config);
  await suite.sb.queueFault({ status: 503, path: '/v4/accounts' });
  await client.v4.getAccount();
  const attempts = (await suite.sb.requests()).filter((r) => r.path.startsWith('/v4/accounts'));
  assert.deepEqual(attempts.map((r) => [r.status, r.fault]), [[503, 'status=503'], [200, null]]);
});

// -- recorded requests --------------------------------------------------------------------------

test('requests since a seq, and clearing them', async () => {
  const client = new Client(suite.sb.config);
  await client.v4.getAccount();
  const first = await suite.sb.requests();
  await client.v4.listAccounts();
  const newer = await suite.sb.requests(first.at(-1).seq);
  assert.deepEqual(newer.map((r) => r.path), ['/v4/accounts']);
  assert.equal(newer[0].headers.authorization, 'Bearer ***', 'secrets are masked');
  assert.deepEqual(await suite.sb.requests({ since: first.at(-1).seq }), newer);
  assert.equal((await suite.sb.requests(0)).length, 2);
  await suite.sb.clearRequests();
  assert.deepEqual(await suite.sb.requests(), []);
});

test('requests filtered by family, status and limit', async (t) => {
  if (!('last_seq' in (await suite.sb.admin('GET', '/requests')))) return t.skip('this sandbox has no request filters (they came with the dashboard)');
  const client = oneShot();
  await client.v4.getAccount();
  await suite.sb.queueFault({ status: 503, family: 'xml' });
  await assert.rejects(client.xml.getCallList({ startTime: 0, endTime: 1 }), ServerError);
  await client.v4.listAccounts();
  const v4 = await suite.sb.requests({ family: 'v4' });
  assert.deepEqual(v4.map((r) => r.path), [`/v4/accounts/${suite.sb.config.v4.account_id}`, '/v4/accounts']);
  assert.deepEqual(v4.map((r) => r.family), ['v4', 'v4']);
  assert.equal(v4.at(-1).response.status, 200);
  for (const status of [503, '5xx', 'error']) assert.deepEqual((await suite.sb.requests({ status })).map((r) => r.status), [503], String(status));
  assert.deepEqual((await suite.sb.requests({ limit: 1 })).map((r) => r.path), ['/v4/accounts']);
  await assert.rejects(suite.sb.requests({ family: 'v5' }), /family: must be one of/);
});

test('state shows what the dashboard shows', async (t) => {
  let overview;
  try {
    overview = await suite.sb.state();
  } catch (e) {
    if (e.status === 404) return t.skip('this sandbox has no state views (they came with the dashboard)');
    throw e;
  }
  assert.equal(overview.seed, (await suite.sb.health()).seed);
  assert.ok(!JSON.stringify(overview).includes(suite.sb.config.v4.token), 'secrets are masked');
  await new Client(suite.sb.config).v4.createAccountSubaccount({ username: 'seen-in-state', password: 'Passw0rd!Passw0rd' });
  assert.ok(JSON.stringify(await suite.sb.state('v4')).includes('seen-in-state'));
  assert.equal(typeof (await suite.sb.state('v4', { q: '858' })), 'object');
  await rejectsWith(suite.sb.state('nowhere'), (e) => assert.equal(e.status, 404));
});

// -- the clock ----------------------------------------------------------------------------------

test('the clock moves and resets', async () => {
  const start = await suite.sb.clock();
  assert.equal(start.offsetSeconds, 0);
  assert.equal(typeof start.nowRfc3339, 'string');
  const moved = await suite.sb.advanceClock(3600);
  assert.equal(moved.offsetSeconds, 3600);
  assert.ok(moved.now >= start.now + 3600);
  assert.equal((await suite.sb.advanceClock(-600)).offsetSeconds, 3000);
  assert.equal((await suite.sb.setClockOffset(-86400)).offsetSeconds, -86400);
  assert.equal((await suite.sb.clock()).offsetSeconds, -86400);
  await assert.rejects(suite.sb.advanceClock(1.5), /seconds: must be a whole number of seconds/);
  await suite.sb.reset();
  assert.equal((await suite.sb.clock()).offsetSeconds, 0);
});

// -- rate limiting ------------------------------------------------------------------------------

test('rate limits switch on and back', async () => {
  const off = await suite.sb.rateLimit();
  assert.deepEqual(off, { enabled: false, perEndpoint: 30, windowSeconds: 30, total: 120, totalWindowSeconds: 60 });
  const on = await suite.sb.setRateLimit({ enabled: true, perEndpoint: 2 });
  assert.deepEqual(on, { ...off, enabled: true, perEndpoint: 2 });
  assert.deepEqual(await suite.sb.rateLimit(), on);
  const client = oneShot();
  await client.v4.getAccount();
  await client.v4.getAccount();
  await rejectsWith(client.v4.getAccount(), (e) => {
    assert.ok(e instanceof RateLimitedError);
    assert.equal(e.status, 429);
  });
  assert.equal((await suite.sb.setRateLimit({ enabled: false })).enabled, false);
  await client.v4.getAccount();
  await rejectsWith(suite.sb.setRateLimit({ perEndpoint: -1 }), (e) => {
    assert.equal(e.status, 400);
    assert.match(e.sandboxMessage, /invalid rate-limit settings/);
  });
  await assert.rejects(suite.sb.setRateLimit({ per_endpoint: 2 }), /unknown setting per_endpoint/);
});

// -- reset --------------------------------------------------------------------------------------

test('reset returns to the seed', async () => {
  const client = new Client(suite.sb.config);
  const before = (await client.v4.listAccounts()).total;
  await client.v4.createAccountSubaccount({ username: 'reset-me', password: 'Passw0rd!Passw0rd' });
  assert.equal((await client.v4.listAccounts()).total, before + 1);
  await suite.sb.queueFault({ status: 500, path: '/nowhere' });
  await suite.sb.reset();
  assert.equal((await client.v4.listAccounts()).total, before);
  assert.deepEqual(await suite.sb.faults(), []);
  assert.deepEqual((await suite.sb.requests()).map((r) => r.path), ['/v4/accounts']);
});

// -- call control and other admin routes --------------------------------------------------------

test('drive a call and read its transcript', async () => {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push(new URL(req.url, 'http://x').searchParams);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(seen.length === 1 ? 'play-and-get-digits,Main Menu,D' : '');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${server.address().port}/cc`;
    const t = await suite.sb.driveCall(url, { digits: ['1'], callerIdNumber: '+16195550199', callerIdName: 'Ada', timeoutMs: 2000 });
    assert.deepEqual([t.url, t.method, t.callerIdNumber], [url, 'GET', '+16195550199']);
    assert.equal(t.requests, t.steps.length);
    assert.equal(t.steps.length, seen.length);
    assert.ok(seen.length >= 2);
    assert.equal(t.steps[0].response.body, 'play-and-get-digits,Main Menu,D');
    assert.equal(seen[1].get('digits'), '1');
    assert.deepEqual(await suite.sb.calls(), [t]);
    assert.deepEqual(await suite.sb.call(t.uniqueID), t);
    await suite.sb.clearCalls();
    assert.deepEqual(await suite.sb.calls(), []);
    await rejectsWith(suite.sb.call(t.uniqueID), (e) => {
      assert.equal(e.status, 404);
      assert.equal(e.sandboxMessage, 'no such call');
    });
  } finally {
    server.close();
  }
  await assert.rejects(suite.sb.driveCall('http://127.0.0.1:9/', { method: 'PUT' }), /`method` must be GET or POST/);
  await assert.rejects(suite.sb.driveCall('http://127.0.0.1:9/', { digits: ['x'] }), /`digits` has an invalid entry/);
});

test('admin() reaches the families’ own routes', async () => {
  const xml = await suite.sb.admin('GET', '/xml');
  assert.equal(typeof xml, 'object');
  await rejectsWith(suite.sb.admin('GET', '/nowhere'), (e) => {
    assert.equal(e.status, 404);
    assert.equal(e.sandboxMessage, 'unknown admin route');
  });
});

test('sandbox.d.ts declares every export and compiles under --strict', { skip: !fs.existsSync(path.join(__dirname, '..', 'node_modules', '.bin', 'tsc')) && 'typescript is not installed' }, () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'sandbox.d.ts'), 'utf8');
  for (const name of Object.keys(sandboxModule)) {
    assert.match(dts, new RegExp(`export declare (class|const|function) ${name}\\b`), `${name} is declared`);
  }
  const tsc = path.join(__dirname, '..', 'node_modules', '.bin', 'tsc');
  const fixture = path.join(__dirname, 'support', 'sandbox-usage.ts');
  const run = spawnSync(tsc, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', fixture], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
