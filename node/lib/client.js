'use strict';
// The Client: the generic `call`, the typed namespaces built from the catalog, and paging.

const url = require('node:url');
const util = require('node:util');
const native = require('./native');
const { fromNative, sync, validation } = require('./errors');
const { TREES, FAMILIES, isOperation, operation } = require('./catalog');
const { paramsJson, toJson } = require('./json');
const { namespaceProxy } = require('./suggest');
const paging = require('./paging');

const NATIVE = Symbol('phonecom.native');
const NAMESPACES = Symbol('phonecom.namespaces');
const LAST = Symbol('phonecom.lastResponse');
const NUMBER_OPTIONS = new Set(['attemptTimeoutMs', 'deadlineMs', 'maxAttempts']);
const OPTION_KEYS = [...NUMBER_OPTIONS, 'headers'];
let warnedTimeoutMs = false;

/**
 * Per-call options for the native layer: durations in milliseconds (`attemptTimeoutMs`,
 * `deadlineMs`), `maxAttempts`, `headers` (extra request headers, checked by the core). The old
 * `timeoutMs` still works, with a one-time DeprecationWarning. Unknown keys and wrong types are
 * refused.
 */
function callOptions(name, options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw validation(name, 'options', 'must be an object');
  const out = {};
  for (let [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (k === 'timeoutMs') {
      if (!warnedTimeoutMs) {
        warnedTimeoutMs = true;
        process.emitWarning(
          'phonecom: the call option timeoutMs is deprecated: use attemptTimeoutMs (it bounds each attempt; deadlineMs bounds the whole call)',
          'DeprecationWarning',
        );
      }
      k = 'attemptTimeoutMs';
    }
    if (k === 'headers') {
      out.headers = headerOptions(name, v);
      continue;
    }
    if (!NUMBER_OPTIONS.has(k)) {
      throw validation(name, `options.${k}`, `is not an option (known: ${OPTION_KEYS.join(', ')})`);
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw validation(name, `options.${k}`, 'must be a finite number');
    }
    out[k] = v;
  }
  return out;
}

/** `options.headers`: an object of strings (the core checks names and values). */
function headerOptions(name, headers) {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw validation(name, 'options.headers', 'must be an object of header names to strings');
  }
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v !== 'string') throw validation(name, `headers.${k}`, 'must be a string');
  }
  return headers;
}

/**
 * A call's response: `data`, `status`, `requestId`, `attempts`, and the raw exchange, `headers`
 * (names lower-cased, credentials masked) and `body` (text as received, at most 1 MiB;
 * `bodyTruncated` when cut), read from the native response only when asked for.
 */
function response(data, nativeResponse) {
  let headers;
  return Object.freeze({
    data,
    status: nativeResponse.status,
    requestId: nativeResponse.requestId,
    attempts: nativeResponse.attempts,
    get headers() {
      if (headers === undefined) headers = Object.freeze(JSON.parse(nativeResponse.headersJson));
      return headers;
    },
    get body() {
      return nativeResponse.body;
    },
    get bodyTruncated() {
      return nativeResponse.bodyTruncated;
    },
  });
}

/**
 * Make `raw` (a native response with `data` decoded) the client's latest. The exchange of a
 * plain call's response that nobody asked for is freed as soon as another call replaces it
 * (V8 cannot see that native memory, so it would not hurry to collect it); one handed out
 * (`callWith`, a read of `lastResponse`) is kept, its size reported to V8.
 */
function record(client, data, raw, response) {
  const previous = client[LAST];
  if (previous !== null && previous.response === undefined) previous.raw.release();
  if (response !== undefined) raw.keep();
  client[LAST] = { data, raw, response };
}

/** The native log callback for `options.onLog`: events arrive as JSON text on the main thread. */
function logCallback(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw validation(null, 'options', 'must be an object');
  for (const k of Object.keys(options)) {
    if (k !== 'onLog') throw validation(null, `options.${k}`, 'is not a client option (known: onLog)');
  }
  const { onLog } = options;
  if (onLog === undefined) return undefined;
  if (typeof onLog !== 'function') throw validation(null, 'options.onLog', 'must be a function');
  return (text) => {
    try {
      onLog(JSON.parse(text));
    } catch (e) {
      process.emitWarning(`phonecom: the onLog callback threw: ${e && e.message}`, 'PhoneComWarning');
    }
  };
}

