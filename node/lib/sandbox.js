'use strict';
/**
 * The sandbox shipped with the package: a local, stateful stand-in for every Phone.com service,
 * for developing before you have credentials, and its admin API (faults, recorded requests, the
 * clock, rate limits, reset, call-control calls).
 *
 *   const { Client } = require('phonecom');
 *   const { start } = require('phonecom/sandbox');      // ESM: import { startSandbox } from 'phonecom/sandbox'
 *   const sandbox = await start();                      // waits until it serves
 *   const client = new Client(sandbox.config);          // a ready client config
 *   await sandbox.queueFault({ status: 503, path: '/v4/accounts' });  // the next call fails once...
 *   await client.v4.getAccount();                       // ...and the client retries it
 *   (await sandbox.requests()).map((r) => r.status);    // [503, 200]
 *   await sandbox.stop();                               // also: `await using sandbox = await start()`
 *
 * `attach('http://127.0.0.1:8080')` drives a sandbox that is already running.
 *
 * The binary is `PHONECOM_SANDBOX_BIN` when set, else the one the package ships for this platform,
 * else `phonecom-sandbox` on PATH (the C tarball and the Debian package install one). It runs with
 * `--exit-on-eof`: it stops when this process closes its stdin, so it never outlives the program
 * (and it does not keep the program alive: one that forgets `stop()` still ends).
 * Its console (a line per request on stderr) is kept, not shown, unless `console: true`; the end of
 * it is in the error when the sandbox fails to start.
 */

const fs = require('node:fs');
const { prebuiltSandbox } = require('./platform');
const { spawnSandbox } = require('./sandbox-process');
const { faultSpec, familyPath, FAMILY_PATHS } = require('./sandbox-faults');

/** The sandbox binary this package would run. */
function sandboxBinary() {
  if (process.env.PHONECOM_SANDBOX_BIN) return process.env.PHONECOM_SANDBOX_BIN;
  const shipped = prebuiltSandbox();
  return fs.existsSync(shipped) ? shipped : 'phonecom-sandbox';
}

/**
 * The sandbox refused an admin request, could not be reached, or did not start. `code` is
 * `PHONECOM_SANDBOX`; `sandboxMessage` is the sandbox's own words; `status` the HTTP status (null
 * without an answer); `method` and `path` the admin request (null for a start failure).
 */
class SandboxError extends Error {
  constructor(message, { status = null, method = null, path = null } = {}) {
    const where = method && path ? `${method} ${path}: ` : '';
    const answered = status !== null ? `answered ${status}: ` : '';
    super(`phonecom sandbox: ${where}${answered}${message}`);
    Object.defineProperty(this, 'name', { value: 'SandboxError', enumerable: false, configurable: true, writable: true });
    this.code = 'PHONECOM_SANDBOX';
    this.sandboxMessage = message;
    this.status = status;
    this.method = method;
    this.path = path;
  }
}

function originOf(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new TypeError(`url: must be the sandbox's http://HOST:PORT, got ${JSON.stringify(url)}`);
  }
  return u.origin;
}

function wholeSeconds(name, value) {
  if (!Number.isInteger(value)) throw new TypeError(`${name}: must be a whole number of seconds, got ${value}`);
  return value;
}

