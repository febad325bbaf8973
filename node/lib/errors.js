'use strict';
// PhoneComError and one subclass per stable error kind, built from the core's error JSON.

/** The prefix of a native error message that carries the core's error as JSON (src/errors.rs). */
const NATIVE_PREFIX = 'PHONECOM_ERROR_JSON:';

/** Every kind, in the core's order, with its stable `code` and class name. */
const KINDS = [
  ['validation', 'ValidationError'],
  ['authentication', 'AuthenticationError'],
  ['permission', 'PermissionError'],
  ['not_found', 'NotFoundError'],
  ['conflict', 'ConflictError'],
  ['rate_limited', 'RateLimitedError'],
  ['server', 'ServerError'],
  ['transport', 'TransportError'],
  ['timeout', 'TimeoutError'],
  ['decode', 'DecodeError'],
  // Not a kind of the core's errors: a bug inside the library (a Rust panic, or a native failure
  // the binding did not expect), caught at the boundary.
  ['internal', 'InternalError'],
];

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
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      kind: this.kind,
      message: this.message,
      family: this.family,
      operation: this.operation,
      status: this.status,
      upstreamCode: this.upstreamCode,
      upstreamMessage: this.upstreamMessage,
      fields: this.fields,
      retryAfterMs: this.retryAfterMs,
      retryAfter: this.retryAfter,
      requestId: this.requestId,
      retryable: this.retryable,
      rawBody: this.rawBody,
      attempts: this.attempts,
    };
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

/** A validation error raised by the JavaScript layer itself (bad argument before any call). */
function validation(operation, field, rule) {
  return fromDetail({
    kind: 'validation',
    message: `[validation]${operation ? ` ${operation}:` : ''} \`${field}\` ${rule}`,
    operation: operation || null,
    family: operation ? String(operation).split('.')[0] : null,
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

module.exports = { PhoneComError, classes, CODES, KINDS, fromDetail, fromNative, validation, sync, codeOf };
