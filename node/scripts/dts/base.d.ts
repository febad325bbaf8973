/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Per-call overrides of the client's settings (durations in milliseconds). */
export interface CallOptions {
  /** Time one attempt may take, in milliseconds. */
  attemptTimeoutMs?: number;
  /** @deprecated The old name of `attemptTimeoutMs`. */
  timeoutMs?: number;
  /** Deadline of the whole call, retries and waits included, in milliseconds. */
  deadlineMs?: number;
  /** Attempts in total (1 disables retries). */
  maxAttempts?: number;
  /**
   * Extra request headers (e.g. `{'Idempotency-Key': 'order-4471'}`): no CR/LF; not Authorization,
   * Host, Content-Length, User-Agent (set `app_info` in the config) or other headers the library sets.
   */
  headers?: Record<string, string>;
}

/** A successful call with its metadata and raw exchange (`client.callWith`, `client.lastResponse`). */
export interface CallResponse<R> {
  readonly data: R;
  /** HTTP status. */
  readonly status: number;
  /** The upstream's request id when it sent one, else the library's. */
  readonly requestId: string;
  /** Attempts made. */
  readonly attempts: number;
  /** Response headers: names lower-cased, repeated values joined with `, `, credentials masked (`Bearer ***`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body as received, as text (at most 1 MiB). */
  readonly body: string;
  /** Whether `body` was cut at 1 MiB (`data` is always decoded from the whole body). */
  readonly bodyTruncated: boolean;
}

/** One page of a list. */
export interface Page<I> {
  items: I[];
  /** Rows matching in all, as the server reports it. */
  total: number | null;
  /** Offset of the first row. */
  offset: number;
  /** Page size used. */
  limit: number;
  requestId: string;
}

/** Where a list walk stands after its latest page. */
export interface Progress {
  /** Pages fetched so far. */
  readonly pages: number;
  /** Rows fetched so far, over all those pages. */
  readonly rows: number;
  /**
   * Rows the whole walk yields when the upstream says (its `total` less the starting `offset`);
   * `null` for lists with no total (`xml.getCallList`'s time windows).
   */
  readonly total: number | null;
}

/** Options of a list walk. */
export interface WalkOptions {
  /**
   * Called after each page, before its rows are yielded (awaited when it returns a promise); a
   * throw ends the walk with that error: `{onProgress: (p) => console.log(p.rows, 'of', p.total)}`.
   */
  onProgress?: (progress: Progress) => void | Promise<void>;
}

/** A file parameter: a path the library reads, or the content in base64. */
export type FileParam =
  | { path: string; filename?: string; content_type?: string }
  | { content_base64: string; filename?: string; content_type?: string };

/** v4 list filters: `{npa: 'eq:858', price: ['gte:100', 'lt:149']}` (ops: eq ne lt gt lte gte starts-with ends-with contains not-starts-with not-ends-with not-contains between:a,b not-between:a,b empty not-empty in:a,b not-in). */
export type Filters<F extends string> = { [K in F]?: string | string[] };

/** v4 list sorting: `{price: 'asc'}`. */
export type Sort<F extends string> = { [K in F]?: 'asc' | 'desc' };

/** Client configuration (the sandbox's config line has this form). */
export interface Config {
  /** `production` (default), `dev` (the XML API's dev host) or `sandbox` (base URLs given). */
  environment?: 'production' | 'dev' | 'sandbox';
  v4?: { base_url?: string; token?: string; account_id?: number };
  oauth?: { base_url?: string; client_id?: string; redirect_uri?: string };
  xml?: { base_url?: string; username?: string; password?: string; method?: 'POST' | 'GET' };
  v1?: { base_url?: string; api_key?: string; password?: string };
  nol?: { base_url?: string; api_key?: string; auth?: 'bearer' | 'x-api-key' };
  /** Milliseconds: `connect_ms` to connect, `attempt_ms` for one attempt (`overall_ms` is its old name). */
  timeouts?: { connect_ms?: number; attempt_ms?: number; /** @deprecated Use `attempt_ms`. */ overall_ms?: number };
  retry?: { max_attempts?: number; base_delay_ms?: number; max_delay_ms?: number; deadline_ms?: number };
  /** Proxy URL; otherwise HTTPS_PROXY / HTTP_PROXY / ALL_PROXY with NO_PROXY. */
  proxy?: string;
  /** Allow plain http:// to hosts other than loopback. */
  allow_insecure_http?: boolean;
  /** Your application, added to the User-Agent: `AcmePortal/2.1.0 (+https://acme.example)`. */
  app_info?: { name: string; version?: string; url?: string };
  /** Add headers and bodies (masked, cut at 4 KiB) to the `onLog` request and response events. */
  debug_log?: boolean;
  /**
   * The client-side rate budget: `store` is `memory` (the default: one budget per client, shared
   * by its calls in flight), `off`, or `redis://host:port/db` (one budget for every process and
   * machine naming that Redis; needs `state.key`); each family's limits (v4 defaults to
   * Phone.com's published 30 per endpoint per 30 s and 120 per 60 s; the others to none).
   */
  budget?: {
    store?: 'memory' | 'off' | `redis://${string}`;
    v4?: BudgetLimits;
    nol?: BudgetLimits;
    xml?: BudgetLimits;
    v1?: BudgetLimits;
  };
  /** With a Redis `budget.store`: `key`, 32 random bytes in base64 (the same in every process),
   * encrypts the unfinished sign-ups kept there. */
  state?: { key?: string };
}