/**
 * The configuration document as JSON text. Left out (`undefined`): the defaults (production
 * hosts, no credentials). `null` is refused: it is most often a lookup that found nothing, and
 * taking it for the defaults would point a client meant for the sandbox at production.
 */
function configJson(config) {
  if (typeof config === 'string') return config;
  if (config === undefined) return '{}';
  if (config === null) {
    throw validation(
      null,
      'config',
      'is null: pass an object or a JSON string; new Client() with no argument for the defaults ' +
        '(production hosts, no credentials), Client.fromEnv() for the PHONECOM_* variables',
    );
  }
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw validation(null, 'config', 'must be an object or a JSON string');
  }
  return toJson(null, 'config', config);
}

/**
 * A client for every family of the catalog. Safe to share: one connection pool, and calls run
 * concurrently on the library's own threads.
 *
 *   const client = new Client({ v4: { token, account_id: 1234 } });
 *   const numbers = await client.v4.listAvailablePhoneNumbers({ filters: { npa: 'eq:858' } });
 *   for await (const n of client.v4.listAvailablePhoneNumbers.iterate({ limit: 100 })) { ... }
 */
class Client {
  /**
   * `config`: an object or JSON text like the sandbox's config line; left out, the defaults
   * (production hosts, no credentials); `null` is refused. `options.onLog(event)`
   * receives every request, response, retry and failure (`{kind, operation, method, url, attempt,
   * request_id, status, elapsed_ms, message}`, secrets masked).
   */
  constructor(config, options) {
    const nativeClient =
      config instanceof native.NativeClient
        ? config
        : sync(() => new native.NativeClient(configJson(config), logCallback(options)));
    Object.defineProperty(this, NATIVE, { value: nativeClient });
    Object.defineProperty(this, NAMESPACES, { value: new Map() });
    Object.defineProperty(this, LAST, { value: null, writable: true });
  }

  /**
   * A client from `PHONECOM_CONFIG` (a JSON config file, or its text) and the other
   * `PHONECOM_*` variables over it (`options` as for the constructor). With nothing configured,
   * the first call that needs credentials rejects with an AuthenticationError saying so and
   * naming the variables.
   */
  static fromEnv(options) {
    return new Client(sync(() => native.NativeClient.fromEnv(logCallback(options))));
  }

  /**
   * A client from a JSON configuration file (e.g. the sandbox's config line saved to a file);
   * `options` as for the constructor. A file that cannot be read or is not JSON throws a
   * ValidationError naming the path.
   */
  static fromFile(path, options) {
    if (typeof path !== 'string' && !(path instanceof URL)) {
      throw validation('Client.fromFile', 'path', 'must be a string or a file: URL');
    }
    const file = path instanceof URL ? url.fileURLToPath(path) : path;
    return new Client(sync(() => native.NativeClient.fromFile(file, logCallback(options))));
  }

  /**
   * The latest successful call's response on this client object (as Twilio's
   * `httpClient.lastResponse`): `{data, status, requestId, attempts, headers, body,
   * bodyTruncated}`; `null` before the first. With calls in flight at once it is whichever
   * finished last: `callWith` pairs a response with its call.
   */
  get lastResponse() {
    const last = this[LAST];
    if (last === null) return null;
    if (last.response === undefined) {
      last.raw.keep();
      last.response = response(last.data, last.raw);
    }
    return last.response;
  }

  /** The User-Agent sent on every request. */
  get userAgent() {
    return this[NATIVE].userAgent;
  }

  /**
   * Call any catalog operation by its canonical name; resolves to the decoded result. `options`:
   * `{attemptTimeoutMs, deadlineMs, maxAttempts, headers}` (milliseconds; `headers` extra request
   * headers: no CR/LF, not Authorization, Host, Content-Length or User-Agent (set `app_info` in
   * the config for that)).
   */
  async call(name, params, options) {
    const raw = await nativeCall(this, name, params, options);
    const data = JSON.parse(raw.takeData());
    record(this, data, raw, undefined);
    return data;
  }

  /**
   * Like `call`, resolving to `{data, status, requestId, attempts, headers, body, bodyTruncated}`:
   * the response's headers (masked) and raw body too.
   */
  async callWith(name, params, options) {
    const raw = await nativeCall(this, name, params, options);
    const data = JSON.parse(raw.takeData());
    const r = response(data, raw);
    record(this, data, raw, r);
    return r;
  }

