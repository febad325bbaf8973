'use strict';
// PhoneComError and one subclass per stable error kind, built from the core's error JSON.

const { operation: catalogOperation } = require('./catalog');

/** The prefix of a native error message that carries the core's error as JSON (src/errors.rs). */
const NATIVE_PREFIX = 'PHONECOM_ERROR_JSON:';

// KINDS (every kind with its class name, one naming scheme across Python, Node and PHP),
// FIELDS (every field of the core's error JSON) and DEPRECATED (old class names) come from the
// core's table; `internal` is not a kind of the core's errors but a bug inside the library (a
// Rust panic, or a native failure the binding did not expect), caught at the boundary.
// --- generated from core/src/error_table.rs by scripts/regen.sh: do not edit ---
/** Every kind, in the core's order: [kind, class name, what it means]. */
const KINDS = [
  ["validation", "ValidationError", "Bad input, refused before sending (naming the field and the rule), or refused by the upstream (400/422)."],
  ["authentication", "AuthenticationError", "Missing or wrong credentials (401)."],
  ["permission", "PermissionDeniedError", "Valid credentials, but not allowed to do this (403, 402-style refusals)."],
  ["not_found", "NotFoundError", "The resource does not exist (404, 410)."],
  ["conflict", "ConflictError", "The request conflicts with the resource's state (409)."],
  ["rate_limited", "RateLimitedError", "Too many requests (429, or the local rate budget); see retry_after."],
  ["server", "ServerError", "The upstream failed (5xx)."],
  ["transport", "TransportError", "The connection failed or was cut (DNS, refused, reset, TLS, a body cut short)."],
  ["timeout", "TimeoutError", "A timeout, or the call's deadline expired."],
  ["decode", "DecodeError", "A complete response could not be understood (malformed JSON or XML); see raw_body."],
  ["internal", "InternalError", "A bug inside libphonecom (a Rust panic), caught at the binding's boundary; please report it."],
];

/** Every field of the core's error JSON, in its order: [JSON key, property name]. */
const FIELDS = [
  ["kind", "kind"], // the stable category (`validation`, `rate_limited`, ...)
  ["message", "message"], // the full one-line description
  ["family", "family"], // the API family (`v4`, `oauth`, `express`, `xml`, `v1`, `nol`)
  ["operation", "operation"], // the canonical operation name (`v4.create-account-subaccount`)
  ["status", "status"], // the HTTP status of the failed response
  ["upstream_code", "upstreamCode"], // the upstream's own error code
  ["upstream_message", "upstreamMessage"], // the upstream's own message
  ["fields", "fields"], // the rejected fields, each a field name and the rule it broke
  ["retry_after", "retryAfter"], // seconds the upstream (or the local rate budget) asked to wait
  ["request_id", "requestId"], // the request id of the failed exchange
  ["retryable", "retryable"], // whether trying again later could succeed
  ["raw_body", "rawBody"], // a bounded prefix of a response body that could not be understood
  ["attempts", "attempts"], // how many times the request was sent (0 when refused before sending)
  ["doc_url", "docUrl"], // a page that explains the error, when the upstream gave one
  ["details", "details"], // further structured facts the upstream or the library gave (an object)
];

/** Old class names, still exported (deprecated): old name -> current name. */
const DEPRECATED = {
  PermissionError: "PermissionDeniedError",
};
// --- end of generated code ---

/** `validation` -> `PHONECOM_VALIDATION`. */
function codeOf(kind) {
  return `PHONECOM_${String(kind).toUpperCase()}`;
}

/**
 * Any failure of the library. `code` is stable per kind (`PHONECOM_RATE_LIMITED`, ...); the other
 * properties are what the upstream said, where it said it. Secrets never appear in the message or
 * in any property (the core masks them before the error reaches JavaScript).
 */