/** One family's rate limits, per account: calls per endpoint per `window_s` seconds, and calls in total per `total_window_s` (0 switches a limit off). */
export interface BudgetLimits {
  per_endpoint?: number;
  window_s?: number;
  total?: number;
  total_window_s?: number;
}

/** The stable error kinds. */
export type ErrorKind =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'transport'
  | 'timeout'
  | 'decode'
  /** A bug inside the library, caught at its boundary (not an error of the API). */
  | 'internal';

/** The stable error codes, one per kind. */
export type ErrorCode = `PHONECOM_${Uppercase<ErrorKind>}`;

/** One rejected field: which one and the rule it broke. */
export interface FieldError {
  field: string;
  message: string;
}

/** Any failure of the library. No secret appears in the message or any property. */
export declare class PhoneComError extends Error {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  /** `v4`, `oauth`, `express`, `xml`, `v1`, `nol`, when known. */
  readonly family: string | null;
  /** The canonical operation name, when known. */
  readonly operation: string | null;
  /** HTTP status of the failed response. */
  readonly status: number | null;
  /** The upstream's own error code. */
  readonly upstreamCode: string | null;
  /** The upstream's own message. */
  readonly upstreamMessage: string | null;
  /** Field errors (the upstream's, or the library's validation). */
  readonly fields: FieldError[];
  /** Milliseconds the upstream asked to wait. */
  readonly retryAfterMs: number | null;
  /** @deprecated Seconds the upstream asked to wait (as the Retry-After header counts): use `retryAfterMs`. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;
  /** Whether trying again later could succeed. */
  readonly retryable: boolean;
  /** A bounded prefix of the raw response body (decode errors). */
  readonly rawBody: string | null;
  /** How many times the request was sent (0 when refused before sending). */
  readonly attempts: number;
  /** A page that explains the error, when the upstream gave one. */
  readonly docUrl: string | null;
  /** Further structured facts the upstream or the library gave (`{}` when none). */
  readonly details: { [key: string]: JsonValue };
  toJSON(): { [key: string]: JsonValue };
}
/** Bad input, refused before sending (or by the upstream, 400/422). */
export declare class ValidationError extends PhoneComError { readonly kind: 'validation'; readonly code: 'PHONECOM_VALIDATION'; }
/** Missing or wrong credentials (401). */
export declare class AuthenticationError extends PhoneComError { readonly kind: 'authentication'; readonly code: 'PHONECOM_AUTHENTICATION'; }
/** Not allowed (403, 402-style refusals). */
export declare class PermissionDeniedError extends PhoneComError { readonly kind: 'permission'; readonly code: 'PHONECOM_PERMISSION'; }
/** @deprecated The old name of `PermissionDeniedError` (the same class). */
export declare const PermissionError: typeof PermissionDeniedError;
/** @deprecated The old name of `PermissionDeniedError` (the same class). */
export type PermissionError = PermissionDeniedError;
/** The resource does not exist (404). */
export declare class NotFoundError extends PhoneComError { readonly kind: 'not_found'; readonly code: 'PHONECOM_NOT_FOUND'; }
/** The request conflicts with the resource's state (409). */
export declare class ConflictError extends PhoneComError { readonly kind: 'conflict'; readonly code: 'PHONECOM_CONFLICT'; }
/** Too many requests (429); see `retryAfter`. */
export declare class RateLimitedError extends PhoneComError { readonly kind: 'rate_limited'; readonly code: 'PHONECOM_RATE_LIMITED'; }
/** The upstream failed (5xx). */
export declare class ServerError extends PhoneComError { readonly kind: 'server'; readonly code: 'PHONECOM_SERVER'; }
/** The connection failed or was cut. */
export declare class TransportError extends PhoneComError { readonly kind: 'transport'; readonly code: 'PHONECOM_TRANSPORT'; }
/** A timeout or the call's deadline expired. */
export declare class TimeoutError extends PhoneComError { readonly kind: 'timeout'; readonly code: 'PHONECOM_TIMEOUT'; }
/** The response could not be understood. */
export declare class DecodeError extends PhoneComError { readonly kind: 'decode'; readonly code: 'PHONECOM_DECODE'; }
/**
 * A bug inside the library (a Rust panic, or a native failure the binding did not expect),
 * caught before it reached your code; nothing is printed on stderr. Please report it.
 */