  /**
   * Every page of a pageable list (`limit` is the page size, `offset` the first row);
   * `options.onProgress({pages, rows, total})` runs after each page.
   */
  pages(name, params, options) {
    return paging.pages(this[NATIVE], String(name), params, options);
  }

  /**
   * Every row of a pageable list, across pages (v4 by limit/offset; `xml.getCallList` over
   * `{startTime, endTime}` by time windows, past the API's 500-row cap);
   * `options.onProgress({pages, rows, total})` runs after each page.
   */
  items(name, params, options) {
    return paging.items(this[NATIVE], String(name), params, options);
  }

  /** A client acting with a portal user's v4 token, sharing this client's connection pool. */
  withV4Token(token, accountId) {
    if (typeof token !== 'string') throw validation('withV4Token', 'token', 'must be a string');
    if (accountId !== undefined && accountId !== null && typeof accountId !== 'number') {
      throw validation('withV4Token', 'accountId', 'must be a number');
    }
    return new Client(sync(() => this[NATIVE].withV4Token(token, accountId ?? undefined)));
  }

  /**
   * A client acting with another numbers.online key (e.g. the key `nol.accountSignup` returns
   * once, or a tenant's), sharing this client's connection pool; the key is masked in its
   * errors. An empty or too-short key throws a ValidationError.
   */
  withNolKey(key) {
    if (typeof key !== 'string') throw validation('withNolKey', 'key', 'must be a string');
    return new Client(sync(() => this[NATIVE].withNolKey(key)));
  }

  /** `text` with every secret this client knows masked. */
  redact(text) {
    return this[NATIVE].redact(String(text));
  }

  /**
   * `util.inspect(client)` / `console.log(client)`: each family's host, the default account, and
   * which families have no credentials; never a secret (the core's summary holds none).
   */
  [util.inspect.custom](depth, opts, inspect = util.inspect) {
    const families = {};
    for (const [family, info] of Object.entries(JSON.parse(this[NATIVE].summary()))) {
      const notes = [];
      if (info.account_id !== undefined && info.account_id !== null) notes.push(`account ${info.account_id}`);
      if (info.credentials === false) notes.push('no credentials');
      families[family] = notes.length ? `${info.base_url} (${notes.join(', ')})` : info.base_url;
    }
    return `Client ${inspect(families, opts)}`;
  }
}

/**
 * The native call: resolves to a native response, rejects with a PhoneComError. The native layer
 * checks the arguments (the per-call options' rules) before it makes the promise, so a refusal
 * there is thrown synchronously: it becomes the same rejection.
 */
function nativeCall(client, name, params, options) {
  let pending;
  try {
    pending = client[NATIVE].call(String(name), paramsJson(name, params), callOptions(name, options));
  } catch (e) {
    return Promise.reject(fromNative(e));
  }
  return pending.catch((e) => {
    throw fromNative(e);
  });
}

/** One operation as a function of this client, with `.iterate` and `.pages` for lists. */
function method(client, op) {
  const fn = (params, options) => client.call(op.name, params, options);
  Object.defineProperty(fn, 'name', { value: op.name });
  fn.operation = op.name;
  fn.doc = op.doc;
  if (op.pageable) {
    fn.iterate = (params, options) => client.items(op.name, params, options);
    fn.pages = (params, options) => client.pages(op.name, params, options);
  }
  return Object.freeze(fn);
}

function bind(client, tree, path) {
  const ns = {};
  for (const [key, node] of Object.entries(tree)) {
    ns[key] = isOperation(node) ? method(client, node) : bind(client, node, [...path, key]);
  }
  return namespaceProxy(Object.freeze(ns), path);
}

// One getter per family of the catalog (`client.v4`, `client.xml`, ...); families that land in
// core later appear here without any change to this file.
for (const family of FAMILIES) {
  if (family in Client.prototype) {
    throw new Error(`phonecom: the family name ${family} collides with a Client member`);
  }
  Object.defineProperty(Client.prototype, family, {
    configurable: false,
    enumerable: false,
    get() {
      let ns = this[NAMESPACES].get(family);
      if (!ns) {
        ns = bind(this, TREES.get(family), [family]);
        this[NAMESPACES].set(family, ns);
      }
      return ns;
    },
  });
}

module.exports = { Client, operation };