class PhoneComError extends Error {
  constructor(detail = {}) {
    super(detail.message || 'phonecom error');
    const kind = detail.kind || 'server';
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
    /** Stable lower-case kind: `validation`, `rate_limited`, ... */
    this.kind = kind;
    /** Stable code: `PHONECOM_VALIDATION`, `PHONECOM_RATE_LIMITED`, ... */
    this.code = codeOf(kind);
    this.family = detail.family ?? null;
    this.operation = detail.operation ?? null;
    this.status = detail.status ?? null;
    this.upstreamCode = detail.upstream_code ?? null;
    this.upstreamMessage = detail.upstream_message ?? null;
    this.fields = Array.isArray(detail.fields) ? detail.fields.map((f) => ({ field: f.field, message: f.message })) : [];
    /** Milliseconds the upstream asked to wait, or null (durations are milliseconds in Node). */
    this.retryAfterMs = typeof detail.retry_after === 'number' ? Math.round(detail.retry_after * 1000) : null;
    /** The same wait in seconds, as the Retry-After header counts (kept for existing code). */
    this.retryAfter = detail.retry_after ?? null;
    this.requestId = detail.request_id ?? null;
    this.retryable = Boolean(detail.retryable);
    this.rawBody = detail.raw_body ?? null;
    this.attempts = detail.attempts ?? 0;
    /** A page that explains the error, when the upstream gave one. */
    this.docUrl = detail.doc_url ?? null;
    /** Further structured facts the upstream or the library gave (an object, `{}` when none). */
    this.details = detail.details && typeof detail.details === 'object' ? { ...detail.details } : {};
  }

  /** Every field (the core's, under their JavaScript names), with `name`, `code` and `retryAfterMs`. */
  toJSON() {
    const out = { name: this.name, code: this.code };
    for (const [, prop] of FIELDS) {
      if (prop === 'retryAfter') out.retryAfterMs = this.retryAfterMs;
      out[prop] = this[prop];
    }
    return out;
  }
}

const classes = { PhoneComError };
const byKind = new Map();
for (const [kind, name] of KINDS) {
  // A named class per kind, so `instanceof` and stack traces say what happened.
  const cls = { [name]: class extends PhoneComError {} }[name];
  cls.code = codeOf(kind);
  cls.kind = kind;
  classes[name] = cls;
  byKind.set(kind, cls);
}

/**
 * The old class names (`PermissionError`), on `target` as getters that warn once with a
 * DeprecationWarning naming the new class; the class is the same, so `instanceof` works with both.
 */
function defineDeprecated(target) {
  for (const [old, current] of Object.entries(DEPRECATED)) {
    let warned = false;
    Object.defineProperty(target, old, {
      enumerable: false,
      get() {
        if (!warned) {
          warned = true;
          process.emitWarning(`phonecom: ${old} is deprecated: use ${current} (the same class)`, 'DeprecationWarning');
        }
        return classes[current];
      },
    });
  }
  return target;
}

/** Stable codes by kind: `CODES.rate_limited === 'PHONECOM_RATE_LIMITED'`. */
const CODES = Object.freeze(Object.fromEntries(KINDS.map(([k]) => [k, codeOf(k)])));

/** The error for a core error JSON object. */
function fromDetail(detail) {
  const cls = byKind.get(detail.kind) || PhoneComError;
  return new cls(detail);
}

/**
 * The error for something the native layer threw: the PhoneComError it carries, or, for a
 * failure the binding did not expect (napi's own), an InternalError with the original as `cause`.
 */
function fromNative(err) {
  if (err instanceof PhoneComError) return err;
  const msg = err && typeof err.message === 'string' ? err.message : String(err);
  if (msg.startsWith(NATIVE_PREFIX)) {
    try {
      return fromDetail(JSON.parse(msg.slice(NATIVE_PREFIX.length)));
    } catch {
      // Not the JSON the native layer writes: handled as unexpected, below.
    }
  }
  const code = err && typeof err.code === 'string' ? ` (${err.code})` : '';
  const detail = {
    kind: 'internal',
    message: `[internal] the native layer failed unexpectedly${code}: ${msg}; please report it`,
  };
  return Object.defineProperty(fromDetail(detail), 'cause', { value: err, enumerable: false, configurable: true, writable: true });
}

/**
 * The family of `operation` as the core's catalog has it (`v4` for `v4.get-account`); null for a
 * name that is no operation of the catalog (`withV4Token`, `numbers.checkE164`, a misspelt name).
 */
function familyOf(operation) {
  const op = operation ? catalogOperation(String(operation)) : undefined;
  return op ? op.family : null;
}

/** A validation error raised by the JavaScript layer itself (bad argument before any call). */
function validation(operation, field, rule) {
  return fromDetail({
    kind: 'validation',
    message: `[validation]${operation ? ` ${operation}:` : ''} \`${field}\` ${rule}`,
    operation: operation || null,
    family: familyOf(operation),
    fields: [{ field, message: rule }],
  });
}

/** Run a synchronous native function, converting what it throws. */
function sync(fn) {
  try {
    return fn();
  } catch (e) {
    throw fromNative(e);
  }
}

module.exports = { PhoneComError, classes, CODES, KINDS, FIELDS, DEPRECATED, defineDeprecated, fromDetail, fromNative, validation, sync, codeOf };