export declare class InternalError extends PhoneComError { readonly kind: 'internal'; readonly code: 'PHONECOM_INTERNAL'; }

/** The error classes by name. */
export declare const errors: {
  readonly PhoneComError: typeof PhoneComError;
  readonly ValidationError: typeof ValidationError;
  readonly AuthenticationError: typeof AuthenticationError;
  readonly PermissionDeniedError: typeof PermissionDeniedError;
  /** @deprecated The old name of `PermissionDeniedError`. */
  readonly PermissionError: typeof PermissionDeniedError;
  readonly NotFoundError: typeof NotFoundError;
  readonly ConflictError: typeof ConflictError;
  readonly RateLimitedError: typeof RateLimitedError;
  readonly ServerError: typeof ServerError;
  readonly TransportError: typeof TransportError;
  readonly TimeoutError: typeof TimeoutError;
  readonly DecodeError: typeof DecodeError;
  readonly InternalError: typeof InternalError;
};

/** The stable codes by kind: `CODES.rate_limited === 'PHONECOM_RATE_LIMITED'`. */
export declare const CODES: { readonly [K in ErrorKind]: `PHONECOM_${Uppercase<K>}` };

/**
 * A name `call` takes besides the literal operation names: any `string` held in a variable, but
 * no other literal (a misspelt `'v4.get-acount'` becomes `never`, so it does not compile).
 */
export type AnyName<S extends string> = string extends S ? S : never;

/** The arguments of an operation: `params` may be omitted when nothing is required. */
export type CallArgs<N extends OperationName> = {} extends Operations[N]['params']
  ? [params?: Operations[N]['params'], options?: CallOptions]
  : [params: Operations[N]['params'], options?: CallOptions];

/** The arguments of a list walk. */
export type PageArgs<N extends OperationName> = {} extends Operations[N]['walk']
  ? [params?: Operations[N]['walk'], options?: WalkOptions]
  : [params: Operations[N]['walk'], options?: WalkOptions];

/** One operation as a method: `await client.v4.getAccount()`. */
export interface Method<N extends OperationName> {
  (...args: CallArgs<N>): Promise<Operations[N]['result']>;
  /** The canonical name (`v4.get-account`). */
  readonly operation: N;
  /** One-line doc. */
  readonly doc: string;
}

/** A list operation: also `iterate` (every row, across pages) and `pages`. */
export interface PageableMethod<N extends OperationName> extends Method<N> {
  /** Every row, fetched a page at a time: `for await (const row of method.iterate({...}))`. */
  iterate(...args: PageArgs<N>): AsyncGenerator<Operations[N]['item'], void, undefined>;
  /** Every page: `for await (const page of method.pages({limit: 100}))`. */
  pages(...args: PageArgs<N>): AsyncGenerator<Page<Operations[N]['item']>, void, undefined>;
}

/** One event of the client's log (every string already masked). */
export interface LogEvent {
  /** `warning`: the rate budget's Redis does not answer (once per outage; calls go on with an
   * in-process budget); `notice`: it answers again. */
  kind: 'request' | 'response' | 'retry' | 'failure' | 'warning' | 'notice';
  operation: string;
  method: string;
  url: string;
  attempt: number;
  request_id: string;
  status: number | null;
  elapsed_ms: number;
  message: string | null;
  /** With `debug_log`: the request's or response's headers, credentials masked; `{}` otherwise. */
  headers: Record<string, string>;
  /** With `debug_log`: the body, secrets masked, cut at 4 KiB; `null` otherwise. */
  body: string | null;
  /** Whether `body` was cut. */
  body_truncated: boolean;
}

/** Client options. */
export interface ClientOptions {
  /** Called on the main thread with each request, response, retry and failure. */
  onLog?: (event: LogEvent) => void;
}

/**
 * A client for every family of the catalog: `client.call(name, params)` and
 * `client.<family>.<method>(params)`. Every network call returns a Promise and runs on the
 * library's own threads. Safe to share; one connection pool.
 */