/** Drops the undefined entries of `obj`. */
function defined(obj) {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The sandbox's rate-limit JSON in this package's names, and back. */
const RATE_NAMES = [
  ['enabled', 'enabled'],
  ['perEndpoint', 'per_endpoint'],
  ['windowSeconds', 'window_s'],
  ['total', 'total'],
  ['totalWindowSeconds', 'total_window_s'],
];
const rateFromWire = (w) => Object.fromEntries(RATE_NAMES.map(([js, wire]) => [js, w[wire]]));

/**
 * A sandbox this process started (`start()`) or found running (`attach()`), with its admin API.
 * Every method is one request to `/_sandbox/...` and returns a promise; a refusal rejects with a
 * `SandboxError` carrying the sandbox's message.
 */
class Sandbox {
  constructor(url, config, child = null) {
    /** `http://127.0.0.1:PORT`. */
    this.url = originOf(url);
    /** The client config: `new Client(sandbox.config)`. */
    this.config = config;
    /** The child process (null when attached). */
    this.process = child ? child.process : null;
    this._child = child;
    this[Symbol.asyncDispose || Symbol.for('nodejs.asyncDispose')] = () => this.stop();
  }

  /**
   * Start a sandbox; resolves once it serves. Options: `seed` (same seed, same credentials and
   * inventory), `port` (0: any free port), `rateLimit` (enforce the upstream rate limits),
   * `console` (show its console on this process's stderr), `binary` (overrides the lookup).
   */
  static async start({ seed, port, rateLimit = false, console: showConsole = false, binary = sandboxBinary() } = {}) {
    const args = [];
    if (seed !== undefined) args.push('--seed', String(seed));
    if (port !== undefined) args.push('--port', String(port));
    if (rateLimit) args.push('--rate-limit');
    let child;
    try {
      child = await spawnSandbox(binary, args, { console: showConsole });
    } catch (e) {
      throw new SandboxError(e.message);
    }
    return new Sandbox(child.config.v4.base_url, child.config, child);
  }

  /** A sandbox already running at `url` (any URL on it: the path is ignored); reads its config. */
  static async attach(url, { timeoutMs = 10_000 } = {}) {
    const sandbox = new Sandbox(url, null);
    sandbox.config = await sandbox.admin('GET', '/config', undefined, { timeoutMs });
    return sandbox;
  }

  /** Stop a sandbox this process started and wait for it to exit (nothing for an attached one). */
  async stop() {
    if (this._child) await this._child.stop();
  }

  /**
   * One admin request: `admin('GET', '/xml')` is `GET /_sandbox/xml`. The methods below cover the
   * documented routes; this reaches any other (the families' own, newer ones).
   */
  async admin(method, route, body, { timeoutMs = 10_000 } = {}) {
    const path = `/_sandbox${route}`;
    let res;
    let text;
    try {
      res = await fetch(this.url + path, {
        method,
        headers: body !== undefined ? { 'content-type': 'application/json' } : {},
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (e) {
      const why = (e.cause && (e.cause.code || e.cause.message)) || e.message;
      throw new SandboxError(`no sandbox answered at ${this.url} (${why})`, { method, path });
    }
    if (!res.ok) {
      let message;
      try {
        message = String(JSON.parse(text).error);
      } catch {
        message = text.trim() || res.statusText;
      }
      throw new SandboxError(message, { status: res.status, method, path });
    }
    return text ? JSON.parse(text) : null;
  }

  /** `{status: 'ok', seed}`. */
  async health() {
    return this.admin('GET', '/health');
  }

  /** The client config, read again from the sandbox (the same as `config`). */
  async fetchConfig() {
    return this.admin('GET', '/config');
  }

  /**
   * Make the next `times` matching requests misbehave; resolves to the queued fault.
   * `queueFault({status: 503, message: 'down', path: '/v4/accounts', times: 2})`, or a raw spec
   * string first: `queueFault('status=429;retry_after=2', {family: 'v4'})`. See sandbox.d.ts.
   */
  async queueFault(spec, options) {
    if (typeof spec === 'object' && spec !== null) {
      if (options !== undefined) throw new TypeError('queueFault: give (spec, options) or (options), not two objects');
      [spec, options] = [undefined, spec];
    } else if (spec !== undefined && typeof spec !== 'string') {
      throw new TypeError(`spec: must be a fault spec string such as 'status=503', got ${typeof spec}`);
    }
    const { family, path, method, times = 1, ...what } = options || {};
    if (spec !== undefined && Object.keys(defined(what)).length) {
      throw new TypeError('spec: give a spec string or the typed fields (status, message, ...), not both');
    }
    const fault = spec !== undefined ? spec : faultSpec(what);
    const prefix = familyPath(family, path);
    return this.admin('POST', '/faults', defined({ fault, times, method: method && String(method).toUpperCase(), path: prefix }));
  }

  /** The faults still queued, oldest first, each with how many uses it has left. */
  async faults() {
    return (await this.admin('GET', '/faults')).faults;
  }

  /** Drop every queued fault. */
  async clearFaults() {
    await this.admin('DELETE', '/faults');
  }

  /**
   * The requests the sandbox received (secrets masked), oldest first. `requests(seq)` or
   * `requests({since, family, status, limit})`: only those after that `seq`, only that family's
   * (`v4`, `oauth`, `xml`, `v1`, `nol`), only that status (`503`, `'5xx'`, or `'error'`: 400 and
   * up, or no answer), the newest `limit` of those.
   */
  async requests(filter) {
    const { since, family, status, limit } = filter !== null && typeof filter === 'object' ? filter : { since: filter };
    if (family !== undefined) familyPath(family);
    return (await this.admin('GET', `/requests${query({ since, family, status, limit })}`)).requests;
  }

  /** Forget the recorded requests. */
  async clearRequests() {
    await this.admin('DELETE', '/requests');
  }

  /** The sandbox clock: `{now (Unix seconds), nowRfc3339, offsetSeconds}`. */
  async clock() {
    return clockFromWire(await this.admin('GET', '/clock'));
  }

  /** Move the sandbox clock by `seconds` (negative: back); resolves to the new clock. */
  async advanceClock(seconds) {
    return clockFromWire(await this.admin('POST', '/clock', { advance_s: wholeSeconds('seconds', seconds) }));
  }

  /** Set the sandbox clock to real time plus `seconds` (0: back to real time). */
  async setClockOffset(seconds) {
    return clockFromWire(await this.admin('POST', '/clock', { offset_s: wholeSeconds('seconds', seconds) }));
  }

  /** The rate-limit settings: `{enabled, perEndpoint, windowSeconds, total, totalWindowSeconds}`. */
  async rateLimit() {
    return rateFromWire(await this.admin('GET', '/rate-limit'));
  }

  /** Change the given rate-limit settings (the rest stay) and restart the counters; resolves to them all. */
  async setRateLimit(settings = {}) {
    const unknown = Object.keys(settings).filter((k) => !RATE_NAMES.some(([js]) => js === k));
    if (unknown.length) throw new TypeError(`setRateLimit: unknown setting ${unknown[0]} (${RATE_NAMES.map(([js]) => js).join(', ')})`);
    const wire = defined(Object.fromEntries(RATE_NAMES.map(([js, w]) => [w, settings[js]])));
    return rateFromWire(await this.admin('POST', '/rate-limit', wire));
  }

  /**
   * What the dashboard shows, secrets masked: the overview (config, base URLs, clock, counts per
   * resource, queued faults, rate limits), or one `section` (`v4`, `xml`, `callcontrol`, `v1`,
   * `nol`); `v4` takes `{q, category}` to filter the inventory.
   */
  async state(section, filters = {}) {
    const route = section === undefined ? '/state' : `/state/${encodeURIComponent(section)}`;
    return this.admin('GET', route + query(filters));
  }

  /** Everything back to the seeded start: every family's state, faults, requests, clock and limits. */
  async reset() {
    await this.admin('POST', '/reset');
  }

  /**
   * Place a call-control call on `url` (your handler) the way Phone.com does, follow the commands
   * it answers, and resolve to the transcript. Options: `digits` (one entry per prompt), `method`
   * (`GET`/`POST`), `dialedNumber`, `callerIdNumber`, `callerIdName`, `forwardResults`
   * (`answered`/`no-answer`/`busy` per forward), `talkSeconds`, `maxRequests`, `timeoutMs` (per request).
   */
  async driveCall(url, { digits, method, dialedNumber, callerIdNumber, callerIdName, forwardResults, talkSeconds, maxRequests, timeoutMs } = {}) {
    const body = defined({ url, digits, method, dialedNumber, callerIdNumber, callerIdName, forwardResults, talkSeconds, maxRequests, timeoutMs });
    // The sandbox waits up to timeoutMs for each of maxRequests requests to the handler.
    const bound = (timeoutMs || 5000) * (maxRequests || 20) + 10_000;
    return this.admin('POST', '/callcontrol/calls', body, { timeoutMs: bound });
  }

  /** The transcripts of the call-control calls driven so far, oldest first. */
  async calls() {
    return (await this.admin('GET', '/callcontrol/calls')).calls;
  }

  /** One call's transcript by its `uniqueID`. */
  async call(uniqueId) {
    return this.admin('GET', `/callcontrol/calls/${encodeURIComponent(uniqueId)}`);
  }

  /** Forget the call-control transcripts. */
  async clearCalls() {
    await this.admin('DELETE', '/callcontrol/calls');
  }
}

/** `?a=1&b=2` of the defined entries of `params` ('' when none). */
function query(params) {
  const given = Object.entries(params).filter(([, v]) => v !== undefined && v !== null);
  return given.length ? `?${new URLSearchParams(given.map(([k, v]) => [k, String(v)]))}` : '';
}

function clockFromWire(w) {
  return { now: w.now, nowRfc3339: w.now_rfc3339, offsetSeconds: w.offset_s };
}

/** Start a sandbox: `Sandbox.start(options)`. */
function start(options) {
  return Sandbox.start(options);
}

/** A sandbox already running at `url`: `Sandbox.attach(url)`. */
function attach(url, options) {
  return Sandbox.attach(url, options);
}

module.exports = { start, startSandbox: start, attach, Sandbox, SandboxError, sandboxBinary, FAMILY_PATHS };