export declare class Client {
  /**
   * A client for `config` (an object, or JSON text such as the sandbox's config line). Left out,
   * the defaults (production hosts, no credentials); `null` throws a ValidationError (it is most
   * often a configuration lookup that found nothing).
   */
  constructor(config?: Config | string, options?: ClientOptions);
  /** A client from `PHONECOM_CONFIG` (a JSON config file, or its text) under the other `PHONECOM_*` variables. */
  static fromEnv(options?: ClientOptions): Client;
  /** A client from a JSON configuration file (e.g. the sandbox's config line saved to a file). */
  static fromFile(path: string | URL, options?: ClientOptions): Client;
  /** The latest successful call's response on this client object; `null` before the first. */
  readonly lastResponse: CallResponse<unknown> | null;
  /** The User-Agent sent on every request. */
  readonly userAgent: string;
  /**
   * Call any catalog operation by its canonical name. A written-out name is checked: it must be
   * an operation (`'v4.get-acount'` does not compile) and picks that operation's parameters and
   * result; a name in a `string` variable takes any object and gives `unknown`.
   */
  call<N extends OperationName>(name: N, ...args: CallArgs<N>): Promise<Operations[N]['result']>;
  call<S extends string>(name: AnyName<S>, params?: object, options?: CallOptions): Promise<unknown>;
  /** Like `call`, with the status, request id, attempts, and the response's headers and body. */
  callWith<N extends OperationName>(name: N, ...args: CallArgs<N>): Promise<CallResponse<Operations[N]['result']>>;
  callWith<S extends string>(name: AnyName<S>, params?: object, options?: CallOptions): Promise<CallResponse<unknown>>;
  /** Every page of a pageable list (`limit` is the page size, `offset` the first row). */
  pages<N extends PageableOperationName>(name: N, ...args: PageArgs<N>): AsyncGenerator<Page<Operations[N]['item']>, void, undefined>;
  /** Every row of a pageable list, across pages (`xml.getCallList`: every call of `{startTime, endTime}`). */
  items<N extends PageableOperationName>(name: N, ...args: PageArgs<N>): AsyncGenerator<Operations[N]['item'], void, undefined>;
  /**
   * A client acting with a portal user's v4 token, sharing this client's connection pool;
   * `accountId` (when a number) becomes its default account (a user token's `account_id` may be null).
   */
  withV4Token(token: string, accountId?: number | null): Client;
  /**
   * A client acting with another numbers.online key (the key `nol.accountSignup` returns once,
   * or a tenant's), sharing this client's connection pool; the key is masked in its errors.
   */
  withNolKey(key: string): Client;
  /** `text` with every secret this client knows masked. */
  redact(text: string): string;
}
export interface Client extends ClientFamilies {}

/** A catalog parameter. */
export interface CatalogParam {
  name: string;
  in: 'path' | 'query' | 'body' | 'form' | 'local';
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'file' | 'filters' | 'sort';
  required: boolean;
  doc?: string;
  fields?: string[];
  max?: number;
  min?: number;
  enum?: string[];
  format?: string;
  secret?: boolean;
  /** The configuration key that fills it when omitted. */
  prefilled?: string;
}

/** A catalog operation. */
export interface CatalogOperation {
  name: OperationName;
  family: string;
  method: string;
  path: string;
  doc: string;
  tag?: string;
  returns?: string;
  pageable?: boolean;
  origin?: string;
  params: CatalogParam[];
}

/** The catalog: every operation, and the schemas their results use. */
export interface Catalog {
  version: string;
  operations: CatalogOperation[];
  schemas: { [name: string]: JsonValue };
}

/** The catalog (frozen). */
export declare function catalog(): Catalog;
/** The catalog entry of one operation. */
export declare function operation(name: string): CatalogOperation | undefined;
/** The library's version. */
export declare const version: string;

/** An address as the Express Sign-Up guide describes it. */
export interface ExpressAddress {
  line_1: string;
  line_2?: string;
  city: string;
  /** Required for US and CA. */
  province?: string;
  postal_code?: string;
  /** ISO 3166 alpha-2, upper case. */
  country: string;
}

/** A contact as the Express Sign-Up guide describes it. */
export interface ExpressContact {
  name: string;
  company?: string;
  address: ExpressAddress;
  /** E.164. */
  phone: string;
  fax?: string;
  primary_email: string;
  alternate_email?: string;
}

/** Express Sign-Up helpers (no network). */
export declare const express: {
  /** The guide's user name `<partner>-<userId>`. Throws ValidationError. */
  username(partner: string, userId: string | number): string;
  /** A long random password (length >= 16, default 32). */
  generatePassword(length?: number): string;
  /** Check a contact against the guide's rules; every problem is listed in the error's `fields`. */
  validateContact(contact: object): ExpressContact;
};

/** E.164 and vanity-number helpers (no network). */
export declare const numbers: {
  isE164(number: string): boolean;
  /** Throws ValidationError naming the rule unless `number` is E.164. */
  checkE164(number: string): void;
  /** A human-written number in E.164: `normalize('858.555.0100') === '+18585550100'`. */
  normalize(number: string): string;
  /** Whether `number` is North American (`+1` and 10 digits). */
  isNanpa(number: string): boolean;
  /** Letters to keypad digits: `vanityToDigits('1800FLOWERS') === '18003569377'`. */
  vanityToDigits(pattern: string): string;
};

/** What a call-control request reports. */
export type CallEvent = 'new_call' | 'command_result' | 'digits' | 'completed' | 'error';

/** One call-control request from Phone.com, parsed and classified (absent fields are null). */
export interface CallRequest {
  event: CallEvent;
  /** Phone.com's id of the call. */
  uniqueID: string;
  /** The Phone.com number dialed. */
  dialedNumber: string;
  callerIdNumber: string | null;
  callerIdName: string | null;
  /** The partner's previous answer. */
  'previous-response': string | null;
  /** What the caller pressed after play-and-get-digits (empty on a timeout). */
  digits: string | null;
  /** Seconds, when the call has completed. */
  duration: number | null;
  /** Why a command failed. */
  error: string | null;
  /** Fields the document does not name. */
  extra: { [field: string]: string };
}

/** A call-control command in its JSON form. */
export type CallCommand =
  | { command: 'simple-forward'; number: string; dtmf?: string | null }
  | { command: 'simple-forward-voicetag'; text: string; number: string; dtmf?: string | null }
  | { command: 'multiple-forward'; numbers: string[] }
  | { command: 'multiple-forward-voicetag'; text: string; numbers: string[] }
  | { command: 'play-and-get-digits'; recording: string; patterns: string[] | string };

/** What a call-control answer may be: a command, a command line, or nothing. */
export type CallAnswer = CallCommand | string | null | undefined | void;

/** Call logic by event (only newCall is required). */
export interface CallHandler {
  newCall(call: CallRequest): CallAnswer | Promise<CallAnswer>;
  commandResult?(call: CallRequest, previous: string): CallAnswer | Promise<CallAnswer>;
  digits?(call: CallRequest, digits: string): CallAnswer | Promise<CallAnswer>;
  completed?(call: CallRequest, duration: number): void | Promise<void>;
  error?(call: CallRequest, error: string): void | Promise<void>;
}

/** What `callcontrol.handler` needs of an `http.IncomingMessage`. */
export interface CallControlRequestLike {
  url?: string;
  method?: string;
  on?(event: string, listener: (...args: any[]) => void): unknown;
}

/** What `callcontrol.handler` needs of an `http.ServerResponse`. */
export interface CallControlResponseLike {
  writeHead(status: number, headers: { [name: string]: string | number }): unknown;
  end(body: string): unknown;
}

/**
 * Call control: Phone.com calls the partner's URL and reads one text/plain command back. The
 * rules are the core's: voice tags of 1-40 characters without quotes, commas or line breaks,
 * E.164 numbers, DTMF only on the simple forwards, patterns of 0-9, D and |.
 */
export declare const callcontrol: {
  /** The command names of the protocol. */
  readonly COMMANDS: readonly string[];
  /** The longest voice tag, in characters. */
  readonly VOICE_TAG_MAX: number;
  /** The largest form body `handler` reads, in bytes (64 KiB); a larger one is answered 413. */
  readonly MAX_BODY: number;
  /** A request's query string, form body or URL, parsed and classified. Throws ValidationError. */
  parseRequest(input: string): CallRequest;
  /** A command's text/plain line; a line given as a string is checked by the same rules. Throws ValidationError. */
  render(command: CallCommand | string): string;
  /** A command line back to its JSON form. */
  parseCommand(line: string): CallCommand;
  /** An `http` request listener for the call-control URL: 400 for a request it cannot parse, 413 for a body over `MAX_BODY`, 500 with the reason for a throw or a command that breaks the rules. */
  handler<Req extends CallControlRequestLike = CallControlRequestLike, Res extends CallControlResponseLike = CallControlResponseLike>(
    answer: ((call: CallRequest, req: Req) => CallAnswer | Promise<CallAnswer>) | CallHandler,
  ): (req: Req, res: Res) => void;
};
