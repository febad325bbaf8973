// Type declarations of the phonecom package (libphonecom 0.1.0).
// Written by scripts/gen-dts.js from the catalog and scripts/dts/base.d.ts; regenerate with
// `npm run gen-dts` (tests/dts.test.js fails when this file is stale).

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

// ---- Generated from the catalog by scripts/gen-dts.js: do not edit below this line. ----

// Result schemas (from the upstream specifications).

/** The Full Account Object includes all of the properties in the Account Summary Object, along with the following: */
export interface AccountFull {
  /** Account ID. Sometimes referred to as "Voip ID" or "voip_id". */
  id?: number;
  /** Name on the account. Read-only. */
  name?: string;
  /** Account user name */
  username?: string;
  /** Account password. For security reason, this is masked as "**" */
  password?: string;
  /** If this account is a subaccount, this property shows the master account that it belongs to. Otherwise it is NULL. Read-only. Output is an Account Summary Object. */
  master_account?: AccountSummary | null;
  /** Contact Object. See below for details. */
  contact?: ContactAccount;
  /** Contact Object for billing purposes. See below for details. */
  billing_contact?: ContactAccount | null;
}

/** One verified number bound to the calling account, with its call-provenance enrollment state. These are the only fields the resource exposes — the platform's internal review/monitoring columns are operator-only by design. */
export interface AccountPhone {
  e164?: string;
  /** When the OTP bind verified this number onto the account. */
  verified_at?: string;
  precall_enrolled?: boolean;
  precall_enrolled_at?: string | null;
}

/** The Account Summary Object is used to briefly represent an account. It can occur in several places throughout this API. Here are the properties: */
export interface AccountSummary {
  /** Account ID. Sometimes referred to as "Voip ID" or "voip_id". */
  id?: number;
  /** Name on the account. Read-only. */
  name?: string;
}

/** Contact Address Object. See below for details. */
export interface Address {
  /** Street address line 1. Required. */
  line_1: string;
  /** Street address line 2 */
  line_2?: string;
  /** City. Required. */
  city: string;
  /** Province. Required if country is US */
  province?: string;
  /** Postal code */
  postal_code?: string;
  /** 2-character country code. Required. */
  country: string;
}

/** A postal address as requests take it */
export interface AddressInput {
  /** Street address */
  line_1: string;
  /** Second line */
  line_2?: string;
  /** City */
  city: string;
  /** State or province (required when the country is US or CA) */
  province?: string;
  /** Postal code */
  postal_code?: string;
  /** ISO 3166 alpha-2 country code, upper case (US) */
  country: string;
}

export interface AddressListContacts {
  /** Address type, one of: home or business. Default is home. */
  type?: string;
  /** House number and street name, including apartment, suite, etc. */
  street?: string;
  /** City */
  city?: string;
  /** State or province */
  state?: string;
  /** Zip code or postal code */
  zip?: string;
  /** Country name */
  country?: string;
}

/** Display-only view of an API key (§4.4). Raw key material and hashes are never returned. */
export interface ApiKeyView {
  id?: string;
  key_prefix?: string;
  name?: string;
  /** Non-null for tenant sub-keys. */
  tenant_id?: string | null;
  tier?: "free" | "standard" | "enterprise";
  allowed_use_cases?: string[];
  /** Requests per 60-second window. */
  rate_limit?: number;
  requests_total?: number;
  last_used_at?: string | null;
  disabled?: boolean;
  require_signed_requests?: boolean;
  /** Non-null while a rotation grace window is open (the previous key still validates until then). */
  rotation_grace_expires_at?: string | null;
  created_at?: string;
}

/** The Full Application Object is identical to the Application Summary Object. See above for details. */
export interface ApplicationFull {
  /** Application ID. Read-only. */
  id?: number;
  /** Application name */
  name?: string;
}

/** The Application Summary Object is used to briefly represent an application. It can occur in several places throughout this API. Here are the properties: */
export interface ApplicationSummary {
  /** Application ID. Read-only. */
  id?: number;
  /** Application name */
  name?: string;
}

/** The Full Available Phone Number Object includes the properties in the Summary Object, along with the following: */
export interface AvailableNumbersFull {
  /** Phone number, in E.164 format */
  phone_number: string;
  /** Human-readable formatted version of the phone number */
  formatted: string;
  /** The one-time initial price for this number, in USD. Some numbers show REQUEST_QUOTE here. Please contact our sales department if you are interested in these numbers. */
  price?: number | "REQUEST_QUOTE";
  /** Whether the number is toll-free */
  is_toll_free?: boolean;
  /** The international dialing prefix for this number. For US and Canadian numbers, for example, this will be "1". */
  country_code?: string;
  /** Area code (a.k.a. NPA). Included for North American numbers only. */
  npa?: string;
  /** Second 3 digits (a.k.a. NXX). Included for North American numbers only. */
  nxx?: string;
  /** Last 4 digits (a.k.a. XXXX). Included for North American numbers only. */
  xxxx?: string;
  /** City with which this number is associated, if known. Otherwise NULL. */
  city?: string | null;
  /** State or Province with which this number is associated, if known. Postal Code. Otherwise NULL. */
  province?: string | null;
  /** Country with which this number is associated, if known. Otherwise NULL. */
  country?: string | null;
}

/** Each item in the 'details' record may contain the following properties: */
export interface CallDetails {
  /** UNIX time stamp representing the UTC time that this call item starts */
  start_time?: number;
  /** Endpoint for this call item, such as call, voicemail, fax, menu, menu item, queue ... */
  type?: string;
  /** ID associated with this call item endpoint (type) */
  id_value?: number;
  /** Same as account id */
  voip_id?: number;
  /** Same as account extension id */
  voip_phone_id?: number;
}

export interface CallFull {
  id?: string;
}

/** The Full Call Log Object includes the properties in the Call Log Summary Object, along with the following: */
export interface CallLogFull {
  /** ID */
  id?: string;
  /** Internal system id, may be null */
  uuid?: string | null;
  /** Account extension */
  extension?: ExtensionSummary;
  /** Call made from this phone number */
  caller_id?: string;
  /** Call made to this phone number */
  called_number?: string;
  /** Call start time */
  start_time?: string;
  /** Call log creation time. Same as call end time + time needed to create call log */
  created_at?: string;
  /** Call direction: in or out */
  direction?: string;
  /** Call type: call, fax, audiogram ... */
  type?: string;
  /** Call duration in seconds */
  call_duration?: number;
  /** Was call being monitored? */
  is_monitored?: string;
  /** Internal system call reference number */
  call_number?: string;
  /** Last action of call flow */
  final_action?: string;
  /** URL of voicemail if available. User may download the audio via this URL. Empty string if voicemail does not exist */
  voicemail_url?: string;
  /** URL of voicemail if available. User may listen to the audio online via this URL. Empty string if voicemail does not exist */
  voicemail_cp_url?: string;
  /** Transcript of voicemail if enabled and available */
  voicemail_transcript?: string;
  /** URL of call recording if available. User may download the audio via this URL. Empty string if call recording does not exist */
  call_recording_url?: string;
  /** URL of call recording if available. User may listen to the audio online via this URL. Empty string if call recording does not exist */
  call_recording_cp_url?: string;
  /** A list of call flows from beginning of call to end of call. */
  details?: CallDetails[];
  /** Internal system caller id / name */
  caller_cnam?: string;
}

/** Call Notifications Object or NULL */
export interface CallNotifications {
  /** Array of email addresses */
  emails?: string[];
  /** A phone number capable of receiving SMS messages */
  sms?: string;
}

export interface CallbackObject {
  /** URL of webhook, where the event is emitted to. Note: The listener supports both HTTP & HTTPS, we highly recommend that users use HTTPS on all callbacks (with user name and password) to ensure no one may send malicious events pretending to be Phone.com. */
  url?: string;
  /** Role of callback: main or backup */
  role?: string;
  /** HTTP method: get or post */
  verb?: string;
  /** Optional user name needed to logon to the webhook URL */
  username?: string;
  /** Optional password needed to logon to the webhook URL */
  password?: string;
  /** Optional : Duration of HTTP response will time out while sending the event to the callback URL. (1 - 10 seconds) */
  timeout?: number;
}

/** Here are all of the properties you can expect for Caller ID objects: */
export interface CallerIdFull {
  /** Phone number, in E.164 format */
  number?: string;
  /** Name you have supplied for this number */
  name?: string;
  /** Type of Caller ID. account means this number is registered to your account, and extra refers to extra numbers which you have authorized, which are not managed under Phone.com. */
  type?: string;
}

/** Here are all of the properties you can expect for Caller ID objects: */
export interface CallerIdPhoneNumber {
  /** Name that this number will be associated with. Must be no longer than 15 characters, and can only contain English letters, numbers, spaces, and commas. */
  name?: string;
  /** Can be "business" or "personal" */
  type?: string;
}

/** Indicative RETAIL cost to reach a destination on ONE channel, aggregated across provider price-list decks. All amounts are decimal USD strings (money is integer micro-USD internally). `unit` says whether the figures are per minute (voice) or per message (sms). The channel-relevant lane fields (voice: `international`/`local`; sms: `person`/`application`) appear at the aggregate level and per provider; `breakdown` lists only publicly-displayable providers (cheapest avg first), with anonymous sources folded into the aggregate numbers only. */
export interface ChannelCost {
  unit?: "per_minute" | "per_message";
  min_usd?: string;
  avg_usd?: string;
  max_usd?: string;
  /** The line-type filter that was applied (e.g. `mobile`, `premium`), or null when unfiltered. */
  network_type?: string | null;
  /** Distinct providers behind the aggregate (named + anonymous). */
  providers?: number;
  /** Underlying rate entries aggregated. */
  rate_count?: number;
  /** Voice only: cross-provider international-lane aggregate. */
  international?: LaneUsd | null;
  /** Voice only: cross-provider in-country-lane aggregate. */
  local?: LaneUsd | null;
  /** SMS only: cross-provider P2P aggregate. */
  person?: LaneUsd | null;
  /** SMS only: cross-provider A2P aggregate. */
  application?: LaneUsd | null;
  breakdown?: ProviderCost[];
}

export interface ContactAccount {
  /** Name. Required. */
  name?: string;
  /** Company name */
  company?: string;
  address?: Address;
  /** Phone number. Required. */
  phone?: string;
  /** Fax number */
  fax?: string;
  /** Primary email address. Required. */
  primary_email?: string;
  /** Alternate email address */
  alternate_email?: string;
}

/** The Full Contact Object includes all of the properties in the Contact Summary Object, along with several more: */
export interface ContactFull {
  /** Integer ID. Read-only. */
  id?: number;
  /** Salutation, such as Mr, Mrs, or Dr */
  prefix?: string;
  /** First name or given name */
  first_name?: string;
  /** Middle or second name */
  middle_name?: string;
  /** Last name or surname */
  last_name?: string;
  /** Suffix, such as "Jr.", "Sr.", "II", or "III" */
  suffix?: string;
  /** Nickname, or a shortened informal version of the contact's name */
  nickname?: string;
  /** Name of the contact's company */
  company?: string;
  /** Phonetic first name. Useful for remembering how to pronounce the contact's name. */
  phonetic_first_name?: string;
  /** Phonetic middle name. Useful for remembering how to pronounce the contact's name. */
  phonetic_middle_name?: string;
  /** Phonetic last name. Useful for remembering how to pronounce the contact's name. */
  phonetic_last_name?: string;
  /** Name of the contact's department */
  department?: string;
  /** Contact's job title */
  job_title?: string;
  /** Array of Contact Email Objects. See below for details. */
  emails?: Email[];
  /** Array of Contact Phone Number Objects. See below for details. */
  phone_numbers?: PhoneNumberContact[];
  /** Array of Contact Address Objects. See below for details. */
  addresses?: AddressListContacts[];
  group?: GroupListContacts;
  /** Integer UNIX timestamp when the contact was created. Read-only. */
  created_at?: number;
  /** Integer UNIX timestamp when the contact was created. Read-only. */
  updated_at?: number;
}

/** A contact as requests take it (account contact, billing contact, Express Sign-Up contact) */
export interface ContactInput {
  /** Full name */
  name: string;
  /** Company */
  company?: string;
  /** Postal address */
  address: AddressInput;
  /** Phone, E.164 (+15555550001) */
  phone: string;
  /** Fax */
  fax?: string;
  /** Primary email address */
  primary_email: string;
  /** Alternate email address */
  alternate_email?: string;
}

export interface ContactResponse {
  /** Contact name */
  name?: string;
  address?: Address;
  /** Primary email address. Required. */
  primary_email?: string;
  /** Alternate email address */
  alternate_email?: string;
  /** Company name */
  company?: string;
  /** Phone number. Required. */
  phone?: string;
  /** Fax number */
  fax?: string;
}

/** The Contact Summary Object is used to briefly represent a contact from your address book. It can be seen in several places throughout this API. Here are the properties: */
export interface ContactSummary {
  /** Integer ID. Read-only. */
  id?: number;
  /** Salutation, such as Mr, Mrs, or Dr */
  prefix?: string;
  /** First name or given name */
  first_name?: string;
  /** Middle or second name */
  middle_name?: string;
  /** Last name or surname */
  last_name?: string;
  /** Suffix, such as 'Jr.', 'Sr.', 'II', or 'III' */
  suffix?: string;
  /** Nickname, or a shortened informal version of the contact's name */
  nickname?: string;
  /** Name of the contact's company */
  company?: string;
}

export interface Country {
  /** ISO 3166-1 alpha-2 country code */
  code?: string;
  /** Country name */
  name?: string;
  /** Country calling code */
  callingCode?: string;
  /** Example phone number in E.164 format */
  exampleNumber?: string | null;
  /** Example phone number in national format */
  exampleNational?: string | null;
}

export interface CreateCallParams {
  /** Caller phone number in E.164 format */
  caller_phone_number?: string;
  /** Caller Extension ID */
  caller_extension?: number;
  /** Caller caller ID in E.164 format */
  caller_caller_id?: string;
  /** Flag to set caller ID to private */
  caller_private?: string;
  /** Callee phone number in E.164 format */
  callee_phone_number?: string;
  /** Callee Extension ID */
  callee_extension?: number;
  /** Callee caller ID in E.164 format */
  callee_caller_id?: string;
  /** Flag to set callee ID to private */
  callee_private?: string;
}

export interface CreateContactParams {
  /** First Name */
  first_name?: string;
  /** Middle Name */
  middle_name?: string;
  /** Last Name */
  last_name?: string;
  /** Prefix */
  prefix?: string;
  /** Phonetic First Name */
  phonetic_first_name?: string;
  /** Phonetic Middle Name */
  phonetic_middle_name?: string;
  /** Phonetic Last Name */
  phonetic_last_name?: string;
  /** Suffix */
  suffix?: string;
  /** Nickname */
  nickname?: string;
  /** Company Name */
  company?: string;
  /** Department Name */
  department?: string;
  /** Job Title */
  job_title?: string;
  /** Email Addresses */
  emails?: Email[];
  /** Phone Numbers */
  phone_numbers?: PhoneNumberContact[];
  /** Addresses */
  addresses?: AddressListContacts[];
  /** Contact Group */
  group?: { [key: string]: unknown };
}

export interface CreateDeviceParams {
  /** Device Name */
  name?: string;
  /** List of line objects */
  lines?: { [key: string]: unknown }[];
}

export interface CreateExtensionParams {
  voicemail?: VoicemailInput;
  call_notifications?: CallNotifications;
  /** Caller ID */
  caller_id?: string;
  /** Extension type */
  usage_type?: string;
  /** Extension number (auto-generated if empty) */
  extension?: number;
  /** Include in dial-by-name directory */
  include_in_directory?: string;
  /** Name (auto-generated if empty) */
  name?: string;
  /** Contact name */
  full_name?: string;
  /** Timezone */
  timezone?: string;
  /** Recording lookup object */
  name_greeting?: { [key: string]: unknown };
  /** Local area code */
  local_area_code?: string;
  /** Enable outgoing calls */
  enable_outbound_calls?: string;
  /** Enable Call Waiting */
  enable_call_waiting?: string;
}

export interface CreateGroupParams {
  /** Group name */
  name?: string;
}

export interface CreateListenerParams {
  /** Type of listener. Must be 'callback' */
  type?: string;
  /** Type of event to subscribe. 'call.new', 'call.update', 'call.complete' */
  event_type?: string;
  /** Array of Callback Objects. */
  callbacks?: CallbackObject[];
}

export interface CreateMediaParams {
  /** Name of media */
  name?: string;
  /** 'tts', 'file' */
  origin?: string;
  /** 'hold_music', 'greeting' */
  type?: string;
  /** 'allison', 'amy', 'belle', 'callie', 'callieq', 'dallas', 'damien', 'david', 'designerdave', 'diane', 'diesel', 'dog', 'duchess', 'duncan', 'emily', 'evilgenius', 'frank', 'french-fry', 'gregory', 'isabelle', 'jean-pierre', 'jerkface', 'katrin', 'kayla', 'kidaroo', 'lawrence', 'layo', 'linda', 'marta', 'matthias', 'miguel', 'millie', 'princess', 'ransomnote', 'robin', 'shouty', 'shygirl', 'tamika', 'tophat', 'vittoria', 'vixen', 'vlad', 'walter', 'whispery', 'william', 'wiseguy', 'zach' */
  tts_voice?: string;
  /** Text used for text-to-speech conversion, maximum 800 characters */
  tts_text?: string;
  /** 'Y', 'N'. Media file is temporary, will be deleted after a specified period. */
  is_temparary?: string;
  /** If is_temporary is 'Y', media will be deleted after the specified time in seconds */
  expiration_date?: number;
  /** Length of media in seconds */
  duration?: number;
  /** Notes about the media object */
  notes?: string;
  /** 'Y', 'N'. Start playing the media file in random location, instead of from the beginning */
  randomized?: string;
}

export interface CreateMenuParams {
  name?: string;
  greeting?: { [key: string]: unknown };
  keypress_error?: { [key: string]: unknown };
  allow_extension_dial?: string;
  keypress_wait_time?: number;
  timeout_handler?: { [key: string]: unknown };
  options?: { [key: string]: unknown }[];
}

export interface CreateOauthParams {
  /** authorization_code, client_credentials, password or refresh_token */
  grant_type?: string;
  /** Client ID */
  client_id?: string;
  /** Client Secret Key */
  client_secret?: string;
  /** Authorization Code created via the /oauth/authorization API */
  code?: string;
  /** The redirect URI where user enters authentication information */
  redirect_uri?: string;
  /** account-owner, extension-user and/or methods:ALL, separated by space (%20) */
  scope?: string;
  /** User name */
  username?: string;
  /** Password */
  password?: string;
  /** Refresh token */
  refresh_token?: string;
}

export interface CreatePaymentParams {
  /** Name of payment method */
  nickname?: string;
  /** primary, onfile or hidden */
  status?: string;
  /** Credit Card Type */
  type?: string;
  /** Credit Card Token. Token is obtained by entering credit card info via the Credit Card Entry Form */
  cc_token?: string;
}

export interface CreatePhoneNumberParams {
  /** Phone number */
  phone_number?: { [key: string]: unknown };
  /** Route lookup object */
  route?: { [key: string]: unknown };
  /** Phone Name */
  name?: string;
  /** Block incoming calls */
  block_incoming?: string;
  /** Block anonymous calls */
  block_anonymous?: string;
  caller_id?: CallerIdPhoneNumber;
  sms_forwarding?: SmsForwardingParams;
  call_notifications?: CallNotifications;
}

export interface CreatePricingParams {
  /** Pricing plan code */
  pricing_id?: number;
  /** Reason this pricing plan is added to the subaccount */
  reason?: string;
  /** Pricing plan expiration time in UNIX format. Disregard or set it to null for plan which never expires */
  expire_date?: number | null;
}

export interface CreateQueueParams {
  /** Name of queue */
  name?: string;
  /** Recording lookup object */
  greeting?: { [key: string]: unknown };
  /** Recording lookup object */
  hold_music?: { [key: string]: unknown };
  /** Max seconds for hold */
  max_hold_time?: number;
  /** Type of caller id */
  caller_id_type?: string;
  /** Number of seconds to ring each member */
  ring_time?: number;
  /** Extensions or phone numbers */
  members?: { [key: string]: unknown }[];
}

export interface CreateRedirectUriParams {
  /** Redirect URI string for use in redirect-based flows such as the authorization code and implicit flows */
  redirect_uri?: string;
}

export interface CreateRouteParams {
  /** Name */
  name?: string;
  /** Rule Sets */
  rules?: { [key: string]: unknown }[];
  /** Extension Reference */
  extension?: { [key: string]: unknown };
}

export interface CreateSmsParams {
  /** Phone number of sender */
  from: string;
  /** Outgoing destination numbers */
  to: string;
  /** Text body of the outgoing SMS message. Maximum 160 characters per message. */
  text: string;
  /** ID of Extension where the sms is saved */
  extension_id?: number;
}

export interface CreateSubaccountParams {
  /** Sub account password */
  username: string;
  /** Sub account password */
  password: string;
  /** Contact Object. See below for details. */
  contact?: ContactResponse;
  /** Contact Object for billing purposes. See below for details. */
  billing_contact?: ContactResponse;
}

export interface CreateTrunkParams {
  /** Name of Trunk */
  name?: string;
  /** URI of Trunk (in the form of SIP/user@host.com:port) */
  uri?: string;
  /** Max concurrent calls */
  max_concurrent_calls?: number;
  /** Max minutes per month */
  max_minutes_per_month?: number;
  /** Recording lookup object */
  greeting?: { [key: string]: unknown };
  /** Recording lookup object */
  error_message?: { [key: string]: unknown };
  /** Custom audio codec configuration */
  codecs?: { [key: string]: unknown }[];
}

export interface DeleteEntry {
  success?: boolean;
}

/** The Full Device Object includes the properties in the Device Summary Object, along with the following: */
export interface DeviceFull {
  /** ID */
  id?: number;
  /** User-supplied name, otherwise NULL */
  name?: string | null;
  sip_authentication?: SipAuthentication;
  /** Array of Line Objects showing which extensions are attached to this device, and their assigned line numbers. See below for details. */
  lines?: Line[];
}

/** Device Membership Object, or NULL. Read-only. See below for details. */
export interface DeviceMembership {
  /** Line number to which this extension is assigned. Integer. */
  line?: number;
  /** Device that this extension belongs to. Output is an Device Summary Object. */
  device?: DeviceSummary;
}

/** The Device Summary Object is used to briefly represent a VoIP device. It consists of the ID and name only: */
export interface DeviceSummary {
  /** ID */
  id?: number;
  /** User-supplied name, otherwise NULL */
  name?: string | null;
}

export interface Email {
  /** Email type, one of: primary or alternate. Default is primary. */
  type?: string;
  /** Email address. Required. */
  email?: string;
}

export interface Error {
  /** Legacy field emitted ONLY by the pre-v1 parse family (/api/parse, /api/parse/bulk, /api/countries). /v1 routes return only `error` — do not depend on `success` there. */
  success?: boolean;
  /** Human-readable error message (prose — switch on `code`, not on this string). */
  error: string;
  /** Stable machine-readable error code (added 2026-06-12, additive — older errors may omit it). See the "Error codes" section in the API description for the full table. A valid key on the wrong use case returns 403 use_case_forbidden (not 401): re-authing will not fix a permissions problem. */
  code?: "missing_key" | "invalid_key" | "use_case_forbidden" | "rate_limited_key" | "rate_limited_pool" | "rate_limited_ip" | "signature_invalid" | "insufficient_balance" | "account_suspended" | "paid_verification_required" | "receipt_invalid";
  /** Present on 429s: seconds until the window resets (mirrors the Retry-After header). */
  retry_after_seconds?: number;
}

/** A signed FCC robocall-mitigation evidence bundle (plan 4.5). PII-free (numbers only as hashes). A record of supplementary checks — NOT an FCC certification or compliance determination. */
export interface EvidenceBundle {
  schema_version?: string;
  bundle_id?: string;
  operator?: {
    account_id?: string | null;
    key_prefix?: string | null;
  };
  window?: {
    from?: string;
    to?: string;
  };
  generated_at?: string;
  /** Aggregate counts: checks, distinct_numbers, by_dnc, by_reassigned, by_context. */
  totals?: { [key: string]: unknown };
  /** SHA-256 Merkle root over the receipt leaves; null when the window held no receipts. */
  merkle_root?: string | null;
  receipts?: Receipt[];
  disclaimer?: string;
  /** 'ed25519:<base64>' over the canonical bundle, or 'unsigned'. */
  response_signature?: string;
  /** True when the window held more than the per-bundle receipt cap (disclosed, never silent). */
  truncated?: boolean;
  public_key_url?: string;
  verify?: string;
}

/** The Full Express Service Code Object includes the properties in the Express Service Code Summary Object, along with the following: */
export interface ExpressServiceCodeFull {
  /** ID */
  id?: number;
  /** An 8-digit number in string format */
  express_service_code?: string;
  /** UNIX time stamp representing the UTC time that the Express Service Code expires. Please note that every time this service is executed, the expire_date is set to now + 24 hours. */
  expire_date?: number[];
}

/** The Full Extension Object has the same properties as the Extension Summary Object, along with the following: */
export interface ExtensionFull {
  /** ID of the extension. This is the internal Phone.com ID, not the extension number callers may dial. */
  id?: number;
  /** User-supplied name for the extension. On POST, leaving this empty will result in an auto-generated value. On PUT, this field is required. */
  name?: string;
  /** Extension number that callers may dial. On POST, leaving this empty will result in an auto-generated value. On PUT, this field is required. */
  extension?: number;
  /** API Account ID. Optional, object may return the voip_id. */
  voip_id?: number;
  /** Full name of the individual or department to which this extension is assigned */
  full_name?: string;
  /** Can be "limited" or "unlimited". In most cases, changing this will affect your monthly bill. Please see our Control Panel or contact Customer Service for pricing. */
  usage_type?: string;
  device_membership?: DeviceMembership;
  /** Time zone. Can be in any commonly recognized format, such as "America/Los_Angeles". */
  timezone?: string;
  /** Greeting that communicates the extension's name. Output is a Greeting Summary Object. Input must be a Greeting Lookup Object. */
  name_greeting?: MediaSummary;
  /** Whether this extension should be included in the dial-by-name directory for this account. Boolean. */
  include_in_directory?: boolean;
  /** Phone number to use as Caller ID for outgoing calls. Must be a phone number belonging to this account, or one of any additional authorized phone numbers. You can use our List Caller Ids service to see a current list. To unassign, you may set this to "private", NULL, or an empty string. */
  caller_id?: string | null;
  /** For outbound calls, this is the North American area code that this extension is calling from. */
  local_area_code?: string;
  /** Whether Call Waiting is enabled. Boolean. Default is TRUE. */
  enable_call_waiting?: boolean;
  /** Whether outgoing calls are enabled. Boolean. Default is TRUE. */
  enable_outbound_calls?: boolean;
  voicemail?: Voicemail;
  call_notifications?: Notification;
  /** Route which will handle incoming voice and fax calls. Only valid on PUT requests, not POST. Output is a Route Summary Object if the route is named, otherwise the Full Route Object will be shown. Input must be a Route Lookup Object pointing to a named route. Route must belong to this extension already. */
  route?: RouteSummary;
}

/** The Extension Summary Object is used to briefly represent an extension. It can be seen in several places throughout this API. Here are the properties: */
export interface ExtensionSummary {
  /** ID of the extension. This is the internal Phone.com ID, not the extension number callers may dial. */
  id?: number;
  /** User-supplied name for the extension. On POST, leaving this empty will result in an auto-generated value. On PUT, this field is required. */
  name?: string;
  /** Extension number that callers may dial. On POST, leaving this empty will result in an auto-generated value. On PUT, this field is required. */
  extension?: number;
}

export interface FilterCallLogs {
  id?: string;
  start_time?: string;
  created_at?: string;
  direction?: string;
  called_number?: string;
  type?: string;
}

export interface FilterIdArray {
  id?: string;
}

export interface FilterIdDirectionFrom {
  id?: string;
  direction?: string;
  from?: string;
}

export interface FilterIdExtensionNameArray {
  id?: string;
  extension?: string;
  name?: string;
}

export interface FilterIdGroupIdUpdatedAtArray {
  id?: string;
  group_id?: string;
  updated_at?: string;
}

export interface FilterIdNameArray {
  id?: string;
  name?: string;
}

export interface FilterIdNamePhoneNumberArray {
  id?: string;
  name?: string;
  phone_number?: string;
}

export interface FilterListAvailableNumbers {
  phone_number?: string;
  country_code?: string;
  npa?: string;
  nxx?: string;
  xxxx?: string;
  city?: string;
  province?: string;
  country?: string;
  price?: string;
  category?: string;
}

export interface FilterListPhoneNumbersRegions {
  country_code?: string;
  npa?: string;
  nxx?: string;
  is_toll_free?: string;
  city?: string;
  province_postal_code?: string;
  country_postal_code?: string;
}

export interface FilterNameNumberArray {
  name?: string;
  number?: string;
}

export interface FilterVoicemailArray {
  id?: string;
  from?: string;
  to?: string;
  is_new?: string;
  created_at?: number;
  extension?: string;
}

/** Each entry in a Voicemail's from list is an object with the following properties: */
export interface FromObject {
  /** The caller phone number */
  number?: string;
  /** The name / caller ID of the caller */
  name?: string;
  /** The city where the caller is from */
  city?: string;
  /** The state where the caller is from */
  state?: string;
}

export interface GetOauthAccessToken {
  scope?: string;
  expires_at?: number;
  scope_details?: ScopeDetails[];
}

/** Voicemail Greeting Object. See below for details. Can be set to NULL to reset greeting options. */
export interface Greeting {
  /** The greeting to play. Can be "name" for the name_greeting as described above, "standard" for the standard greeting, or "alternate" for an alternate greeting. See below for details. */
  type?: string;
  /** Greeting to be played when type="alternate". Output is a Greeting Summary Object. Input must be a Greeting Lookup Object. */
  alternate?: MediaSummary;
  /** Greeting to be played when type="standard". Output is a Greeting Summary Object. Input must be a Greeting Lookup Object. */
  standard?: MediaSummary;
  /** Whether to prompt the caller with the following words after the voicemail greeting has been played: "Please leave your message after the tone. When finished, hang up or press the pound key." Boolean. */
  enable_leave_message_prompt?: boolean;
}

/** Voicemail Greeting Object. See below for details. Can be set to NULL to reset greeting options. */
export interface GreetingInput {
  /** The greeting to play. Can be "name" for the name_greeting as described above, "standard" for the standard greeting, or "alternate" for an alternate greeting. See below for details. */
  type?: string;
  /** Greeting to be played when type="alternate". Output is a Greeting Summary Object. Input must be a Greeting Lookup Object. */
  alternate?: MediaSummary;
  /** Greeting to be played when type="standard". Output is a Greeting Summary Object. Input must be a Greeting Lookup Object. */
  standard?: MediaSummary;
  /** Whether to prompt the caller with the following words after the voicemail greeting has been played: "Please leave your message after the tone. When finished, hang up or press the pound key." Boolean. */
  enable_leave_message_prompt?: string;
}

/** The Full Group Object is identical to the Group Summary Object. See above for details. */
export interface GroupFull {
  /** Integer ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

/** Contact Group that this contact is filed under. Output is a Group Summary Object. Input is a Group Lookup Object. */
export interface GroupListContacts {
  /** Integer ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

/** The Group Summary Object is used to briefly represent a contact group. It can occur in several places throughout this API. Here are the properties: */
export interface GroupSummary {
  /** Integer ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

/** Hold Music to be played while callers are waiting. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to TRUE. Default is to play a standard ring tone. */
export interface HoldMusic {
  /** Recording ID. Read-only. */
  id?: number;
  /** Name of recording */
  name?: string;
}

export interface InboundLookupResponse {
  schema_version?: string;
  result?: "found" | "no_record";
  number?: string;
  identity_type?: "verified_business" | "verified_individual" | "unverified" | "unknown";
  /** Business name, or "Verified & online" for individuals — never a personal name. */
  display_label?: string;
  /** Business profile URL only; null for individuals and unknown. */
  profile_url?: string | null;
  personal_details_exposed?: boolean;
  /** 0-100, higher = worse; null when identity_type is unknown. FROZEN field name — `risk` is the disclosed read. */
  risk_score?: number | null;
  risk_level?: "low" | "medium" | "high" | "unknown";
  risk?: RiskView;
  /** PII-free evidence labels. */
  signals?: string[];
  recommended_action?: "allow" | "label" | "challenge_or_route" | "block_candidate" | "allow_with_default_policy";
  ttl_seconds?: number;
  receipt_id?: string;
  /** 'ed25519:<base64>', or 'unsigned' when no signing key is configured. */
  response_signature?: string;
}

/** 402 body returned when a standard-tier account has no remaining credit for a billed request. A SUSPENDED account instead returns 403 with code `account_suspended` and no top-up pointer (payment does not lift a suspension). */
export interface InsufficientBalance {
  error?: string;
  /** Stable machine-readable code (added 2026-06-12). */
  code?: "insufficient_balance";
  /** Remaining balance in microdollars (may be 0 or null). */
  balance_micros?: number | null;
  /** How to add credit (prose; prefer the structured siblings). */
  topup?: string;
  /** Top-up endpoint path. */
  topup_url?: string;
  /** Minimum top-up amount in cents. */
  topup_min_cents?: number;
}

/** A min/avg/max spread for one pricing lane, as decimal USD strings. */
export interface LaneUsd {
  min_usd?: string;
  avg_usd?: string;
  max_usd?: string;
}

export interface Line {
  /** Line number */
  line?: number;
  /** Extensions object that this line number is mapped to. */
  extension?: ExtensionSummary;
}

export interface ListAccounts {
  filters?: FilterIdArray;
  sort?: SortId;
  total: number;
  offset: number;
  limit: number;
  items: AccountFull[];
}

export interface ListApplications {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: ApplicationFull[];
}

export interface ListAvailableNumbers {
  filters?: FilterListAvailableNumbers;
  sort?: SortListAvailableNumbers;
  total: number;
  offset: number;
  limit: number;
  items: AvailableNumbersFull[];
}

export interface ListCallLogs {
  filters?: FilterCallLogs;
  sort?: SortCallLogs;
  total: number;
  offset: number;
  limit: number;
  items: CallLogFull[];
}

export interface ListCallerIds {
  filters?: FilterNameNumberArray;
  sort?: SortNameNumber;
  total: number;
  offset: number;
  limit: number;
  items: CallerIdFull[];
}

export interface ListContacts {
  filters?: FilterIdGroupIdUpdatedAtArray;
  sort?: SortIdUpdatedAt;
  total: number;
  offset: number;
  limit: number;
  items: ContactFull[];
}

export interface ListDevices {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: DeviceFull[];
}

export interface ListExpressServiceCodes {
  filters?: FilterIdArray;
  sort?: SortId[];
  total: number;
  offset: number;
  limit: number;
  items: ExpressServiceCodeFull[];
}

export interface ListExtensions {
  filters?: FilterIdExtensionNameArray;
  sort?: SortIdExtensionName;
  total: number;
  offset: number;
  limit: number;
  items: ExtensionFull[];
}

export interface ListGroups {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: GroupFull[];
}

export interface ListListeners {
  filters?: FilterIdArray;
  sort?: SortId;
  total: number;
  limit: number;
  offset: number;
  items: ListenerFull[];
}

export interface ListMedia {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: MediaSummary[];
}

export interface ListMenus {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: MenuFull[];
}

export interface ListOauthClients {
  filters?: FilterIdArray;
  sort?: SortId;
  total: number;
  offset: number;
  limit: number;
  items: OauthClientFull[];
}

export interface ListOauthClientsRedirectUris {
  filters?: FilterIdArray;
  total: number;
  offset: number;
  limit: number;
  items: OauthClientRedirectUriFull[];
}

export interface ListPaymentMethods {
  filters?: FilterIdArray;
  sort?: SortId;
  total: number;
  offset: number;
  limit: number;
  items: PaymentFull[];
}

export interface ListPhoneNumbers {
  filters?: FilterIdNamePhoneNumberArray;
  sort?: SortIdNamePhoneNumber;
  total: number;
  offset: number;
  limit: number;
  /** Array of Contact Phone Number Objects. See below for details. */
  items: PhoneNumberFull[];
}

export interface ListPhoneNumbersRegions {
  group_by?: string[];
  filters?: FilterListPhoneNumbersRegions;
  sort?: SortListPhoneNumbersRegions;
  total: number;
  offset: number;
  limit: number;
  items: PhoneNumbersRegionFull[];
}

export interface ListPricings {
  filters?: FilterIdArray;
  sort?: SortId;
  total: number;
  offset: number;
  limit: number;
  items: PricingFull[];
}

export interface ListQueues {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: QueueFull[];
}

export interface ListRoutes {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: RouteFull[];
}

export interface ListSchedules {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: ScheduleFull[];
}

export interface ListSms {
  filters?: FilterIdDirectionFrom;
  sort?: SortIdCreatedAt;
  total: number;
  offset: number;
  limit: number;
  items: SmsFull[];
}

export interface ListTrunks {
  filters?: FilterIdNameArray;
  sort?: SortIdName;
  total: number;
  offset: number;
  limit: number;
  items: TrunkFull[];
}

export interface ListVoicemail {
  filters?: FilterVoicemailArray;
  sort?: SortIdCreatedAt;
  total: number;
  offset: number;
  limit: number;
  items: VoicemailFull[];
}

/** The Listener Object is used to represent a listener. Here are the properties: */
export interface ListenerFull {
  /** Integer ID. Read-only. */
  id?: number;
  voip_id?: number;
  /** Type of listener: callback */
  type?: string;
  /** Type of event subscribed by the listener: call.new, call.update, call.complete, call.log, sms.in, sms.out */
  event_type?: string;
  /** Array of Callback Object */
  callbacks?: { [key: string]: unknown }[];
  updated_at?: number;
  created_at?: number;
}

/** Bulk lookup result: one entry per submitted number (input order) plus a billing summary. */
export interface LookupBatchResponse {
  /** Version of the batch ENVELOPE (results/summary wrapper); each per-number result carries its own schema_version. */
  schema_version?: string;
  /** Per-number lookup results, in the order the numbers were submitted. */
  results?: LookupResponse[];
  summary?: {
    /** Numbers submitted. */
    total?: number;
    /** Numbers that parsed as valid (includes tenant-suppressed numbers, which are valid but not billed). */
    valid?: number;
    /** Numbers that were invalid (not billed). */
    invalid?: number;
    /** Valid numbers on the calling tenant's suppression list: returned with deterministic fields only (no enrichment) and not billed. */
    suppressed?: number;
    /** Valid numbers billed at $0.004 (fresh wholesale CNAM dip). */
    billed_fresh_cnam?: number;
    /** Valid numbers billed at $0.002 (cache hit or no CNAM supplier). */
    billed_enriched?: number;
  };
}

/** Uniform number-lookup result. The same shape is returned for valid, invalid, known, and unknown numbers (anti-enumeration). Invalid input yields `valid: false` with the deterministic fields (`e164`, `formatted`, `line_type`, `carrier`, `country`) null, `verstat` `unknown`, `confidence` `low`, and `spam_score` null. Enrichment fields (`cnam`, `spam_score`) are fail-open — they null out on a supplier/scoring error rather than failing the request. */
export interface LookupResponse {
  /** Shape version (date-stamped, unique per shape). Additive changes never bump it; remove/rename/retype does. */
  schema_version?: string;
  /** Canonical E.164 number, or null when the input is invalid. */
  e164?: string | null;
  /** Whether the input is a valid number. */
  valid?: boolean;
  /** Display formats; both null when invalid. */
  formatted?: {
    national?: string | null;
    international?: string | null;
  } | null;
  /** Lowercased line type ('mobile', 'fixed_line', 'voip', …), or null when indeterminate. */
  line_type?: string | null;
  /** Carrier of the number RANGE (original allocation, NOT porting-aware) — a supplementary signal. */
  carrier?: string | null;
  /** ISO 3166-1 alpha-2 country code. */
  country?: string | null;
  /** Caller name (CNAM), or null when unavailable or not dipped. Privacy carve-out: the name of an individual who has verified their personal number on Numbers Online is never returned (same invariant as the Inbound API's 'Verified & online' rule). */
  cnam?: string | null;
  /** Normalized STIR/SHAKEN verstat. `unknown` when no validation was performed or none was supplied. */
  verstat?: "verified" | "unverified" | "unknown";
  /** Supplementary low-confidence spam signal on a 1–99 scale (higher = riskier); null when no signal is available. FROZEN field name — `risk` is the disclosed read. */
  spam_score?: number | null;
  risk?: RiskView;
  /** Confidence label for the supplementary signals — always `low`. */
  confidence?: "low";
  /** True when CNAM was served from cache (no fresh supplier dip — billed at the cheaper rate). */
  cached?: boolean;
  /** Per-field data provenance (resale transparency). */
  sources?: {
    /** Provenance of the carrier field. */
    carrier?: "number_range_allocation" | null | null;
    /** Provenance of the CNAM field. */
    cnam?: "wholesale_cnam" | "cache" | null | null;
    /** Provenance of the spam signal (e.g. 'baseline_prior' or a '+'-joined basis list); null when no signal. */
    spam_score?: string | null;
  };
  /** Timestamp the lookup was assembled. */
  as_of?: string;
}

/** The Full Recording Object and the Summary Recording Object are the same. */
export interface MediaFull {
  /** Recording ID. Read-only. */
  id?: number;
  /** Name of recording */
  name?: string;
  /** Can be hold_music or greeting. Indicates the purpose of this recording and where it can be used. */
  type?: string;
}

/** The Recording Summary Object is used to briefly represent a media recording. It can be seen in several places throughout this API. Here are the properties: */
export interface MediaSummary {
  /** Recording ID. Read-only. */
  id?: number;
  /** Name of recording */
  name?: string;
}

export interface Member {
  /** Extension that this member refers to. Output is an Extension Summary Object. Input must be an Extension Lookup Object. */
  extension?: ExtensionSummary;
  /** Phone number */
  phone_number?: string;
}

/** The Full Menu Object contains the same properties as the Menu Summary Object, along with the following: */
export interface MenuFull {
  /** Integer Menu ID. Read-only. */
  id?: number;
  /** Name. Required. Unique. */
  name?: string;
  /** Boolean. Determines whether a caller can enter an extension number to bypass the menu. */
  allow_extension_dial?: boolean;
  /** Number of seconds to wait for the caller to choose a menu option. Must be between 1 and 5 seconds. */
  keypress_wait_time?: number;
  /** Greeting that is played when a caller enters a menu. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to FALSE. */
  greeting?: MediaSummary;
  /** Message that is played when the caller makes a keypress error. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to FALSE. */
  keypress_error?: MediaSummary;
  /** Route that will be entered when the caller fails to choose a menu option within the allotted time. Output is a Route Summary Object if the route is named, otherwise the Full Route Object will be shown. Input must be a Route Lookup Object pointing to a named route. */
  timeout_handler?: RouteSummary;
  /** Array of menu option objects. See below for details. */
  options?: Option[];
}

/** The Menu Summary Object is used to briefly represent a menu. It can be seen in several places throughout this API. Here are the properties: */
export interface MenuSummary {
  /** Integer Menu ID. Read-only. */
  id?: number;
  /** Name. Required. Unique. */
  name?: string;
}

/** A self-service API account. Balances are in microdollars (1e-6 USD): $0.004 = 4,000, a $5 top-up = 5,000,000. */
export interface NolAccount {
  id?: string;
  /** Optional renewal-reminder email (may be null). */
  email?: string | null;
  name?: string | null;
  /** Remaining prepaid credit in microdollars. */
  balance_micros?: number;
  /** Same balance as a 2-decimal USD string. */
  balance_usd?: string;
  status?: "active" | "suspended";
  created_at?: string;
}

export interface NolAccountPhonePatchResponse {
  schema_version?: string;
  phone?: AccountPhone;
  /** The enrollment attestation; present only when enrolling. */
  attestation?: string;
}

export interface NolAccountPhonesListResponse {
  schema_version?: string;
  phones?: AccountPhone[];
}

export interface NolAccountSignupResponse {
  schema_version?: string;
  account?: {
    id?: string;
    email?: string | null;
    balance_micros?: number;
  };
  /** The raw key — shown ONLY here, never again. */
  api_key?: string;
  /** Non-secret display prefix you can store/show. */
  key_prefix?: string;
  /** Machine-readable key descriptor (§4.6). The pooled limits are the unverified FLOOR — budgets are recomputed per-request from live account state, and each verified business number raises them (+60/min, +2,000/day lookups, +100/day reports). The flagship lookup endpoints are governed by the POOLED budget shared across your keys, not the per-key window. */
  key?: {
    tier?: "free" | "standard" | "enterprise";
    use_cases?: string[];
    limits?: {
      per_key_per_min?: number;
      pooled_lookups_per_min?: number;
      pooled_lookups_per_day?: number;
      pooled_reports_per_day?: number;
    };
    limits_note?: string;
  };
  /** Key-handling and tier guidance. */
  note?: string;
  docs_url?: string;
}

export interface NolAccountTopupResponse {
  /** Stripe Checkout URL to redirect the buyer to. */
  url?: string;
  /** Stripe Checkout session id. */
  session_id?: string;
  /** Echo of the promotion behavior this checkout will apply. */
  promote_keys?: boolean;
  note?: string;
}

export interface NolAccountVerifyPhoneConfirmResponse {
  ok?: boolean;
  verified_phone?: string;
  account_id?: string;
  /** True when the number was already bound to this account (idempotent re-confirm). */
  already_bound?: boolean;
}

export interface NolAccountVerifyPhoneStartResponse {
  ok?: boolean;
  /** The code, echoed only in the dev OTP provider; never present in production. */
  dev_code?: string;
}

export interface NolAddTenantSuppressionResponse {
  tenant_id?: string;
  suppressed?: boolean;
  label?: string | null;
}

export interface NolCreateAccountKeyResponse {
  schema_version?: string;
  api_key?: string;
  key?: ApiKeyView;
  note?: string;
}

export interface NolCreateTenantResponse {
  tenant?: Tenant;
  /** Suggested next call. */
  next?: string;
}

export interface NolGetAccountKeyResponse {
  schema_version?: string;
  key?: ApiKeyView;
}

export interface NolGetAccountListingReportsResponse {
  e164?: string;
  summary?: { [key: string]: unknown };
  reports?: { [key: string]: unknown }[];
  reviews?: { [key: string]: unknown }[];
}

export interface NolGetAccountListingResponse {
  e164?: string;
  state?: "unverified" | "draft" | "verified";
  /** Static verification badge (A / A-), set at verification. */
  trust_grade?: string | null;
  risk?: {
    /** Live community risk 0–100 (higher = more risk). A supplementary signal. */
    score?: number;
    report_count?: number;
    reports_last_30d?: number;
    last_reported_at?: string | null;
    review_total?: number | null;
    review_positive?: number | null;
  } | null;
  /** Present once verified. */
  listing?: { [key: string]: unknown } | null;
  /** Staged-but-unpaid profile. */
  draft?: { [key: string]: unknown } | null;
}

export interface NolGetAccountResponse {
  /** Account-group envelope version (shared by GET and the PATCH ok-body). */
  schema_version?: string;
  account?: NolAccount;
  usage_30d?: UsageSummary;
  /** Keys belonging to this account (display fields only — never the raw key or its hash). */
  keys?: ({
    id?: string;
    key_prefix?: string;
    name?: string;
    tier?: "free" | "standard" | "enterprise";
    /** Requests per 60-second window. */
    rate_limit?: number;
    requests_total?: number;
    last_used_at?: string | null;
    disabled?: boolean;
  })[];
  /** MSP control plane (Phase 2.5): this account's tenants. Detail and per-tenant usage live at GET /api/v1/account/tenants. */
  tenants?: ({
    id?: string;
    name?: string;
    status?: "active" | "disabled";
  })[];
}

export interface NolGetTenantResponse {
  tenant?: Tenant;
  usage_30d?: TenantUsage;
  /** The tenant's sub-keys (display fields only). */
  keys?: TenantKey[];
  suppressions?: {
    count?: number;
    /** Labels + timestamps only — suppressed numbers are stored as hashes and are not recoverable. */
    entries?: Suppression[];
  };
}

export interface NolIssueTenantKeyResponse {
  tenant_id?: string;
  /** The raw key — shown ONLY here, never again. */
  api_key?: string;
  /** Non-secret display prefix. */
  key_prefix?: string;
  name?: string;
  tier?: "free" | "standard" | "enterprise";
  /** Requests per 60-second window. */
  rate_limit?: number;
  allowed_use_cases?: string[];
  /** Key-handling guidance. */
  note?: string;
}

export interface NolListAccountKeysResponse {
  schema_version?: string;
  keys?: ApiKeyView[];
}

export interface NolListTenantSuppressionsResponse {
  tenant_id?: string;
  count?: number;
  entries?: Suppression[];
  note?: string;
}

export interface NolListTenantsResponse {
  tenants?: TenantSummary[];
}

export interface NolPutAccountListingResponse {
  ok?: boolean;
  state?: "draft" | "verified";
  verification_id?: string;
}

export interface NolRemoveTenantSuppressionResponse {
  tenant_id?: string;
  suppressed?: boolean;
}

export interface NolRotateAccountKeyResponse {
  schema_version?: string;
  ok?: boolean;
  api_key?: string;
  key?: ApiKeyView;
  /** When the previous key dies; null when grace_seconds was 0. */
  old_key_expires_at?: string | null;
  note?: string;
}

export interface NolSetTenantStatusResponse {
  tenant?: {
    id?: string;
    name?: string;
    status?: "active" | "disabled";
  };
  /** What the status change did to the tenant's sub-keys. */
  note?: string;
}

export interface NolUpdateAccountKeyResponse {
  schema_version?: string;
  ok?: boolean;
  key?: ApiKeyView;
}

export interface NolUpdateAccountResponse {
  schema_version?: string;
  ok?: boolean;
  account?: NolAccount;
}

export interface NolUploadListingDocumentResponse {
  ok?: boolean;
  media_id?: string;
  document_url?: string;
  byte_size?: number;
  content_type?: string;
}

export interface NolUploadListingLogoResponse {
  ok?: boolean;
  media_id?: string;
  logo_url?: string;
  byte_size?: number;
  content_type?: string;
}

export interface NolVerifyCheckoutResponse {
  ok?: boolean;
  url?: string | null;
  state?: string;
  verification_id?: string;
  handle?: string | null;
}

/** The Call Notifications object configures the recipient(s) of notifications when calls are received to this extension. */
export interface Notification {
  /** Array of email addresses */
  emails?: string[];
  /** Phone number capable of receiving SMS messages */
  sms?: string;
}

export interface OauthAccessToken {
  access_token?: string;
  token_type?: string;
  scope?: string;
  refresh_token?: string;
  expires_in?: number;
}

/** An OAuth Client Full Object is identical as a Summary Object. */
export interface OauthClientFull {
  /** Client ID */
  id?: number;
  /** Name of Client */
  client_name?: string;
}

/** An OAuth Client Full Object is identical as a Summary Object. */
export interface OauthClientRedirectUriFull {
  /** OAuth Client Redirect URI ID */
  id?: number;
  /** Client details */
  client?: OauthClientFull;
  /** Redirect URI details */
  redirect_uri?: RedirectUriFull;
}

export interface Option {
  /** Keypad key. Must equal a single digit or the pound sign ("#"). */
  key?: string;
  /** Route which will be entered when the user presses the designated key. Output is a Route Summary Object if the route is named, otherwise the Full Route Object will be shown. Input must be a Route Lookup Object pointing to a named route. */
  route?: RouteSummary;
}

export interface ParsedPhoneNumber {
  /** Whether the phone number is valid according to E.164 / international numbering rules */
  valid?: boolean;
  /** Whether the phone number is possibly valid (less strict than valid) */
  possible?: boolean;
  /** The original input string */
  input?: string;
  /** E.164 formatted number (e.g., +14155552671) */
  e164?: string | null;
  /** National format (e.g., (415) 555-2671) */
  national?: string | null;
  /** International format (e.g., +1 415-555-2671) */
  international?: string | null;
  /** RFC3966 URI format (e.g., tel:+1-415-555-2671) */
  rfc3966?: string | null;
  /** ISO 3166-1 alpha-2 country code */
  countryCode?: string | null;
  /** Country calling code (e.g., 1 for US) */
  countryCallingCode?: string | null;
  /** National number without country code */
  nationalNumber?: string | null;
  /** Type of phone number */
  type?: "MOBILE" | "FIXED_LINE" | "FIXED_LINE_OR_MOBILE" | "TOLL_FREE" | "PREMIUM_RATE" | "SHARED_COST" | "VOIP" | "PERSONAL_NUMBER" | "PAGER" | "UAN" | "VOICEMAIL" | null;
  /** Mobile carrier name (available for mobile numbers) */
  carrier?: string | null;
  /** Geographic location associated with the number */
  location?: string | null;
  /** List of timezones for this phone number region */
  timezones?: string[] | null;
  /** Dialable URI */
  uri?: string | null;
  /** Raw parsed data from the phone-number parser */
  raw?: {
    country?: string;
    countryCallingCode?: string;
    nationalNumber?: string;
    number?: string;
    ext?: string;
    carrierCode?: string;
  } | null;
  /** Error message if parsing failed */
  error?: string | null;
}

export interface PatchPaymentParams {
  /** primary, onfile or hidden */
  status?: string;
}

export interface PatchSmsParams {
  /** Status of SMS */
  is_new?: string;
}

export interface PatchVoicemailParams {
  /** Status of voicemail */
  is_new?: string;
}

/** The Payment Method Full Object contains the same properties as the Payment Method Summary Object, along with the following: */
export interface PaymentFull {
  /** Payment Method ID */
  id?: number;
  /** API Account ID */
  voip_id?: number;
  /** 'primary' = primary card used for billing; 'onfile' = card on file; 'hidden' = deleted card; */
  status?: string;
  /** Name of Card */
  nickname?: string;
  /** 'cc' for credit card */
  type?: string;
  /** Time payment record is created */
  created_at?: number;
  /** Detail of contact person */
  contact?: ContactResponse;
  /** Number of times the payment method was declined */
  decline_count?: number;
  /** Next billing date */
  next_charge_date?: number;
  /** Last time the payment method was updated */
  updated_at?: number;
  /** Encrypted credit card token to be used for billing */
  cc_token?: string;
  /** Credit card number partially masked with xxxxxxxx */
  cc_number?: string;
  /** Credit card expiration date */
  cc_exp?: string;
}

/** The Payment Method Summary Object is used to briefly represent a Credit Card. It consists of parameters in the table below: */
export interface PaymentSummary {
  /** Payment Method ID */
  id?: number;
  /** API Account ID */
  voip_id?: number;
  /** 'primary' = primary card used for billing; 'onfile' = card on file; 'hidden' = deleted card; */
  status?: string;
  /** Name of Card */
  nickname?: string;
  /** 'cc' for credit card */
  type?: string;
  /** Time payment record is created */
  created_at?: number;
}

export interface PhoneNumberContact {
  /** Type of phone number, must be one of: home, business, mobile, fax, pager. Default is home. */
  type?: string;
  /** Phone number, as entered. Does not need to be formatted in any particular way. Required. */
  number?: string;
  /** Phone number in E.164 format. Read-only. */
  normalized?: string;
}

/** The Full Phone Number Object has all of the properties of the Phone Number Summary Object, along with several more, as shown below: */
export interface PhoneNumberFull {
  /** Integer Phone number ID. This is the internal Phone.com ID for this number, not the phone number itself. Read-only. */
  id?: number;
  /** Name */
  name?: string;
  /** Phone number, in E.164 format */
  phone_number?: string;
  /** Whether to block incoming calls. Boolean. */
  block_incoming?: boolean;
  /** Whether to block anonymous calls. Boolean. */
  block_anonymous?: boolean;
  /** The Route assigned to handle incoming calls for this number, if any. Output is a Route Summary Object, or NULL if not set. Input can be a Route Lookup Object or NULL to unset. */
  route?: RouteSummary | null;
  caller_id?: CallerIdPhoneNumber;
  sms_forwarding?: SmsForwarding;
  call_notifications?: CallNotifications;
}

/** The Region Object may include any of several fields describing the group, as well as the quantity of phone numbers available in that group. Here are the properties: */
export interface PhoneNumbersRegionFull {
  /** Optional. Integer representing the international calling code for the phone number's country. */
  country_code?: string;
  /** Optional. Area Code, for North American phone numbers. */
  npa?: number;
  /** Optional. Second set of 3 digits, for North American phone numbers. */
  nxx?: number;
  /** Optional. Boolean describing whether the phone numbers in this group are toll free. */
  is_toll_free?: number;
  /** Optional. City name. */
  city?: string;
  /** Optional. Two-letter postal code for the state or province. */
  province_postal_code?: string;
  /** Optional. Two-letter postal code for the country. */
  country_postal_code?: string;
  /** Integer. Quantity of phone numbers currently available in the given region. */
  quantity?: number;
}

/** The ping response object. */
export interface PingResponse {
  datetime?: string;
  remote_ip?: string;
  timestamp?: number;
  user_agent?: string;
}

/** The Full Pricing Object is identical to the Pricing Summary Object. The Pricing Summary Object is used to briefly represent a pricing plan. Here are the properties: */
export interface PricingFull {
  /** Integer ID of this object. */
  id?: number;
  /** Pricing Object */
  pricing?: PricingObject;
  /** Phone.com API Account (VoIP) ID */
  voip_id?: number;
  /** Reason this pricing plan is applied */
  reason?: string;
  /** Name of the person / process who added this pricing plan to the subaccount */
  who?: string;
  /** Pricing plan expiration timestamp in unix format. If pricing plan never expires, this item will not be returned */
  expire_date?: string;
}

export interface PricingObject {
  /** Pricing code / ID */
  id?: number;
  /** Name of pricing plan */
  name?: string;
}

/** One named, publicly-displayable provider's slice of the aggregate. Anonymous sources never appear here — they stay inside the channel-level numbers only. The lane fields present depend on the channel: a voice cost carries `international`/`local`, an SMS cost carries `person`/`application`; each is null when that provider's decks do not split that way. */
export interface ProviderCost {
  name?: string;
  domain?: string | null;
  min_usd?: string;
  avg_usd?: string;
  max_usd?: string;
  /** Voice: international lanes (default + origin-based). */
  international?: LaneUsd | null;
  /** Voice: in-country lanes. */
  local?: LaneUsd | null;
  /** SMS: person-originated (P2P) decks. */
  person?: LaneUsd | null;
  /** SMS: application-originated (A2P) decks. */
  application?: LaneUsd | null;
}

/** The Full QueueObject has the same properties as the Queue Summary Object, along with the following: */
export interface QueueFull {
  /** Integer ID. Read-only. */
  id: number;
  /** Name. Required. */
  name: string;
  /** Greeting to be played when caller first connects. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to FALSE. Can be set to NULL to disable the greeting. */
  greeting?: MediaSummary | null;
  hold_music?: HoldMusic;
  /** Maximum hold time in seconds. If provided, must equal one of: 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600. Default is 300. */
  max_hold_time?: number;
  /** Caller id type to show members. If provided, must equal one of: 'called_number', 'calling_number'. Default is 'calling_number'. */
  caller_id_type?: string;
  /** Number of seconds to ring a member before cycling to the next member. If provided, must equal one of: 5, 10, 15, 20, 25, 30. Default is 5. */
  ring_time?: number;
  /** Array of Member Objects. Non-virtual account extensions or phone numbers. See below for details. */
  members?: Member[];
}

/** The Queue Summary Object is used to briefly represent a calling queue. It can be seen in several places throughout this API. Here are the properties: */
export interface QueueSummary {
  /** Integer ID. Read-only. */
  id: number;
  /** Name. Required. */
  name: string;
}

/** A signed lookup receipt (plan 3.3). No raw phone number is stored — only number_hash = sha256(E.164). Verify response_signature over the exact signed_payload bytes with the Ed25519 public key (GET /api/v1/publickey), then recompute sha256(your E.164) and match number_hash to bind the receipt to a number. Because a phone number is a small keyspace, number_hash is recomputable from a candidate number — treat the receipt id as bound to a specific number, not as anonymized, and share it only with parties entitled to know that number. A supplementary signal, not a compliance assertion. */
export interface Receipt {
  receipt_id?: string;
  schema_version?: string | null;
  /** SHA-256 hex of the E.164 — the only number representation stored. */
  number_hash?: string;
  line_type?: string | null;
  /** Supplementary do-not-call signal; "unknown" until a data partner is configured. */
  dnc_status?: "not_listed" | "listed" | "unknown" | null;
  reassigned_status?: "no" | "yes" | "unknown" | null;
  context?: string | null;
  /** The "as of T" the receipt cryptographically binds. */
  checked_at?: string | null;
  created_at?: string;
  /** The exact canonical JSON that was signed (commits to number_hash). */
  signed_payload?: string | null;
  /** 'ed25519:<base64>', or 'unsigned'. */
  response_signature?: string | null;
  verification?: {
    algorithm?: string;
    public_key_url?: string;
    instructions?: string;
  };
}

export interface Recipient {
  /** Phone number that will receive the SMS message */
  number?: string;
  /** Indicate the status of your SMS object. May be 'sent', 'received', 'queued', 'new' ... */
  status?: string;
}

export interface RedirectUriFull {
  /** Redirect URI ID */
  id?: number;
  /** The Uniform Resource Identifier is a string used to identify the path to be redirected */
  uri?: string;
  /** redirect */
  type?: string;
}

export interface ReplaceExtensionParams {
  voicemail?: VoicemailInput;
  call_notifications?: CallNotifications;
  /** Recording lookup object */
  name_greeting?: { [key: string]: unknown };
  /** Name (required) */
  name?: string;
  /** Timezone */
  timezone?: string;
  /** Include in dial-by-name directory */
  include_in_directory?: string;
  /** Extension number (required) */
  extension?: number;
  /** Enable outgoing calls */
  enable_outbound_calls?: string;
  /** Extension type */
  usage_type?: string;
  /** Contact name */
  full_name?: string;
  /** Enable Call Waiting */
  enable_call_waiting?: string;
  /** Caller ID */
  caller_id?: string;
  /** Local area code */
  local_area_code?: string;
  /** Route object lookup (must belong to this extension) */
  route?: string;
}

export interface ReplaceMenuParams {
  name?: string;
  greeting?: { [key: string]: unknown };
  keypress_error?: { [key: string]: unknown };
  allow_extension_dial?: string;
  keypress_wait_time?: number;
  timeout_handler?: { [key: string]: unknown };
  options?: { [key: string]: unknown }[];
}

export interface ReplacePhoneNumberParams {
  /** Route lookup object */
  route?: { [key: string]: unknown };
  /** Phone Name */
  name?: string;
  /** Block incoming calls */
  block_incoming?: string;
  /** Block anonymous calls */
  block_anonymous?: string;
  caller_id?: CallerIdPhoneNumber;
  sms_forwarding?: SmsForwardingParams;
  /** Pool lookup object */
  pool_item?: { [key: string]: unknown };
  call_notifications?: CallNotifications;
}

/** One risk vocabulary (added 2026-06-11, additive — no schema_version bumps): the same numeric signal as the surface's legacy field, plus a band and the MODEL label that says which pipeline scored it. The legacy fields (`spam_score`, `risk_score`/`risk_level`) are frozen forever; this object is the disclosed, consistent read. A null score yields the uniform unknown shape ({score:null, level:"unknown", model:null}) on every branch (anti-enumeration; fail-open nulls are load-bearing). The numeric scales are deliberately NOT unified across models — `model` is what tells them apart. See "Risk models" in the spec intro. */
export interface RiskView {
  /** The risk score on the MODEL's own scale (1–99 for first_party_plus_restricted_sources; 0–100 for the others); null when no signal. */
  score?: number | null;
  /** Shared banding: <40 low, <70 medium, ≥70 high; unknown when score is null. NOTE: the SBC default flag threshold is a separate policy knob (80) — level high does not automatically flag. */
  level?: "low" | "medium" | "high" | "unknown" | null;
  /** Which scoring pipeline produced the score; null when score is null. */
  model?: "first_party_plus_restricted_sources" | "first_party_plus_external" | "dial_structural" | null | null;
}

/** The root level of the Full Route Object includes all of the properties in the Route Summary Object, along with two more: */
export interface RouteFull {
  /** Integer ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
  /** Extension to which this route belongs. Output is an Extension Summary Object. Input must be an Extension Lookup Object. Optional. Cannot be changed after a route is created. */
  extension?: ExtensionSummary;
  /** Array of Rule Set Objects. Required. See below for details. When processing incoming calls, the first matching rule set will be used, and all others will be ignored. */
  rules?: RuleSet[];
}

/** The Route Summary Object is used to briefly represent a route. It can be seen in several places throughout this API. Here are the properties: */
export interface RouteSummary {
  /** Integer ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

export interface RuleSet {
  filter?: RuleSetFilter;
  /** Array of Action Objects. Required. Routes have rule sets, and rule sets have one or more actions. The supported actions are described below: */
  actions?: RuleSetAction[];
}

/** Filter Object. Optional. See below for details. */
export interface RuleSetAction {
  /** Required. */
  action?: string;
  /** Extension that this action refers to. Output is an Extension Summary Object. Input must be an Extension Lookup Object. Required. */
  extension?: ExtensionSummary;
  /** This action is for forwarding calls to any number of extensions or phone numbers. The forwarding is handled in parallel, meaning that all phone numbers and/or extensions will ring simultaneously. When the call is answered by any single phone number or extension, ringing will stop for all of them. Subsequent actions in this rule set will be performed if the call is not answered before the timeout period is reached, or if it is forwarded to an extension that has its own route and that route does not result in any actions that disconnect the call or take over call handling. */
  items?: RuleSetForwardItem[];
  /** Seconds that our routing engine should wait until moving on. Optional. Must be an integer between 5 and 90. Default is 5 seconds. */
  timeout?: number;
  /** Hold Music to be played while callers are waiting. Output is a Media Summary Object. Input must be a Media Lookup Object. Optional. Must refer to a media recording that has is_hold_music set to TRUE. Default is to play a standard ring tone. */
  hold_music?: MediaSummary;
  /** Greeting that this action refers to. Output is a Media Summary Object. Input must be a Media Lookup Object. Required. Must refer to a media recording that has is_hold_music set to FALSE. */
  greeting?: MediaSummary;
  /** Required. Seconds that the caller should be placed on hold before being moved onto the next action. Must be an integer between 1 and 60 seconds. */
  duration?: number;
  /** Menu that this action refers to. Required. Output is a Menu Summary Object. Input must be a Menu Lookup Object. */
  menu?: MenuSummary;
  /** Queue that this action refers to. Required. Output is a Queue Summary Object. Input must be a Queue Lookup Object. */
  queue?: QueueSummary;
  /** Trunk that this action refers to. Required. Output is a Trunk Summary Object. Input must be a Trunk Lookup Object. */
  trunk?: TrunkSummary;
}

/** Filter Object. Optional. See below for details. */
export interface RuleSetFilter {
  /** Required. */
  type?: string;
  /** Schedule that this filter refers to. Output is a Schedule Summary Object. Input must be a Schedule Lookup Object. Required. */
  schedule?: ScheduleSummary;
  /** Address Book Contact that this filter refers to. Output is a Contact Summary Object. Input must be a Contact Lookup Object. Required. */
  contact?: ContactSummary;
  /** Address Book Group that this filter refers to. Output is a Contact Group Summary Object. Input must be a Contact Group Lookup Object. Required. */
  group?: GroupSummary;
}

/** Array of Forward Item Objects. See below for details. Required. */
export interface RuleSetForwardItem {
  /** Required. Must equal phone_number or extension. */
  type?: string;
  /** Required if type = "extension". Extension that callers should be directed to. Output is an Extension Summary Object. Input must be an Extension Lookup Object. */
  extension?: ExtensionSummary;
  /** Required if type = "phone_number". Phone number that callers should be directed to. Must be a string in E.164 format. */
  number?: string;
  /** Boolean. Optional. Default is FALSE. Use this to activate call screening. If TRUE, the timeout on the parent action should be at least 30 seconds. */
  screening?: boolean;
  /** Optional. Must equal calling_number or called_number. Defines which phone number should be used for Caller ID. Default is calling_number. */
  caller_id?: string;
  /** Optional string. If screening = TRUE, this value will be passed into our Text-To-Speech engine and used to inform the caller of who they have reached. */
  voice_tag?: string;
  /** Optional. Must equal one of: DEFAULT, STYLE_2, STYLE_3, STYLE_4, STYLE_5, STYLE_6, STYLE_7, STYLE_8, or STYLE_9. Identifies the style of ring tone you will hear when an incoming call is waiting. */
  distinctive_ring?: string;
}

/** Supplementary SBC/SIP redirect decision (plan 4.2). Same shape for known/unknown/valid/invalid numbers (anti-enumeration). Every field is a low-confidence supplementary signal — the SBC keeps the routing decision; Numbers Online never asserts a call is lawful, unlawful, safe, or spam. */
export interface SbcRedirectResponse {
  schema_version?: string;
  e164?: string | null;
  valid?: boolean;
  /** Recommended action (supplementary). flag = advisory elevated risk (still an allow code). */
  decision?: "allow" | "flag" | "redirect" | "block";
  /** Machine-readable reason code for the decision (e.g. invalid_number, dnc_listed, risk_over_flag_threshold, latency_budget, error). */
  reason?: string;
  /** The SIP final response the operator’s shim should emit. */
  sip?: {
    /** 603 block · 302 redirect · 503/404 allow-route-advance. */
    code?: 603 | 302 | 503 | 404;
    reason?: string;
  };
  /** Always null — the operator supplies the 302 Contact (screening/diversion target) in their own shim config. */
  redirect_target?: string | null;
  advisory?: {
    /** Low-confidence supplementary spam signal; null when unavailable. Never drives a block. FROZEN field name — `risk` is the disclosed read. */
    spam_score?: number | null;
    risk?: RiskView;
    confidence?: "low";
    line_type?: string | null;
    verstat?: string;
    dnc_status?: "not_listed" | "listed" | "unknown";
    reassigned_status?: "no" | "yes" | "unknown";
  };
  signal?: "supplementary";
  provider?: string;
  receipt_id?: string | null;
  /** When true, the call is still ALLOWED on deterministic fields only (no fresh CNAM dip). Top up to restore full signal. */
  insufficient_balance?: boolean;
  as_of?: string;
}

/** The Full Schedule Object is identical to the Schedule Summary Object. See above for details. */
export interface ScheduleFull {
  /** Integer Schedule ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

/** The Schedule Summary Object is used to briefly represent a schedule. It can be seen in several places throughout this API. Here are the properties: */
export interface ScheduleSummary {
  /** Integer Schedule ID. Read-only. */
  id?: number;
  /** Name */
  name?: string;
}

export interface ScopeDetails {
  voip_id?: number;
}

/** Operator HMAC request-signing state + secret for the calling key (Phase 4.3). */
export interface SigningInfo {
  signing_required?: boolean;
  scheme?: string;
  max_skew_seconds?: number;
  canonical?: string;
  headers?: string[];
  docs_url?: string;
  /** The HKDF-derived HMAC secret for this key; null when signing is not configured on the deployment. */
  signing_secret?: string | null;
}

/** A signed-up portal user: the subaccount, its user name, the password when generated, and the user's token */
export interface Signup {
  /** The subaccount */
  account: AccountFull;
  /** Its user name, <partner>-<user_id> */
  username: string;
  /** The generated password (only when the library generated it, else null): store it */
  password?: string | null;
  /** The user's token for the Express front-end library */
  token: UserToken;
  /** Whether the subaccount was found by user name instead of created now (an unknown create outcome, or an earlier sign-up of this user that got no token) */
  recovered: boolean;
  /** The subaccount's card on file when card_token was given (added now or by an earlier attempt), else null */
  payment_method?: PaymentFull | null;
}

/** A SIP Authentication Properties Object. See below for details. Read-only. */
export interface SipAuthentication {
  /** Hostname */
  host?: string;
  /** Port number */
  port?: number;
  /** Username. This is the ID of the device. */
  username?: string;
  /** Password. */
  password?: string;
}

/** SMS Forwarding Object, or NULL */
export interface SmsForwarding {
  /** Can be "extension" or "application" */
  type?: string;
  /** Required if type = "extension". Extension that messages should be directed to. Output is an Extension Summary Object. Input must be an Extension Lookup Object. */
  extension?: ExtensionSummary;
  /** Required if type = "application". Application that messages should be directed to. Output is an Application Summary Object. Input must be an Application Lookup Object. */
  application?: ApplicationSummary;
}

/** SMS Forwarding Object, or NULL */
export interface SmsForwardingParams {
  /** Can be "extension" or "application" */
  type?: string;
  /** Required if type = "extension". Extension that messages should be directed to. Output is an Extension Summary Object. Input must be an Extension Lookup Object. */
  extension?: number;
  /** Required if type = "application". Application that messages should be directed to. Output is an Application Summary Object. Input must be an Application Lookup Object. */
  application?: number;
}

/** The Full SMS Object includes all of the properties in the SMS Summary Object. */
export interface SmsFull {
  /** Unique SMS ID. Read-only. */
  id?: string;
  /** Caller ID number to display on the incoming/outgoing SMS message. For an outgoing message, it must be a phone number associated with your Phone.com account. */
  from?: string;
  /** An array of SMS recipients. */
  to?: Recipient[];
  /** Direction of SMS. 'in' for Incoming messages, 'out' for Outgoing messages. */
  direction?: string;
  /** Unix time stamp representing the UTC time that the object was created in the Phone.com API system. */
  created_epoch?: number;
  /** Date string representing the UTC time that the object was created in the Phone.com API system. */
  created_at?: string;
  /** Body of the SMS text */
  text?: string;
  /** True when SMS is new; False when SMS has been read. */
  is_new?: boolean;
}

export interface SortCallLogs {
  id?: string;
  start_time?: string;
  created_at?: string;
}

export interface SortId {
  id?: string;
}

export interface SortIdCreatedAt {
  id?: string;
  created_at?: string;
}

export interface SortIdExtensionName {
  id?: string;
  extension?: string;
  name?: string;
}

export interface SortIdName {
  id?: string;
  name?: string;
}

export interface SortIdNamePhoneNumber {
  id?: string;
  name?: string;
  phone_number?: string;
}

export interface SortIdUpdatedAt {
  id?: string;
  updated_at?: string;
}

export interface SortListAvailableNumbers {
  internal?: string;
  price?: string;
  phone_number?: string;
}

export interface SortListPhoneNumbersRegions {
  country_code?: string;
  npa?: string;
  nxx?: string;
  is_toll_free?: string;
  city?: string;
  province_postal_code?: string;
  country_postal_code?: string;
}

export interface SortNameNumber {
  name?: string;
  number?: string;
}

/** A suppression-list entry. The suppressed number is stored only as a SHA-256 hash and is never returned — only its label and timestamp. */
export interface Suppression {
  /** Your reference label for the entry. */
  label?: string | null;
  created_at?: string;
}

/** A tenant (downstream customer/site) under an MSP account. */
export interface Tenant {
  id?: string;
  name?: string;
  status?: "active" | "disabled";
  created_at?: string;
}

/** A tenant sub-key (display fields only — never the raw key or its hash). */
export interface TenantKey {
  id?: string;
  key_prefix?: string;
  name?: string;
  tier?: "free" | "standard" | "enterprise";
  /** Requests per 60-second window. */
  rate_limit?: number;
  /** Lifetime request count for this sub-key. */
  requests_total?: number;
  disabled?: boolean;
}

/** A tenant plus its sub-key count and trailing-30-day usage (list view). */
export interface TenantSummary {
  id?: string;
  name?: string;
  status?: "active" | "disabled";
  created_at?: string;
  /** Number of sub-keys issued to this tenant. */
  keys?: number;
  usage_30d?: TenantUsage;
}

/** A tenant's aggregated usage over the trailing 30 days. */
export interface TenantUsage {
  /** Total billed units in the window. */
  requests?: number;
  /** Total billed amount over the window, in microdollars. */
  billed_micros?: number;
  /** Lookups that performed a fresh wholesale CNAM dip ($0.004 each). */
  fresh_cnam_dips?: number;
  /** Lookups served without a fresh dip ($0.002 each). */
  cached_or_enriched?: number;
}

/** The Full Trunk Object is identical to the Trunk Summary Object, along with the following: */
export interface TrunkFull {
  /** Integer Trunk ID. Read-only. */
  id: number;
  /** Name. Required. */
  name: string;
  /** Fully-qualified SIP URI. Required. */
  uri: string;
  /** Max concurrent calls. Default is 10. */
  max_concurrent_calls: number;
  /** Max minutes per month. Default is 750. */
  max_minutes_per_month: number;
  /** Greeting. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to FALSE. */
  greeting: MediaSummary;
  /** Error Message. Output is a Media Summary Object. Input must be a Media Lookup Object. Must refer to a media recording that has is_hold_music set to FALSE. */
  error_message: MediaSummary;
  /** Custom audio codec configuration, if any is needed. If provided, must be a simple array containing the prioritized list of desired codecs. Supported codecs are: g711u 64k, g711u 56k, g711a 64k, g711a 56k, g7231, g728, g729, g729A, g729B, g729AB, gms full, rfc2833, t38, ilbc, h263, g722, g722_1, g729D, g729E, amr, amr_wb, efr, evrc, h264, mpeg4, red, cng, SIP Info to 2833 */
  codecs: string[];
}

/** The Trunk Summary Object is used to briefly represent a trunk. It can be seen in several places throughout this API. Here are the properties: */
export interface TrunkSummary {
  /** Integer Trunk ID. Read-only. */
  id: number;
  /** Name. Required. */
  name: string;
}

/** Aggregated usage over the trailing window (default 30 days). */
export interface UsageSummary {
  /** Total billed units in the window. */
  requests?: number;
  /** Total billed amount over the window, in microdollars. */
  billed_micros?: number;
  /** Same billed amount as a 2-decimal USD string. */
  billed_usd?: string;
}

/** A portal user's access token: what the Express front-end library's getAccessCallback expects */
export interface UserToken {
  /** Bearer token of the user */
  access_token: string;
  /** Bearer */
  token_type?: string;
  /** Seconds until expiry */
  expires_in?: number;
  /** Granted scope */
  scope?: string;
  /** The user's account id, when the host returns it */
  account_id?: number;
}

/** Voicemail Object. See below for details. */
export interface Voicemail {
  /** Whether voicemail is enabled. Boolean. */
  enabled?: boolean;
  /** Password for accessing voicemail box. Must be digits only. */
  password?: string;
  greeting?: Greeting;
  /** If notification emails are being used, this defines the format of the audio attachments. Can be "wav" for WAV format, "mp3" for MP3 format, or NULL to disable attachments. */
  attachments?: string | null;
  /** Voicemail Notifications Object. See below for details. Can be set to NULL to disable notifications. */
  notifications?: Notification | null;
  /** Type of voicemail transcription to use. Can be "human" for high-quality manual transcriptions by human operators, "automated" for machine-generated transcriptions, or NULL to omit trancriptions. Changing this option will affect your monthly bill. Please see our Control Panel or contact Customer Service for details. */
  transcription?: string | null;
}

/** The Full Voicemail Object includes all of the properties in the Voicemail Summary Object. */
export interface VoicemailFull {
  /** Unique Voicemail ID. Read-only. */
  id?: string;
  /** Name. Required. */
  download_url?: string;
  /** Extension where the voicemail is saved into. */
  extension?: ExtensionSummary;
  /** The caller's information */
  from?: FromObject;
  /** The phone number where the caller is calling */
  to?: string;
  /** True when Voicemail is new; False when Voicemail has been listened */
  is_new?: boolean;
  /** Date string representing the UTC time that the object was created in the Phone.com API system. */
  created_at?: number;
  /** Folder name where voicemail is saved */
  folder?: string;
  /** Length of voicemail in seconds */
  duration?: number;
}

/** Voicemail Object. See below for details. */
export interface VoicemailInput {
  /** Whether voicemail is enabled. Boolean. */
  enabled?: string;
  /** Password for accessing voicemail box. Must be digits only. */
  password?: string;
  greeting?: GreetingInput;
  /** If notification emails are being used, this defines the format of the audio attachments. Can be "wav" for WAV format, "mp3" for MP3 format, or NULL to disable attachments. */
  attachments?: string | null;
  /** Voicemail Notifications Object. See below for details. Can be set to NULL to disable notifications. */
  notifications?: Notification | null;
  /** Type of voicemail transcription to use. Can be "human" for high-quality manual transcriptions by human operators, "automated" for machine-generated transcriptions, or NULL to omit trancriptions. Changing this option will affect your monthly bill. Please see our Control Panel or contact Customer Service for details. */
  transcription?: string | null;
}

/** getCallList: call detail records (at most 500 per request) */
export interface XmlCallList {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The rows, in the order the server sent them */
  data: {
    items: XmlCallRecord[];
  };
}

/** A call detail record (getCallList); other elements are kept beside these */
export interface XmlCallRecord {
  /** The id attribute (unique per call) */
  id?: string;
  /** <startTime>: Unix epoch seconds */
  startTime?: number;
  /** The gmt attribute of <startTime>, e.g. 2009-10-27T21:42:15.0000Z */
  startTimeGmt?: string;
  /** <callerId> */
  callerId?: string;
  /** <calledNumber> */
  calledNumber?: string;
  /** <duration> in seconds */
  duration?: number;
  /** <finalAction>, e.g. queue 61 */
  finalAction?: string;
  /** <finalActionDuration> in seconds, when present */
  finalActionDuration?: number | null;
  /** <url>: the recording's listen URL, when present */
  url?: string | null;
  /** <transcription>, when present */
  transcription?: string | null;
}

/** previewChatCall */
export interface XmlChatCallPreview {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  data: {
    /** The URL of the .wav preview */
    url?: string;
  };
}

/** One recipient's status (getChatCallStatus); other elements are kept beside these */
export interface XmlChatCallRecipientStatus {
  /** <toName> */
  toName?: string;
  /** <toNumber>, E.164 */
  toNumber?: string;
  /** e.g. scheduled, calling, answered, no-answer, busy, voicemail, failed */
  status?: string;
  /** The answer to a yes_no/yes_no_maybe ChatCall: yes, no, maybe */
  response?: string;
  /** <duration>: seconds of the call */
  duration?: number;
}

/** sendChatCall */
export interface XmlChatCallSent {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  data: {
    /** The id to query with getChatCallStatus */
    chatCallId?: string;
  };
}

/** getChatCallStatus: the ChatCall's status and each recipient's */
export interface XmlChatCallStatus {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The status's fields; its other elements are kept beside them */
  data: {
    /** <ChatCallID> */
    chatCallId?: string;
    /** The overall status, e.g. scheduled, in-progress, completed */
    status?: string;
    /** <sendDate>: Unix epoch seconds */
    sendDate?: number;
    /** The gmt attribute of <sendDate> */
    sendDateGmt?: string;
    /** <responseType>, e.g. yes_no */
    responseType?: string;
    recipients: XmlChatCallRecipientStatus[];
  };
}

/** getPhoneNumberInventory: numbers in inventory */
export interface XmlInventory {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The rows, in the order the server sent them */
  data: {
    items: XmlInventoryNumber[];
  };
}

/** A number in inventory (getPhoneNumberInventory); its other elements (cost, setup fee ...) are kept beside these */
export interface XmlInventoryNumber {
  /** <phoneNumber> */
  phoneNumber?: string;
  /** <humanReadable>: the friendly format */
  humanReadable?: string;
}

/** A number of the account (getPhoneNumberList) */
export interface XmlListedNumber {
  /** The id attribute */
  id?: string;
  /** <phoneNumber>, E.164 */
  phoneNumber?: string;
  /** <nickName> */
  nickName?: string;
  /** <rateCenter>, e.g. WACO_TX */
  rateCenter?: string;
}

/** getPhoneNumberList: the account's numbers */
export interface XmlNumberList {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The rows, in the order the server sent them */
  data: {
    items: XmlListedNumber[];
  };
}

/** getPhoneNumberPortingEligibility */
export interface XmlPortingEligibility {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  data: {
    /** true for Yes, false for No, null when the response holds neither */
    eligible?: boolean | null;
  };
}

/** An XML API reply: data is the resultData by the generic mapping, or null when there is none */
export interface XmlReply {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** resultData by the generic mapping (null when absent) */
  data: unknown;
}

/** A row by the generic mapping: attributes and child elements by name, a leaf row's text under value */
export interface XmlRow { [key: string]: unknown }

/** A list whose rows the document does not name */
export interface XmlRows {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The rows, in the order the server sent them */
  data: {
    items: XmlRow[];
  };
}

/** A text-to-speech voice (getVoiceList) */
export interface XmlVoice {
  /** The id attribute */
  id?: string;
  /** <name> */
  name?: string;
  /** <language> */
  language?: string;
  /** <dialect> */
  dialect?: string;
  /** <sex> */
  sex?: string;
}

/** getVoiceList: text-to-speech voices */
export interface XmlVoiceList {
  /** Always ok (an error status is an error) */
  status: string;
  /** <msg>, e.g. Command completed successfully */
  msg?: string;
  /** <resultDate>, e.g. 2011-03-02T19:51:32.0000Z */
  resultDate?: string;
  /** <clTRID> as reflected by the server */
  clTRID?: string;
  /** <svTRID>, the server's transaction id (quote it to Phone.com support) */
  svTRID?: string;
  /** The rows, in the order the server sent them */
  data: {
    items: XmlVoice[];
  };
}

// Other public names of result schemas (their catalog `aliases`).

/** Another name of `AccountFull`. */
export type Account = AccountFull;

/** Another name of `AvailableNumbersFull`. */
export type AvailablePhoneNumber = AvailableNumbersFull;

/** Another name of `CallFull`. */
export type Call = CallFull;

/** Another name of `CallLogFull`. */
export type CallLog = CallLogFull;

/** Another name of `ContactInput`. */
export type Contact = ContactInput;

/** Another name of `PhoneNumberFull`. */
export type PhoneNumber = PhoneNumberFull;

/** Another name of `SmsFull`. */
export type Sms = SmsFull;

// Parameters of each operation.

/** Parameters of `express.signup`: Sign a portal user up: create the subaccount <partner>-<user_id> (never twice), add the card token as its payment method (never twice), and get the user's token */
export interface ExpressSignupParams {
  /** Partner name: the user name's prefix */
  partner: string;
  /** The portal's id of the user */
  user_id: string;
  /** The user's contact (name, address, phone, primary_email) */
  contact: ContactInput;
  /** Billing contact (Phone.com billing) */
  billing_contact?: ContactInput;
  /** The password to set (store it first: then signing the user up again always finishes); omitted: a generated one, returned once (a retry on the same client resumes with it). Secret: never logged. */
  password?: string;
  /** Do not keep passwords: the token call uses the partner token */
  use_partner_token?: boolean;
  /** Phone.com billing: the credit-card token of the card entry form, added as the subaccount's primary payment method (once, even when the sign-up is retried). Secret: never logged. */
  card_token?: string;
}

/** Parameters of `nol.accountPhonePatch`: Enroll / revoke call-provenance (resource form) */
export interface NolAccountPhonePatchParams {
  /** The bound number — '+14155552671', its URL-encoded form, or a bare digit slug '14155552671'. */
  e164: string;
  /** true enrolls the number for call-provenance; false revokes. */
  precall_enrolled: boolean;
}

/** Parameters of `nol.accountPhonesList`: List your verified numbers (enrollment inventory) */
export interface NolAccountPhonesListParams {}

/** Parameters of `nol.accountSignup`: Sign up for an API key */
export interface NolAccountSignupParams {
  /** Optional account/team label (never a personal name). */
  name?: string;
  /** Optional contact email, used only for subscription renewal reminders. Not required and not unique. */
  email?: string;
}

/** Parameters of `nol.accountTopup`: Add prepaid credit */
export interface NolAccountTopupParams {
  /** Credit to add, in US cents ($5–$500). value: 500..50000. */
  amount_cents: number;
  /** By default a completed top-up switches any free-tier keys on the account to the metered standard tier. Pass false to opt out — but note an opted-out key stays priced $0 and is never debited, so the paid balance is unspendable until a later top-up promotes the keys. */
  promote_keys?: boolean;
}

/** Parameters of `nol.accountVerifyPhoneConfirm`: Verify a business number (step 2: confirm code) */
export interface NolAccountVerifyPhoneConfirmParams {
  /** The same number passed to /start, E.164. */
  phone: string;
  /** The one-time code that was delivered. Secret: never logged. */
  code: string;
}

/** Parameters of `nol.accountVerifyPhoneStart`: Verify a business number (step 1: send code) */
export interface NolAccountVerifyPhoneStartParams {
  /** The business number to verify, E.164. */
  phone: string;
  /** Delivery channel for the one-time code (voice is the cheaper default). */
  channel?: "voice" | "sms";
}

/** Parameters of `nol.addTenantSuppression`: Add a suppression */
export interface NolAddTenantSuppressionParams {
  /** Tenant id (UUID). */
  id: string;
  /** Number to suppress (E.164 recommended). */
  number: string;
  /** Optional reference label (the only field returned when listing — the number itself is hashed). length: ..120. */
  label?: string;
}

/** Parameters of `nol.createAccountKey`: Mint a new API key */
export interface NolCreateAccountKeyParams {
  /** e.g. "Dialer integration" */
  name?: string;
  /** Subset of your own key's use cases. Omit to clone the caller's list. */
  use_cases?: unknown[];
}

/** Parameters of `nol.createTenant`: Create a tenant */
export interface NolCreateTenantParams {
  /** Human-readable tenant name (e.g. the downstream customer or site). length: 1..120. */
  name: string;
}

/** Parameters of `nol.getAccount`: Get account balance and usage */
export interface NolGetAccountParams {}

/** Parameters of `nol.getAccountKey`: Read one API key */
export interface NolGetAccountKeyParams {
  /** Key id (UUID) */
  id: string;
}

/** Parameters of `nol.getAccountListing`: Onboarding state + live trust for an account-owned number */
export interface NolGetAccountListingParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +). */
  e164: string;
}

/** Parameters of `nol.getAccountListingReports`: Reports + reviews filed against an owned number */
export interface NolGetAccountListingReportsParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +) */
  e164: string;
  /** Rows to return (default 50, at most 200). value: ..200. */
  limit?: number;
}

/** Parameters of `nol.getSigning`: Operator HMAC signing secret (for the calling key) */
export interface NolGetSigningParams {}

/** Parameters of `nol.getTenant`: Get tenant detail */
export interface NolGetTenantParams {
  /** Tenant id (UUID). */
  id: string;
}

/** Parameters of `nol.issueTenantKey`: Issue a tenant sub-key */
export interface NolIssueTenantKeyParams {
  /** Tenant id (UUID). */
  id: string;
  /** Optional key name; defaults to "<tenant name> key". length: ..120. */
  name?: string;
}

/** Parameters of `nol.listAccountKeys`: List API keys */
export interface NolListAccountKeysParams {}

/** Parameters of `nol.listTenantSuppressions`: List tenant suppressions */
export interface NolListTenantSuppressionsParams {
  /** Tenant id (UUID). */
  id: string;
}

/** Parameters of `nol.listTenants`: List tenants */
export interface NolListTenantsParams {}

/** Parameters of `nol.putAccountListing`: Stage a draft profile (or edit a live listing) */
export interface NolPutAccountListingParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +). */
  e164: string;
  /** Sets the verification kind for a new draft (default business). */
  kind?: "business" | "personal";
  /** Display name (business). */
  dba?: string;
  legal_name?: string;
  /** Tax id — stored privately, never published. Secret: never logged. */
  ein?: string;
  jurisdiction?: string;
  /** e.g. "2019-04-01" */
  formation_date?: string;
  industry?: string;
  address?: string;
  website?: string;
  bio?: string;
  /** Display name (personal). */
  name?: string;
  role?: string;
  marketing_opt_in?: boolean;
}

/** Parameters of `nol.removeTenantSuppression`: Remove a suppression */
export interface NolRemoveTenantSuppressionParams {
  /** Tenant id (UUID). */
  id: string;
  /** Number to un-suppress (E.164 recommended). */
  number: string;
}

/** Parameters of `nol.rotateAccountKey`: Rotate an API key in place */
export interface NolRotateAccountKeyParams {
  /** Key id (UUID) */
  id: string;
  /** How long the previous key keeps validating. value: 0..86400. */
  grace_seconds?: number;
}

/** Parameters of `nol.setSigning`: Enable/disable HMAC signing on the calling key */
export interface NolSetSigningParams {
  enabled: boolean;
}

/** Parameters of `nol.setTenantStatus`: Set tenant status */
export interface NolSetTenantStatusParams {
  /** Tenant id (UUID). */
  id: string;
  /** New tenant status. */
  status: "active" | "disabled";
}

/** Parameters of `nol.updateAccount`: Update account name / reminder email */
export interface NolUpdateAccountParams {
  /** e.g. "Acme Voice" */
  name?: string;
  /** Optional renewal-reminder email; empty string clears it. */
  email?: string;
}

/** Parameters of `nol.updateAccountKey`: Rename or disable an API key */
export interface NolUpdateAccountKeyParams {
  /** Key id (UUID) */
  id: string;
  name?: string;
  /** Only `true` is accepted (one-way revocation). */
  disabled?: true;
}

/** Parameters of `nol.uploadListingDocument`: Upload a verification document */
export interface NolUploadListingDocumentParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +) */
  e164: string;
  /** The raw bytes: PDF, PNG, JPEG, WebP (the type is read from the bytes' signature; at most 5 MB; SVG refused). value: ..5242880. */
  file: FileParam;
}

/** Parameters of `nol.uploadListingLogo`: Upload a business logo */
export interface NolUploadListingLogoParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +) */
  e164: string;
  /** The raw bytes: PNG, JPEG, WebP (the type is read from the bytes' signature; at most 512 KB; SVG refused). value: ..524288. */
  file: FileParam;
}

/** Parameters of `nol.verifyCheckout`: Mint a verification payment link */
export interface NolVerifyCheckoutParams {
  /** An E.164 number OTP-bound to this account (with or without the leading +) */
  e164: string;
}

/** Parameters of `oauth.user-token`: Get an access token for a portal user (Express Sign-Up guide); password defaults to the partner's v4 token */
export interface OauthUserTokenParams {
  /** The subaccount's user name */
  username: string;
  /** The subaccount's password; omitted: the partner's v4 token (needs Phone.com's approval). Secret: never logged. */
  password?: string;
  /** Scope (default account-owner) */
  scope?: string;
}

/** Parameters of `v1.batch.create`: Create a batch; its fields go in `body` */
export interface V1BatchCreateParams {
  /** The batch as the /batch reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.batch.delete`: Delete one batch (the document is silent on DELETE; chosen) */
export interface V1BatchDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.batch.get`: Get one batch by its resource_id */
export interface V1BatchGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.batch.list`: List batches of calls and SMS messages (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1BatchListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.calls.create`: Make a phone call; the call's fields go in `body` */
export interface V1CallsCreateParams {
  /** The phone call as the /calls reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.calls.delete`: Delete (cancel) a scheduled phone call (the document is silent on DELETE; chosen) */
export interface V1CallsDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.calls.get`: Get one phone call by its resource_id */
export interface V1CallsGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.calls.list`: List phone calls (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1CallsListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.contact_groups.create`: Create a contact group; its fields go in `body` */
export interface V1ContactGroupsCreateParams {
  /** The contact group as the /contact_groups reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.contact_groups.delete`: Delete one contact group (the document is silent on DELETE; chosen) */
export interface V1ContactGroupsDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.contact_groups.get`: Get one contact group by its resource_id */
export interface V1ContactGroupsGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.contact_groups.list`: List contact groups (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1ContactGroupsListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.contact_groups.update`: Replace one contact group whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1ContactGroupsUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The contact group as the /contact_groups reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.contacts.create`: Create a contact; its fields go in `body` */
export interface V1ContactsCreateParams {
  /** The contact as the /contacts reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.contacts.delete`: Delete one contact (the document is silent on DELETE; chosen) */
export interface V1ContactsDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.contacts.get`: Get one contact by its resource_id */
export interface V1ContactsGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.contacts.list`: List address-book contacts (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1ContactsListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.contacts.update`: Replace one contact whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1ContactsUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The contact as the /contacts reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.extensions.create`: Create a extension; its fields go in `body` */
export interface V1ExtensionsCreateParams {
  /** The extension as the /extensions reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.extensions.delete`: Delete one extension (the document is silent on DELETE; chosen) */
export interface V1ExtensionsDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.extensions.get`: Get one extension by its resource_id */
export interface V1ExtensionsGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.extensions.list`: List extensions (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1ExtensionsListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.extensions.update`: Replace one extension whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1ExtensionsUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The extension as the /extensions reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.media.create`: Add a greeting or hold music: upload `file`, or give `tts_text` for text to speech */
export interface V1MediaCreateParams {
  /** Name of the greeting or music */
  name?: string;
  /** The audio: .mp3 (audio/mpeg), .ulaw (audio/x-ulaw) or .wav (audio/wav, audio/x-wav), 20 MB at most; sent as multipart/form-data part `file` (the document does not say how the bytes travel; chosen) */
  file?: FileParam;
  /** Whether it is hold music */
  is_hold_music?: boolean | 'Y' | 'N';
  /** Whether it is temporary */
  is_temporary?: boolean | 'Y' | 'N';
  /** Notes */
  notes?: string;
  /** How it was made, e.g. "tts" (text to speech) */
  origin?: string;
  /** Text to speak (text-to-speech media) */
  tts_text?: string;
  /** Text-to-speech voice, e.g. "amy" */
  tts_voice?: string;
}

/** Parameters of `v1.media.delete`: Delete one media object (the document is silent on DELETE; chosen) */
export interface V1MediaDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.media.get`: Get one media object by its resource_id */
export interface V1MediaGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.media.list`: List media (greetings and hold music) (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1MediaListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.media.update`: Replace one media object whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1MediaUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** Name of the greeting or music */
  name?: string;
  /** Replacement audio (optional): The audio: .mp3 (audio/mpeg), .ulaw (audio/x-ulaw) or .wav (audio/wav, audio/x-wav), 20 MB at most; sent as multipart/form-data part `file` (the document does not say how the bytes travel; chosen) */
  file?: FileParam;
  /** Whether it is hold music */
  is_hold_music?: boolean | 'Y' | 'N';
  /** Whether it is temporary */
  is_temporary?: boolean | 'Y' | 'N';
  /** Notes */
  notes?: string;
  /** How it was made, e.g. "tts" (text to speech) */
  origin?: string;
  /** Text to speak (text-to-speech media) */
  tts_text?: string;
  /** Text-to-speech voice, e.g. "amy" */
  tts_voice?: string;
}

/** Parameters of `v1.menus.create`: Create a menu (the document's POST /menus schema is enforced before sending) */
export interface V1MenusCreateParams {
  /** Name of the menu */
  name?: string;
  /** Greeting played to callers (a /media resource_id) */
  outgoing_recording?: string;
  /** Message played on an invalid entry (a /media resource_id) */
  invalid_entry_recording?: string;
  /** Let callers dial an extension directly */
  allow_extension_dial?: boolean | 'Y' | 'N';
  /** Menu level, an integer */
  level?: number;
  /** Wait time, an integer (digits only). value: 0... */
  wait_time?: number;
  /** The menu options: 1+ {digit: 0-9 or "pound", route: a route's UUID}. value: 1... */
  digits: unknown[];
}

/** Parameters of `v1.menus.delete`: Delete one menu (the document is silent on DELETE; chosen) */
export interface V1MenusDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.menus.get`: Get one menu by its resource_id */
export interface V1MenusGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.menus.list`: List menus (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1MenusListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.menus.update`: Replace one menu whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1MenusUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** Name of the menu */
  name?: string;
  /** Greeting played to callers (a /media resource_id) */
  outgoing_recording?: string;
  /** Message played on an invalid entry (a /media resource_id) */
  invalid_entry_recording?: string;
  /** Let callers dial an extension directly */
  allow_extension_dial?: boolean | 'Y' | 'N';
  /** Menu level, an integer */
  level?: number;
  /** Wait time, an integer (digits only). value: 0... */
  wait_time?: number;
  /** The menu options: 1+ {digit: 0-9 or "pound", route: a route's UUID}. value: 1... */
  digits: unknown[];
}

/** Parameters of `v1.queues.create`: Create a queue; its fields go in `body` */
export interface V1QueuesCreateParams {
  /** The queue as the /queues reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.queues.delete`: Delete one queue (the document is silent on DELETE; chosen) */
export interface V1QueuesDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.queues.get`: Get one queue by its resource_id */
export interface V1QueuesGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.queues.list`: List call queues (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1QueuesListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.queues.update`: Replace one queue whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1QueuesUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The queue as the /queues reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.routes.create`: Create a route; its fields go in `body` */
export interface V1RoutesCreateParams {
  /** The route as the /routes reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.routes.delete`: Delete one route (the document is silent on DELETE; chosen) */
export interface V1RoutesDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.routes.get`: Get one route by its resource_id */
export interface V1RoutesGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.routes.list`: List routes (call handling rules) (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1RoutesListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.routes.update`: Replace one route whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1RoutesUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The route as the /routes reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.schedules.create`: Create a schedule; its fields go in `body` */
export interface V1SchedulesCreateParams {
  /** The schedule as the /schedules reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.schedules.delete`: Delete one schedule (the document is silent on DELETE; chosen) */
export interface V1SchedulesDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.schedules.get`: Get one schedule by its resource_id */
export interface V1SchedulesGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.schedules.list`: List schedules (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1SchedulesListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v1.schedules.update`: Replace one schedule whole (PUT: the document says only "POST or PUT"; a full update is chosen) */
export interface V1SchedulesUpdateParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
  /** The schedule as the /schedules reference defines it (the formatting document lists no fields); true/false travel as "Y"/"N" */
  body: object;
}

/** Parameters of `v1.sms.create`: Send an SMS message (fields of the document's SMS object; required ones chosen: to, from, message) */
export interface V1SmsCreateParams {
  /** Recipient, E.164 (the + is added when missing) */
  to: string;
  /** Sender, one of the account's numbers, E.164 */
  from: string;
  /** The text. length: 1... */
  message: string;
  /** Your application's URL for this message's events */
  url?: string;
  /** Fallback URL when `url` fails */
  backup_url?: string;
  /** Your application's id (UUID) */
  application_id?: string;
}

/** Parameters of `v1.sms.delete`: Delete one SMS message (the document is silent on DELETE; chosen) */
export interface V1SmsDeleteParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.sms.get`: Get one SMS message by its resource_id */
export interface V1SmsGetParams {
  /** The object's resource_id (a UUID) */
  resource_id: string;
}

/** Parameters of `v1.sms.list`: List SMS messages (GET on the collection: the document is silent on list verbs; chosen) */
export interface V1SmsListParams {
  /** Optional query arguments, sent as given ({name: value or [values]}); the formatting document defines none */
  query?: object;
}

/** Parameters of `v4.create-account-call`: Make a phone call */
export interface V4CreateAccountCallParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Caller phone number in E.164 format. E.164. */
  caller_phone_number?: string;
  /** Caller Extension ID */
  caller_extension?: number;
  /** Caller caller ID in E.164 format */
  caller_caller_id?: string;
  /** Flag to set caller ID to private. A JSON boolean: the swagger types this request field as a string and names no values; Phone.com's flags are JSON booleans (its response schemas type them so), so true/false is sent. */
  caller_private?: boolean;
  /** Callee phone number in E.164 format. E.164. */
  callee_phone_number?: string;
  /** Callee Extension ID */
  callee_extension?: number;
  /** Callee caller ID in E.164 format */
  callee_caller_id?: string;
  /** Flag to set callee ID to private. A JSON boolean: the swagger types this request field as a string and names no values; Phone.com's flags are JSON booleans (its response schemas type them so), so true/false is sent. */
  callee_private?: boolean;
}

/** Parameters of `v4.create-account-device`: Register a generic VoIP device. */
export interface V4CreateAccountDeviceParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Device Name */
  name?: string;
  /** List of line objects */
  lines?: unknown[];
}

/** Parameters of `v4.create-account-extension`: Create an individual extension. */
export interface V4CreateAccountExtensionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  voicemail?: object;
  call_notifications?: object;
  /** Caller ID */
  caller_id?: string;
  /** Extension type */
  usage_type?: string;
  /** Extension number (auto-generated if empty) */
  extension?: number;
  /** Include in dial-by-name directory. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  include_in_directory?: boolean;
  /** Name (auto-generated if empty) */
  name?: string;
  /** Contact name */
  full_name?: string;
  /** Timezone */
  timezone?: string;
  /** Recording lookup object */
  name_greeting?: object;
  /** Local area code */
  local_area_code?: string;
  /** Enable outgoing calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  enable_outbound_calls?: boolean;
  /** Enable Call Waiting. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  enable_call_waiting?: boolean;
}

/** Parameters of `v4.create-account-extension-call`: Make a phone call (extension-level alias) */
export interface V4CreateAccountExtensionCallParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Caller phone number in E.164 format. E.164. */
  caller_phone_number?: string;
  /** Caller Extension ID */
  caller_extension?: number;
  /** Caller caller ID in E.164 format */
  caller_caller_id?: string;
  /** Flag to set caller ID to private. A JSON boolean: the swagger types this request field as a string and names no values; Phone.com's flags are JSON booleans (its response schemas type them so), so true/false is sent. */
  caller_private?: boolean;
  /** Callee phone number in E.164 format. E.164. */
  callee_phone_number?: string;
  /** Callee Extension ID */
  callee_extension?: number;
  /** Callee caller ID in E.164 format */
  callee_caller_id?: string;
  /** Flag to set callee ID to private. A JSON boolean: the swagger types this request field as a string and names no values; Phone.com's flags are JSON booleans (its response schemas type them so), so true/false is sent. */
  callee_private?: boolean;
}

/** Parameters of `v4.create-account-extension-contact`: Add a new address book contact for an extension. */
export interface V4CreateAccountExtensionContactParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** First Name */
  first_name?: string;
  /** Middle Name */
  middle_name?: string;
  /** Last Name */
  last_name?: string;
  /** Prefix */
  prefix?: string;
  /** Phonetic First Name */
  phonetic_first_name?: string;
  /** Phonetic Middle Name */
  phonetic_middle_name?: string;
  /** Phonetic Last Name */
  phonetic_last_name?: string;
  /** Suffix */
  suffix?: string;
  /** Nickname */
  nickname?: string;
  /** Company Name */
  company?: string;
  /** Department Name */
  department?: string;
  /** Job Title */
  job_title?: string;
  /** Email Addresses */
  emails?: unknown[];
  /** Phone Numbers */
  phone_numbers?: unknown[];
  /** Addresses */
  addresses?: unknown[];
  /** Contact Group */
  group?: object;
}

/** Parameters of `v4.create-account-extension-contact-group`: Add a new contact group to an account extension. */
export interface V4CreateAccountExtensionContactGroupParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Group name */
  name?: string;
}

/** Parameters of `v4.create-account-extension-listener`: Add a listener object to your account that can be used to subscribe an event. (extension-level alias) */
export interface V4CreateAccountExtensionListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Type of listener. Must be 'callback' */
  type?: string;
  /** Type of event to subscribe. 'call.new', 'call.update', 'call.complete' */
  event_type?: string;
  /** Array of Callback Objects. */
  callbacks?: unknown[];
}

/** Parameters of `v4.create-account-extension-sms`: Send a SMS to one or a group of recipients. (extension-level alias) */
export interface V4CreateAccountExtensionSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Phone number of sender. E.164. */
  from: string;
  /** Outgoing destination numbers. E.164. */
  to: string;
  /** Text body of the outgoing SMS message. Maximum 160 characters per message. */
  text: string;
}

/** Parameters of `v4.create-account-integration-event-subscription`: Subscribe to an account event */
export interface V4CreateAccountIntegrationEventSubscriptionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** call.new, call.update, call.complete, call.log, sms.in or sms.out */
  event_type: string;
  /** HTTPS URL the event is posted to */
  callback_url: string;
  /** Shared secret used to sign deliveries. Secret: never logged. */
  secret?: string;
}

/** Parameters of `v4.create-account-listener`: Add a listener object to your account that can be used to subscribe an event. */
export interface V4CreateAccountListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Type of listener. Must be 'callback' */
  type?: string;
  /** Type of event to subscribe. 'call.new', 'call.update', 'call.complete' */
  event_type?: string;
  /** Array of Callback Objects. */
  callbacks?: unknown[];
}

/** Parameters of `v4.create-account-media-files`: Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) */
export interface V4CreateAccountMediaFilesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Media extra parameters */
  json?: string;
  /** Media file */
  file?: FileParam;
}

/** Parameters of `v4.create-account-media-tts`: Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) */
export interface V4CreateAccountMediaTtsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Name of media */
  name?: string;
  /** 'tts', 'file' */
  origin?: string;
  /** 'hold_music', 'greeting' */
  type?: string;
  /** 'allison', 'amy', 'belle', 'callie', 'callieq', 'dallas', 'damien', 'david', 'designerdave', 'diane', 'diesel', 'dog', 'duchess', 'duncan', 'emily', 'evilgenius', 'frank', 'french-fry', 'gregory', 'isabelle', 'jean-pierre', 'jerkface', 'katrin', 'kayla', 'kidaroo', 'lawrence', 'layo', 'linda', 'marta', 'matthias', 'miguel', 'millie', 'princess', 'ransomnote', 'robin', 'shouty', 'shygirl', 'tamika', 'tophat', 'vittoria', 'vixen', 'vlad', 'walter', 'whispery', 'william', 'wiseguy', 'zach' */
  tts_voice?: string;
  /** Text used for text-to-speech conversion, maximum 800 characters */
  tts_text?: string;
  /** 'Y', 'N'. Media file is temporary, will be deleted after a specified period. Give true/false or "Y"/"N"; sent as "Y"/"N", the values this description names. */
  is_temparary?: boolean | 'Y' | 'N';
  /** If is_temporary is 'Y', media will be deleted after the specified time in seconds */
  expiration_date?: number;
  /** Length of media in seconds */
  duration?: number;
  /** Notes about the media object */
  notes?: string;
  /** 'Y', 'N'. Start playing the media file in random location, instead of from the beginning. Give true/false or "Y"/"N"; sent as "Y"/"N", the values this description names. */
  randomized?: boolean | 'Y' | 'N';
}

/** Parameters of `v4.create-account-menu`: Create an individual menu. */
export interface V4CreateAccountMenuParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  name?: string;
  greeting?: object;
  keypress_error?: object;
  /** A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (MenuFull) and Phone.com takes JSON booleans, so true/false is sent. */
  allow_extension_dial?: boolean;
  keypress_wait_time?: number;
  timeout_handler?: object;
  options?: unknown[];
}

/** Parameters of `v4.create-account-oauth-clients-redirect-uri`: Create an OAuth Client Redirect URI record. */
export interface V4CreateAccountOauthClientsRedirectUriParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
  /** Redirect URI string for use in redirect-based flows such as the authorization code and implicit flows */
  redirect_uri?: string;
}

/** Parameters of `v4.create-account-payment-method`: Create an individual payment method. */
export interface V4CreateAccountPaymentMethodParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Name of payment method */
  nickname?: string;
  /** primary, onfile or hidden */
  status?: string;
  /** Credit Card Type */
  type?: string;
  /** Credit Card Token. Token is obtained by entering credit card info via the Credit Card Entry Form. Secret: never logged. */
  cc_token?: string;
}

/** Parameters of `v4.create-account-phone-number`: Add a phone number to an account. */
export interface V4CreateAccountPhoneNumberParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Phone number. E.164. */
  phone_number: string;
  /** Route lookup object */
  route?: object;
  /** Phone Name */
  name?: string;
  /** Block incoming calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (PhoneNumberFull) and Phone.com takes JSON booleans, so true/false is sent. */
  block_incoming?: boolean;
  /** Block anonymous calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (PhoneNumberFull) and Phone.com takes JSON booleans, so true/false is sent. */
  block_anonymous?: boolean;
  caller_id?: object;
  sms_forwarding?: object;
  call_notifications?: object;
}

/** Parameters of `v4.create-account-queue`: Create a queue. */
export interface V4CreateAccountQueueParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Name of queue */
  name?: string;
  /** Recording lookup object */
  greeting?: object;
  /** Recording lookup object */
  hold_music?: object;
  /** Max seconds for hold */
  max_hold_time?: number;
  /** Type of caller id */
  caller_id_type?: string;
  /** Number of seconds to ring each member */
  ring_time?: number;
  /** Extensions or phone numbers */
  members?: unknown[];
}

/** Parameters of `v4.create-account-sms`: Send a SMS to one or a group of recipients. */
export interface V4CreateAccountSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Phone number of sender. E.164. */
  from: string;
  /** Outgoing destination numbers. E.164. */
  to: string;
  /** Text body of the outgoing SMS message. Maximum 160 characters per message. */
  text: string;
  /** ID of Extension where the sms is saved */
  extension_id?: number;
}

/** Parameters of `v4.create-account-subaccount`: Add a subaccount for the authenticated user or client */
export interface V4CreateAccountSubaccountParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Sub account password */
  username: string;
  /** Sub account password. Secret: never logged. */
  password: string;
  /** Contact Object. See below for details. */
  contact?: ContactInput;
  /** Contact Object for billing purposes. See below for details. */
  billing_contact?: ContactInput;
}

/** Parameters of `v4.create-account-subaccount-pricing`: Add a pricing plan to a subaccount. */
export interface V4CreateAccountSubaccountPricingParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subaccount ID */
  subaccount_id: number;
  /** Pricing plan code */
  pricing_id?: number;
  /** Reason this pricing plan is added to the subaccount */
  reason?: string;
  /** Pricing plan expiration time in UNIX format. Disregard or set it to null for plan which never expires */
  expire_date?: number;
}

/** Parameters of `v4.create-account-trunk`: Add a trunk record with SIP information. */
export interface V4CreateAccountTrunkParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Name of Trunk */
  name?: string;
  /** URI of Trunk (in the form of SIP/user@host.com:port) */
  uri?: string;
  /** Max concurrent calls */
  max_concurrent_calls?: number;
  /** Max minutes per month */
  max_minutes_per_month?: number;
  /** Recording lookup object */
  greeting?: object;
  /** Recording lookup object */
  error_message?: object;
  /** Custom audio codec configuration */
  codecs?: unknown[];
}

/** Parameters of `v4.create-oauth-access-token`: To create an access token via the /oauth/access-token API, an API user may choose any one of the grant types it supports: Authorization Code Grant, Client Credential Grant, Password Credential Grant or Refresh Token Grant. */
export interface V4CreateOauthAccessTokenParams {
  /** authorization_code, client_credentials, password or refresh_token */
  grant_type: "authorization_code" | "client_credentials" | "password" | "refresh_token";
  /** Client ID */
  client_id?: string;
  /** Client Secret Key. Secret: never logged. */
  client_secret?: string;
  /** Authorization Code created via the /oauth/authorization API. Secret: never logged. */
  code?: string;
  /** The redirect URI where user enters authentication information */
  redirect_uri?: string;
  /** account-owner, extension-user and/or methods:ALL, separated by space (%20) */
  scope?: string;
  /** User name */
  username?: string;
  /** Password. Secret: never logged. */
  password?: string;
  /** Refresh token. Secret: never logged. */
  refresh_token?: string;
}

/** Parameters of `v4.create-oauth-authorization`: Create Authorization Code or Access Token. */
export interface V4CreateOauthAuthorizationParams {
  /** Client ID */
  client_id: string;
  /** 'token' for Implicit Grant; 'code' for Authorization Code Grant */
  response_type: "code" | "token";
  /** account-owner, extension-user and/or methods:ALL, separated by space (%20) */
  scope: string;
  /** The URL where the response data of this API is redirected to */
  redirect_uri: string;
}

/** Parameters of `v4.create-route`: Add a new route to the account. */
export interface V4CreateRouteParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Name */
  name?: string;
  /** Rule Sets */
  rules?: unknown[];
  /** Extension Reference */
  extension?: object;
}

/** Parameters of `v4.delete-account-device`: Delete a VoIP device. */
export interface V4DeleteAccountDeviceParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Device ID */
  device_id: number;
}

/** Parameters of `v4.delete-account-extension-contact`: Delete a contact from the address book. */
export interface V4DeleteAccountExtensionContactParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Contact ID */
  contact_id: number;
}

/** Parameters of `v4.delete-account-extension-contact-group`: Delete a contact group from the address book. */
export interface V4DeleteAccountExtensionContactGroupParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Group ID */
  group_id: number;
}

/** Parameters of `v4.delete-account-extension-listener`: Delete an individual event listener. (extension-level alias) */
export interface V4DeleteAccountExtensionListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Listener ID */
  listener_id: number;
}

/** Parameters of `v4.delete-account-integration-event-subscription`: Delete an event subscription */
export interface V4DeleteAccountIntegrationEventSubscriptionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subscription ID */
  subscription_id: number;
}

/** Parameters of `v4.delete-account-listener`: Delete an individual event listener. */
export interface V4DeleteAccountListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Listener ID */
  listener_id: number;
}

/** Parameters of `v4.delete-account-media`: Delete an individual media record */
export interface V4DeleteAccountMediaParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Media ID */
  media_id: number;
}

/** Parameters of `v4.delete-account-menu`: Delete an individual menu. */
export interface V4DeleteAccountMenuParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Menu ID */
  menu_id: number;
}

/** Parameters of `v4.delete-account-oauth-client`: Delete an individual OAuth client. */
export interface V4DeleteAccountOauthClientParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
}

/** Parameters of `v4.delete-account-oauth-clients-redirect-uri`: Delete an OAuth Client Redirect URI record. */
export interface V4DeleteAccountOauthClientsRedirectUriParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
  /** Redirect URI ID */
  uri_id: number;
}

/** Parameters of `v4.delete-account-payment-method`: Delete an individual payment method. */
export interface V4DeleteAccountPaymentMethodParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Payment Method ID */
  pm_id: number;
}

/** Parameters of `v4.delete-account-queue`: Delete a queue. */
export interface V4DeleteAccountQueueParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Queue ID */
  queue_id: number;
}

/** Parameters of `v4.delete-account-route`: Delete a route from the account. */
export interface V4DeleteAccountRouteParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Route ID */
  route_id: number;
}

/** Parameters of `v4.delete-account-subaccount-pricing`: Delete a pricing plan from a subaccount. */
export interface V4DeleteAccountSubaccountPricingParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subaccount ID */
  subaccount_id: number;
  /** Pricing Object ID */
  pricing_id: number;
}

/** Parameters of `v4.delete-account-trunk`: Delete a trunk from account. */
export interface V4DeleteAccountTrunkParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Trunk ID */
  trunk_id: number;
}

/** Parameters of `v4.get-account`: Retrieve details of an individual account */
export interface V4GetAccountParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
}

/** Parameters of `v4.get-account-application`: Show details of an individual Application on a given account. */
export interface V4GetAccountApplicationParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Application ID */
  application_id: number;
}

/** Parameters of `v4.get-account-call-logs`: Show details of an individual Call Log entry */
export interface V4GetAccountCallLogsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Call ID */
  call_id: string;
}

/** Parameters of `v4.get-account-device`: Show details of an individual VoIP device. */
export interface V4GetAccountDeviceParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Device ID */
  device_id: number;
}

/** Parameters of `v4.get-account-express-srv-code`: Show details of an account Express Service Code */
export interface V4GetAccountExpressSrvCodeParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Device ID */
  code_id: number;
}

/** Parameters of `v4.get-account-extension`: Show details of an individual extension. */
export interface V4GetAccountExtensionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
}

/** Parameters of `v4.get-account-extension-contact`: Retrieve the details of an address book contact. */
export interface V4GetAccountExtensionContactParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Contact ID */
  contact_id: number;
}

/** Parameters of `v4.get-account-extension-contact-group`: Retrieve the information of a contact group. */
export interface V4GetAccountExtensionContactGroupParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Group ID */
  group_id: number;
}

/** Parameters of `v4.get-account-extension-listener`: Show details of an individual listener. (extension-level alias) */
export interface V4GetAccountExtensionListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Listener ID */
  listener_id: number;
}

/** Parameters of `v4.get-account-extension-sms`: This service shows the details of an individual SMS. (extension-level alias) */
export interface V4GetAccountExtensionSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** SMS ID */
  sms_id: string;
}

/** Parameters of `v4.get-account-integration-event-subscription`: Get an event subscription */
export interface V4GetAccountIntegrationEventSubscriptionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subscription ID */
  subscription_id: number;
}

/** Parameters of `v4.get-account-listener`: Show details of an individual listener. */
export interface V4GetAccountListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Listener ID */
  listener_id: number;
}

/** Parameters of `v4.get-account-media`: Show details of an individual media recording (Greeting or Hold Music) */
export interface V4GetAccountMediaParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Media ID */
  media_id: number;
}

/** Parameters of `v4.get-account-menu`: Show details of an individual menu. */
export interface V4GetAccountMenuParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Menu ID */
  menu_id: number;
}

/** Parameters of `v4.get-account-oauth-client`: Show details of an individual OAuth client. */
export interface V4GetAccountOauthClientParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
}

/** Parameters of `v4.get-account-oauth-clients-redirect-uri`: Get details of an OAuth Client Redirect URI record. */
export interface V4GetAccountOauthClientsRedirectUriParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
  /** Redirect URI ID */
  uri_id: number;
}

/** Parameters of `v4.get-account-payment-method`: Show details of an individual payment method. */
export interface V4GetAccountPaymentMethodParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Payment Method ID */
  pm_id: number;
}

/** Parameters of `v4.get-account-phone-number`: Show details of an individual phone number. */
export interface V4GetAccountPhoneNumberParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Number ID */
  number_id: number;
}

/** Parameters of `v4.get-account-queue`: Show details of an individual queue. */
export interface V4GetAccountQueueParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Queue ID */
  queue_id: number;
}

/** Parameters of `v4.get-account-route`: Show details of an individual route. */
export interface V4GetAccountRouteParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Route ID */
  route_id: number;
}

/** Parameters of `v4.get-account-schedule`: Show details of an individual schedule */
export interface V4GetAccountScheduleParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Schedule ID */
  schedule_id: number;
}

/** Parameters of `v4.get-account-sms`: This service shows the details of an individual SMS. */
export interface V4GetAccountSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** SMS ID */
  sms_id: string;
}

/** Parameters of `v4.get-account-subaccount-pricing`: Get the details of a pricing plan for a subaccount. */
export interface V4GetAccountSubaccountPricingParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subaccount ID */
  subaccount_id: number;
  /** Pricing Object ID */
  pricing_id: number;
}

/** Parameters of `v4.get-account-trunk`: Show details of an individual trunk. */
export interface V4GetAccountTrunkParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Trunk ID */
  trunk_id: number;
}

/** Parameters of `v4.get-account-voicemail`: This service shows the details of an individual voicemail. */
export interface V4GetAccountVoicemailParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Voicemail ID */
  voicemail_id: string;
}

/** Parameters of `v4.get-caller-ids`: Show the Caller ID options a given extension can use. */
export interface V4GetCallerIdsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"number" | "name">;
  /** field: asc|desc */
  sort?: Sort<"number" | "name">;
}

/** Parameters of `v4.get-oauth-access-token`: Retrieve details of an access token, such as scope, expiration and extension ID. */
export interface V4GetOauthAccessTokenParams {}

/** Parameters of `v4.list-account-applications`: This service lists the Applications on a given account */
export interface V4ListAccountApplicationsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-call-logs`: Get a list of call details associated with your account */
export interface V4ListAccountCallLogsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "start_time" | "created_at" | "direction" | "called_number" | "type" | "extension">;
  /** field: asc|desc */
  sort?: Sort<"id" | "start_time" | "created_at">;
}

/** Parameters of `v4.list-account-devices`: Get a list of VoIP devices associated with your account. */
export interface V4ListAccountDevicesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-express-srv-codes`: Get the Express Service Code associated with your account in list format. */
export interface V4ListAccountExpressSrvCodesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
}

/** Parameters of `v4.list-account-extension-contact-groups`: Show a list of contact groups belonging to an extension. */
export interface V4ListAccountExtensionContactGroupsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-extension-contacts`: Show the Caller ID options a given extension can use. */
export interface V4ListAccountExtensionContactsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "group_id" | "updated_at">;
  /** field: asc|desc */
  sort?: Sort<"id" | "updated_at">;
}

/** Parameters of `v4.list-account-extension-listeners`: Get a list of listeners for an account. (extension-level alias) */
export interface V4ListAccountExtensionListenersParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-extension-sms`: Get a list of SMS messages for an account. (extension-level alias) */
export interface V4ListAccountExtensionSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "from" | "to" | "direction" | "extension" | "created_at">;
  /** field: asc|desc */
  sort?: Sort<"id" | "created_at">;
}

/** Parameters of `v4.list-account-extensions`: Get a list of extensions visible to the authenticated user or client. */
export interface V4ListAccountExtensionsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "extension" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "extension" | "name">;
}

/** Parameters of `v4.list-account-integration-event-subscriptions`: List the account's event subscriptions */
export interface V4ListAccountIntegrationEventSubscriptionsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** value: ..500. */
  limit?: number;
  offset?: number;
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "event_type">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-integration-event-types`: List the event types an integration can subscribe to */
export interface V4ListAccountIntegrationEventTypesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
}

/** Parameters of `v4.list-account-listeners`: Get a list of listeners for an account. */
export interface V4ListAccountListenersParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-media`: Get a list of media recordings for an account. */
export interface V4ListAccountMediaParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-menus`: Get a list of menus for an account. */
export interface V4ListAccountMenusParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-oauth-clients`: Get a list of OAuth clients for an account. */
export interface V4ListAccountOauthClientsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-oauth-clients-redirect-uris`: Get a list of OAuth Client Redirect URIs for an account. */
export interface V4ListAccountOauthClientsRedirectUrisParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Client ID */
  client_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-payment-methods`: Get a list of payment methods for an account. */
export interface V4ListAccountPaymentMethodsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-phone-numbers`: Get a list of phone numbers registered to an account. */
export interface V4ListAccountPhoneNumbersParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name" | "phone_number">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name" | "phone_number">;
}

/** Parameters of `v4.list-account-queues`: Get a list of queues for an account. */
export interface V4ListAccountQueuesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-routes`: Get a list of routes for an account. */
export interface V4ListAccountRoutesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-schedules`: Get a list of schedules for an account */
export interface V4ListAccountSchedulesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-sms`: Get a list of SMS messages for an account. */
export interface V4ListAccountSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "from" | "to" | "direction" | "extension" | "created_at">;
  /** field: asc|desc */
  sort?: Sort<"id" | "created_at">;
}

/** Parameters of `v4.list-account-subaccount-pricing`: Get a list of pricing plans for a subaccount. */
export interface V4ListAccountSubaccountPricingParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Subaccount ID */
  subaccount_id: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-subaccounts`: Get a list of subaccounts for the authenticated user or client */
export interface V4ListAccountSubaccountsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-account-trunks`: Get a list of trunks for an account. */
export interface V4ListAccountTrunksParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id" | "name">;
  /** field: asc|desc */
  sort?: Sort<"id" | "name">;
}

/** Parameters of `v4.list-account-voicemail`: Get a list of voicemail messages for an account. */
export interface V4ListAccountVoicemailParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty; is_new: a bare true/false (the swagger types it as a boolean, not op:value) */
  filters?: Filters<"id" | "from" | "to" | "created_at" | "extension"> & { is_new?: boolean };
  /** field: asc|desc */
  sort?: Sort<"id" | "created_at">;
}

/** Parameters of `v4.list-accounts`: Get a list of accounts visible to the authenticated user or client. */
export interface V4ListAccountsParams {
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"id">;
  /** field: asc|desc */
  sort?: Sort<"id">;
}

/** Parameters of `v4.list-available-phone-number-regions`: This service lists the quantities of available phone numbers by region. */
export interface V4ListAvailablePhoneNumberRegionsParams {
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** Fields to group by (supports the same set of fields as the filters and sorting) */
  group_by?: unknown[];
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"country_code" | "npa" | "nxx" | "is_toll_free" | "city" | "province_postal_code" | "country_postal_code">;
  /** field: asc|desc */
  sort?: Sort<"country_code" | "npa" | "nxx" | "is_toll_free" | "city" | "province_postal_code" | "country_postal_code">;
}

/** Parameters of `v4.list-available-phone-numbers`: list-available-phone-numbers */
export interface V4ListAvailablePhoneNumbersParams {
  /** Max results. value: ..500. */
  limit?: number;
  /** Results to skip */
  offset?: number;
  /** Field set */
  fields?: string;
  /** op:value, e.g. eq:858, lt:149, between:a,b, in:a,b, empty */
  filters?: Filters<"phone_number" | "country_code" | "npa" | "nxx" | "xxxx" | "city" | "province" | "country" | "price" | "category">;
  /** field: asc|desc */
  sort?: Sort<"internal" | "price" | "phone_number">;
}

/** Parameters of `v4.patch-account-extension-sms`: Update the is_new parameter in a sms record. (extension-level alias) */
export interface V4PatchAccountExtensionSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** SMS ID */
  sms_id: string;
  /** Status of SMS. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (SmsFull, VoicemailFull) and Phone.com takes JSON booleans, so true/false is sent. */
  is_new?: boolean;
}

/** Parameters of `v4.patch-account-payment-method`: Replace the status of an individual payment method. */
export interface V4PatchAccountPaymentMethodParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Payment Method ID */
  pm_id: number;
  /** primary, onfile or hidden */
  status?: string;
}

/** Parameters of `v4.patch-account-sms`: Update the is_new parameter in a sms record. */
export interface V4PatchAccountSmsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** SMS ID */
  sms_id: string;
  /** Status of SMS. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (SmsFull, VoicemailFull) and Phone.com takes JSON booleans, so true/false is sent. */
  is_new?: boolean;
}

/** Parameters of `v4.patch-account-voicemail`: Update the is_new parameter in a voicemail record. */
export interface V4PatchAccountVoicemailParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Voicemail ID */
  voicemail_id: string;
  /** Status of voicemail. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (SmsFull, VoicemailFull) and Phone.com takes JSON booleans, so true/false is sent. */
  is_new?: boolean;
}

/** Parameters of `v4.ping`: The default API command */
export interface V4PingParams {}

/** Parameters of `v4.replace-account-device`: Update the details of an individual VoIP device. */
export interface V4ReplaceAccountDeviceParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Device ID */
  device_id: number;
  /** Device Name */
  name?: string;
  /** List of line objects */
  lines?: unknown[];
}

/** Parameters of `v4.replace-account-extension`: Replace an individual extension. */
export interface V4ReplaceAccountExtensionParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  voicemail?: object;
  call_notifications?: object;
  /** Recording lookup object */
  name_greeting?: object;
  /** Name (required) */
  name?: string;
  /** Timezone */
  timezone?: string;
  /** Include in dial-by-name directory. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  include_in_directory?: boolean;
  /** Extension number (required) */
  extension?: number;
  /** Enable outgoing calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  enable_outbound_calls?: boolean;
  /** Extension type */
  usage_type?: string;
  /** Contact name */
  full_name?: string;
  /** Enable Call Waiting. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (ExtensionFull) and Phone.com takes JSON booleans, so true/false is sent. */
  enable_call_waiting?: boolean;
  /** Caller ID */
  caller_id?: string;
  /** Local area code */
  local_area_code?: string;
  /** Route object lookup (must belong to this extension) */
  route?: string;
}

/** Parameters of `v4.replace-account-extension-contact`: Update the info of a contact in the address book. */
export interface V4ReplaceAccountExtensionContactParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Contact ID */
  contact_id: number;
  /** First Name */
  first_name?: string;
  /** Middle Name */
  middle_name?: string;
  /** Last Name */
  last_name?: string;
  /** Prefix */
  prefix?: string;
  /** Phonetic First Name */
  phonetic_first_name?: string;
  /** Phonetic Middle Name */
  phonetic_middle_name?: string;
  /** Phonetic Last Name */
  phonetic_last_name?: string;
  /** Suffix */
  suffix?: string;
  /** Nickname */
  nickname?: string;
  /** Company Name */
  company?: string;
  /** Department Name */
  department?: string;
  /** Job Title */
  job_title?: string;
  /** Email Addresses */
  emails?: unknown[];
  /** Phone Numbers */
  phone_numbers?: unknown[];
  /** Addresses */
  addresses?: unknown[];
  /** Contact Group */
  group?: object;
}

/** Parameters of `v4.replace-account-extension-contact-group`: Update the information of a contact group. */
export interface V4ReplaceAccountExtensionContactGroupParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Group ID */
  group_id: number;
  /** Group name */
  name?: string;
}

/** Parameters of `v4.replace-account-extension-listener`: Update the settings of an individual event listener. (extension-level alias) */
export interface V4ReplaceAccountExtensionListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Extension ID */
  extension_id: number;
  /** Listener ID */
  listener_id: number;
  /** Type of listener. Must be 'callback' */
  type?: string;
  /** Type of event to subscribe. 'call.new', 'call.update', 'call.complete' */
  event_type?: string;
  /** Array of Callback Objects. */
  callbacks?: unknown[];
}

/** Parameters of `v4.replace-account-listener`: Update the settings of an individual event listener. */
export interface V4ReplaceAccountListenerParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Listener ID */
  listener_id: number;
  /** Type of listener. Must be 'callback' */
  type?: string;
  /** Type of event to subscribe. 'call.new', 'call.update', 'call.complete' */
  event_type?: string;
  /** Array of Callback Objects. */
  callbacks?: unknown[];
}

/** Parameters of `v4.replace-account-media-files`: Update a media object to your account. Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB. */
export interface V4ReplaceAccountMediaFilesParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Media ID */
  media_id: number;
  /** Media extra parameters */
  json?: string;
  /** Media file */
  file?: FileParam;
}

/** Parameters of `v4.replace-account-media-tts`: Update a media object to your account. */
export interface V4ReplaceAccountMediaTtsParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Media ID */
  media_id: number;
  /** Name of media */
  name?: string;
  /** 'tts', 'file' */
  origin?: string;
  /** 'hold_music', 'greeting' */
  type?: string;
  /** 'allison', 'amy', 'belle', 'callie', 'callieq', 'dallas', 'damien', 'david', 'designerdave', 'diane', 'diesel', 'dog', 'duchess', 'duncan', 'emily', 'evilgenius', 'frank', 'french-fry', 'gregory', 'isabelle', 'jean-pierre', 'jerkface', 'katrin', 'kayla', 'kidaroo', 'lawrence', 'layo', 'linda', 'marta', 'matthias', 'miguel', 'millie', 'princess', 'ransomnote', 'robin', 'shouty', 'shygirl', 'tamika', 'tophat', 'vittoria', 'vixen', 'vlad', 'walter', 'whispery', 'william', 'wiseguy', 'zach' */
  tts_voice?: string;
  /** Text used for text-to-speech conversion, maximum 800 characters */
  tts_text?: string;
  /** 'Y', 'N'. Media file is temporary, will be deleted after a specified period. Give true/false or "Y"/"N"; sent as "Y"/"N", the values this description names. */
  is_temparary?: boolean | 'Y' | 'N';
  /** If is_temporary is 'Y', media will be deleted after the specified time in seconds */
  expiration_date?: number;
  /** Length of media in seconds */
  duration?: number;
  /** Notes about the media object */
  notes?: string;
  /** 'Y', 'N'. Start playing the media file in random location, instead of from the beginning. Give true/false or "Y"/"N"; sent as "Y"/"N", the values this description names. */
  randomized?: boolean | 'Y' | 'N';
}

/** Parameters of `v4.replace-account-menu`: Replace an individual menu. */
export interface V4ReplaceAccountMenuParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Menu ID */
  menu_id: number;
  name?: string;
  greeting?: object;
  keypress_error?: object;
  /** A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (MenuFull) and Phone.com takes JSON booleans, so true/false is sent. */
  allow_extension_dial?: boolean;
  keypress_wait_time?: number;
  timeout_handler?: object;
  options?: unknown[];
}

/** Parameters of `v4.replace-account-phone-number`: Update the settings for an existing phone number on your account. */
export interface V4ReplaceAccountPhoneNumberParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Number ID */
  number_id: number;
  /** Route lookup object */
  route?: object;
  /** Phone Name */
  name?: string;
  /** Block incoming calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (PhoneNumberFull) and Phone.com takes JSON booleans, so true/false is sent. */
  block_incoming?: boolean;
  /** Block anonymous calls. A JSON boolean: the swagger types this request field as a string, but its response schemas type the same field as boolean (PhoneNumberFull) and Phone.com takes JSON booleans, so true/false is sent. */
  block_anonymous?: boolean;
  caller_id?: object;
  sms_forwarding?: object;
  /** Pool lookup object */
  pool_item?: object;
  call_notifications?: object;
}

/** Parameters of `v4.replace-account-queue`: Replace a queue. */
export interface V4ReplaceAccountQueueParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Queue ID */
  queue_id: number;
  /** Name of queue */
  name?: string;
  /** Recording lookup object */
  greeting?: object;
  /** Recording lookup object */
  hold_music?: object;
  /** Max seconds for hold */
  max_hold_time?: number;
  /** Type of caller id */
  caller_id_type?: string;
  /** Number of seconds to ring each member */
  ring_time?: number;
  /** Extensions or phone numbers */
  members?: unknown[];
}

/** Parameters of `v4.replace-account-route`: Update the information of a route. */
export interface V4ReplaceAccountRouteParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Route ID */
  route_id: number;
  /** Name */
  name?: string;
  /** Rule Sets */
  rules?: unknown[];
  /** Extension Reference */
  extension?: object;
}

/** Parameters of `v4.replace-account-trunk`: Replace parameters in a trunk. */
export interface V4ReplaceAccountTrunkParams {
  /** Account ID. Defaults to the configured `v4.account_id`. */
  account_id?: number;
  /** Trunk ID */
  trunk_id: number;
  /** Name of Trunk */
  name?: string;
  /** URI of Trunk (in the form of SIP/user@host.com:port) */
  uri?: string;
  /** Max concurrent calls */
  max_concurrent_calls?: number;
  /** Max minutes per month */
  max_minutes_per_month?: number;
  /** Recording lookup object */
  greeting?: object;
  /** Recording lookup object */
  error_message?: object;
  /** Custom audio codec configuration */
  codecs?: unknown[];
}

/** Parameters of `xml.addPhoneNumber`: Add a number from inventory to the account */
export interface XmlAddPhoneNumberParams {
  /** Full phone number, e.g. 18585608120 */
  phoneNumber: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.cancelAccount`: Cancel an account (authenticate as its master account) */
export interface XmlCancelAccountParams {
  /** User name of the account to cancel */
  accountUsername: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.createAccount`: Create a new account */
export interface XmlCreateAccountParams {
  /** The requested user name */
  newUsername: string;
  /** The requested password. Secret: never logged. */
  newPassword: string;
  /** Name */
  name: string;
  /** Company name */
  company?: string;
  /** Address */
  address: string;
  /** Address line 2 */
  address2?: string;
  /** City */
  city: string;
  /** State (required for US and CA) */
  state?: string;
  /** Zip code (5 or 9 digits, required for US) */
  zip?: string;
  /** 2-letter country code, e.g. US */
  country: string;
  /** Phone number */
  phone: string;
  /** Fax number */
  fax?: string;
  /** Email */
  email: string;
  /** Alternate email address */
  email2?: string;
  /** Master account id, assigned by Phone.com */
  masterid?: string;
  /** Branding id, assigned by Phone.com */
  brandingid?: string;
  /** Service code requested, assigned by Phone.com */
  code?: string;
  /** Desired telephone number, if applicable */
  phoneNumber?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getCallList`: List call detail records (at most 500 rows per request; see xml::Calls to walk a range) */
export interface XmlGetCallListParams {
  /** Range start (Unix epoch seconds). value: 0... */
  startTime?: number;
  /** Range end (Unix epoch seconds). value: 0... */
  endTime?: number;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getChatCallStatus`: Status of a ChatCall, per recipient */
export interface XmlGetChatCallStatusParams {
  /** ChatCall id returned by sendChatCall. length: 1... */
  ChatCallID: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberCountryList`: List supported country codes and country names */
export interface XmlGetPhoneNumberCountryListParams {
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberInventory`: Search numbers in inventory by state, prefix, region, locality or pattern */
export interface XmlGetPhoneNumberInventoryParams {
  /** Country calling code to search, e.g. 1 (US/CA) or 44 (UK). value: 1..999. */
  countryCode: number;
  /** Restrict to TF (toll-free) or local */
  type?: "TF" | "local";
  /** Restrict to this state */
  state?: string;
  /** Restrict to this region (needs state) */
  region?: string;
  /** Restrict to this locality (needs state) */
  locality?: string;
  /** Restrict to this area code */
  prefix?: string;
  /** Pattern: digits, letters A-Z and * (e.g. 1800FLOWERS, 1212*******) */
  pattern?: string;
  /** Results to return (at most 500). value: 1..500. */
  quantity?: number;
  /** Page of `quantity` results to return, counted from 1: page 1 is the first `quantity` numbers (as when page is left out), page 2 the next (needs quantity). value: 1... */
  page?: number;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberList`: List the active phone numbers of the account */
export interface XmlGetPhoneNumberListParams {
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberLocalityList`: List localities (rate centers) of a prefix or state, with inventory */
export interface XmlGetPhoneNumberLocalityListParams {
  /** Country calling code to search, e.g. 1 (US/CA) or 44 (UK). value: 1..999. */
  countryCode: number;
  /** Prefix (area code) to search; this or state is required */
  prefix?: string;
  /** State to search; this or prefix is required */
  state?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberPortingEligibility`: Whether a number can be ported in (Yes or No) */
export interface XmlGetPhoneNumberPortingEligibilityParams {
  /** Full phone number, e.g. 18585608120 */
  phoneNumber: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberPrefixList`: List supported prefixes (area codes) of a country, with approximate inventory */
export interface XmlGetPhoneNumberPrefixListParams {
  /** Country calling code to search, e.g. 1 (US/CA) or 44 (UK). value: 1..999. */
  countryCode: number;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberRegionList`: List regions (cities) of a prefix or state, with inventory */
export interface XmlGetPhoneNumberRegionListParams {
  /** Country calling code to search, e.g. 1 (US/CA) or 44 (UK). value: 1..999. */
  countryCode: number;
  /** Prefix (area code) to search; this or state is required */
  prefix?: string;
  /** State to search; this or prefix is required */
  state?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getPhoneNumberStateList`: List supported states of a country, with approximate inventory */
export interface XmlGetPhoneNumberStateListParams {
  /** Country calling code to search, e.g. 1 (US/CA) or 44 (UK). value: 1..999. */
  countryCode: number;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getSoundList`: List the sounds that can be embedded in text-to-speech ([laugh]) */
export interface XmlGetSoundListParams {
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.getVoiceList`: List the text-to-speech voices */
export interface XmlGetVoiceListParams {
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.originateCall`: Place a call to leg A, then connect it to leg B */
export interface XmlOriginateCallParams {
  /** Number to call first: E.164 or an extension number */
  legAPhoneNumber: string;
  /** Caller id sent to leg A (defaults to legBPhoneNumber) */
  legACallerId?: string;
  /** Seconds to wait for leg A to answer (default 20). value: 1... */
  legATimeout?: number;
  /** Number to call second (E.164). E.164. */
  legBPhoneNumber: string;
  /** Caller id sent to leg B */
  legBCallerId?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.previewChatCall`: Get the URL of a .wav preview of a ChatCall */
export interface XmlPreviewChatCallParams {
  /** Sender's name (default "Name") */
  fromName?: string;
  /** The message. length: 1... */
  message: string;
  /** Recipient's name (default "Name") */
  toName?: string;
  /** Voice for text-to-speech */
  voice?: string;
  /** none, yes_no or yes_no_maybe */
  responseType?: "none" | "yes_no" | "yes_no_maybe";
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.reservePhoneNumber`: Reserve a number until about midnight Pacific time */
export interface XmlReservePhoneNumberParams {
  /** Full phone number, e.g. 18585608120 */
  phoneNumber: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.sendChatCall`: Send or schedule a ChatCall to one or more NANPA numbers */
export interface XmlSendChatCallParams {
  /** Sender's name. length: 1... */
  fromName: string;
  /** Sender's email */
  fromEmail: string;
  /** The message. length: 1... */
  message: string;
  /** Recipients' names, one per toNumber (a single string is accepted for one recipient) */
  toName: unknown[];
  /** Recipients' numbers, E.164, US or CA only (a single string is accepted for one recipient) */
  toNumber: unknown[];
  /** Voice for text-to-speech */
  voice?: string;
  /** none, yes_no or yes_no_maybe */
  responseType?: "none" | "yes_no" | "yes_no_maybe";
  /** When to send (default now): Unix epoch seconds or ISO 8601, e.g. 2007-12-01T13:28:50.0000Z */
  sendDate?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.sendSMS`: Send an SMS (160 characters at most) from a number of the account */
export interface XmlSendSMSParams {
  /** Number of the account to send from (E.164). E.164. */
  fromNumber: string;
  /** Destination number (E.164). E.164. */
  toNumber: string;
  /** The message, 160 characters at most. length: 1..160. */
  message: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.unreservePhoneNumber`: Return a reserved number to inventory */
export interface XmlUnreservePhoneNumberParams {
  /** Full phone number, e.g. 18585608120 */
  phoneNumber: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.updateCallHandlingSimpleRingAll`: Replace a number's call handling: ring up to 10 destinations at once */
export interface XmlUpdateCallHandlingSimpleRingAllParams {
  /** Phone number whose call handling is replaced (E.164). E.164. */
  phoneNumber: string;
  /** Number to ring: E.164 or an extension number */
  destination1: string;
  /** Voice tag played when destination1 answers */
  destination1VoiceTag?: string;
  /** Screen calls to destination1 (yes/no) */
  destination1Screening?: "yes" | "no";
  /** Caller id sent to destination1 (default: the caller's) */
  destination1CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination2?: string;
  /** Voice tag played when destination2 answers */
  destination2VoiceTag?: string;
  /** Screen calls to destination2 (yes/no) */
  destination2Screening?: "yes" | "no";
  /** Caller id sent to destination2 (default: the caller's) */
  destination2CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination3?: string;
  /** Voice tag played when destination3 answers */
  destination3VoiceTag?: string;
  /** Screen calls to destination3 (yes/no) */
  destination3Screening?: "yes" | "no";
  /** Caller id sent to destination3 (default: the caller's) */
  destination3CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination4?: string;
  /** Voice tag played when destination4 answers */
  destination4VoiceTag?: string;
  /** Screen calls to destination4 (yes/no) */
  destination4Screening?: "yes" | "no";
  /** Caller id sent to destination4 (default: the caller's) */
  destination4CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination5?: string;
  /** Voice tag played when destination5 answers */
  destination5VoiceTag?: string;
  /** Screen calls to destination5 (yes/no) */
  destination5Screening?: "yes" | "no";
  /** Caller id sent to destination5 (default: the caller's) */
  destination5CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination6?: string;
  /** Voice tag played when destination6 answers */
  destination6VoiceTag?: string;
  /** Screen calls to destination6 (yes/no) */
  destination6Screening?: "yes" | "no";
  /** Caller id sent to destination6 (default: the caller's) */
  destination6CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination7?: string;
  /** Voice tag played when destination7 answers */
  destination7VoiceTag?: string;
  /** Screen calls to destination7 (yes/no) */
  destination7Screening?: "yes" | "no";
  /** Caller id sent to destination7 (default: the caller's) */
  destination7CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination8?: string;
  /** Voice tag played when destination8 answers */
  destination8VoiceTag?: string;
  /** Screen calls to destination8 (yes/no) */
  destination8Screening?: "yes" | "no";
  /** Caller id sent to destination8 (default: the caller's) */
  destination8CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination9?: string;
  /** Voice tag played when destination9 answers */
  destination9VoiceTag?: string;
  /** Screen calls to destination9 (yes/no) */
  destination9Screening?: "yes" | "no";
  /** Caller id sent to destination9 (default: the caller's) */
  destination9CallerId?: string;
  /** Number to ring: E.164 or an extension number */
  destination10?: string;
  /** Voice tag played when destination10 answers */
  destination10VoiceTag?: string;
  /** Screen calls to destination10 (yes/no) */
  destination10Screening?: "yes" | "no";
  /** Caller id sent to destination10 (default: the caller's) */
  destination10CallerId?: string;
  /** Seconds to ring all numbers (default 60). value: 1... */
  timeout?: number;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of `xml.updateExtensionNotification`: Update an extension's notification settings (unset ones are kept) */
export interface XmlUpdateExtensionNotificationParams {
  /** Numeric extension */
  extension: string;
  /** Send email notifications (yes/no) */
  enableEmail?: "yes" | "no";
  /** Send SMS notifications (yes/no) */
  enableSms?: "yes" | "no";
  /** Email address for notifications */
  emailAddress?: string;
  /** Voicemail attachment format (wav/mp3) */
  emailFormat?: "wav" | "mp3";
  /** Number for SMS notifications (E.164). E.164. */
  smsNumber?: string;
  /** Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless). length: 1... */
  clTRID?: string;
}

/** Parameters of a walk of `xml.getCallList` (iterate, pages, items): Every call from `startTime` to `endTime` (Unix epoch seconds, both included), each once, oldest window first: the range is fetched window by window, and a window that comes back full (500 rows) is split in two. `limit` is the page size (default 100). */
export interface XmlGetCallListWalkParams {
  /** Start of the range, Unix epoch seconds (included) */
  startTime: number;
  /** End of the range, Unix epoch seconds (included) */
  endTime: number;
  /** Rows per page (default 100). value: 1..500. */
  limit?: number;
}

/** Every operation by canonical name: its parameters, result, (for lists) row type and a walk's parameters. */
export interface Operations {
  /** Sign a portal user up: create the subaccount <partner>-<user_id> (never twice), add the card token as its payment method (never twice), and get the user's token (FLOW v4.create-account-subaccount -> v4.create-account-payment-method -> oauth.user-token) */
  "express.signup": { params: ExpressSignupParams; result: Signup; item: never; walk: ExpressSignupParams };
  /** Enroll / revoke call-provenance (resource form) (PATCH /api/v1/account/phones/{e164}) */
  "nol.accountPhonePatch": { params: NolAccountPhonePatchParams; result: NolAccountPhonePatchResponse; item: never; walk: NolAccountPhonePatchParams };
  /** List your verified numbers (enrollment inventory) (GET /api/v1/account/phones) */
  "nol.accountPhonesList": { params: NolAccountPhonesListParams; result: NolAccountPhonesListResponse; item: never; walk: NolAccountPhonesListParams };
  /** Sign up for an API key (POST /api/v1/account/signup) */
  "nol.accountSignup": { params: NolAccountSignupParams; result: NolAccountSignupResponse; item: never; walk: NolAccountSignupParams };
  /** Add prepaid credit (POST /api/v1/account/topup) */
  "nol.accountTopup": { params: NolAccountTopupParams; result: NolAccountTopupResponse; item: never; walk: NolAccountTopupParams };
  /** Verify a business number (step 2: confirm code) (POST /api/v1/account/verify-phone/confirm) */
  "nol.accountVerifyPhoneConfirm": { params: NolAccountVerifyPhoneConfirmParams; result: NolAccountVerifyPhoneConfirmResponse; item: never; walk: NolAccountVerifyPhoneConfirmParams };
  /** Verify a business number (step 1: send code) (POST /api/v1/account/verify-phone/start) */
  "nol.accountVerifyPhoneStart": { params: NolAccountVerifyPhoneStartParams; result: NolAccountVerifyPhoneStartResponse; item: never; walk: NolAccountVerifyPhoneStartParams };
  /** Add a suppression (POST /api/v1/account/tenants/{id}/suppressions) */
  "nol.addTenantSuppression": { params: NolAddTenantSuppressionParams; result: NolAddTenantSuppressionResponse; item: never; walk: NolAddTenantSuppressionParams };
  /** Mint a new API key (POST /api/v1/account/keys) */
  "nol.createAccountKey": { params: NolCreateAccountKeyParams; result: NolCreateAccountKeyResponse; item: never; walk: NolCreateAccountKeyParams };
  /** Create a tenant (POST /api/v1/account/tenants) */
  "nol.createTenant": { params: NolCreateTenantParams; result: NolCreateTenantResponse; item: never; walk: NolCreateTenantParams };
  /** Get account balance and usage (GET /api/v1/account) */
  "nol.getAccount": { params: NolGetAccountParams; result: NolGetAccountResponse; item: never; walk: NolGetAccountParams };
  /** Read one API key (GET /api/v1/account/keys/{id}) */
  "nol.getAccountKey": { params: NolGetAccountKeyParams; result: NolGetAccountKeyResponse; item: never; walk: NolGetAccountKeyParams };
  /** Onboarding state + live trust for an account-owned number (GET /api/v1/account/listings/{e164}) */
  "nol.getAccountListing": { params: NolGetAccountListingParams; result: NolGetAccountListingResponse; item: never; walk: NolGetAccountListingParams };
  /** Reports + reviews filed against an owned number (GET /api/v1/account/listings/{e164}/reports) */
  "nol.getAccountListingReports": { params: NolGetAccountListingReportsParams; result: NolGetAccountListingReportsResponse; item: never; walk: NolGetAccountListingReportsParams };
  /** Operator HMAC signing secret (for the calling key) (GET /api/v1/account/signing) */
  "nol.getSigning": { params: NolGetSigningParams; result: SigningInfo; item: never; walk: NolGetSigningParams };
  /** Get tenant detail (GET /api/v1/account/tenants/{id}) */
  "nol.getTenant": { params: NolGetTenantParams; result: NolGetTenantResponse; item: never; walk: NolGetTenantParams };
  /** Issue a tenant sub-key (POST /api/v1/account/tenants/{id}/keys) */
  "nol.issueTenantKey": { params: NolIssueTenantKeyParams; result: NolIssueTenantKeyResponse; item: never; walk: NolIssueTenantKeyParams };
  /** List API keys (GET /api/v1/account/keys) */
  "nol.listAccountKeys": { params: NolListAccountKeysParams; result: NolListAccountKeysResponse; item: never; walk: NolListAccountKeysParams };
  /** List tenant suppressions (GET /api/v1/account/tenants/{id}/suppressions) */
  "nol.listTenantSuppressions": { params: NolListTenantSuppressionsParams; result: NolListTenantSuppressionsResponse; item: never; walk: NolListTenantSuppressionsParams };
  /** List tenants (GET /api/v1/account/tenants) */
  "nol.listTenants": { params: NolListTenantsParams; result: NolListTenantsResponse; item: never; walk: NolListTenantsParams };
  /** Stage a draft profile (or edit a live listing) (PUT /api/v1/account/listings/{e164}) */
  "nol.putAccountListing": { params: NolPutAccountListingParams; result: NolPutAccountListingResponse; item: never; walk: NolPutAccountListingParams };
  /** Remove a suppression (DELETE /api/v1/account/tenants/{id}/suppressions) */
  "nol.removeTenantSuppression": { params: NolRemoveTenantSuppressionParams; result: NolRemoveTenantSuppressionResponse; item: never; walk: NolRemoveTenantSuppressionParams };
  /** Rotate an API key in place (POST /api/v1/account/keys/{id}/rotate) */
  "nol.rotateAccountKey": { params: NolRotateAccountKeyParams; result: NolRotateAccountKeyResponse; item: never; walk: NolRotateAccountKeyParams };
  /** Enable/disable HMAC signing on the calling key (POST /api/v1/account/signing) */
  "nol.setSigning": { params: NolSetSigningParams; result: SigningInfo; item: never; walk: NolSetSigningParams };
  /** Set tenant status (PATCH /api/v1/account/tenants/{id}) */
  "nol.setTenantStatus": { params: NolSetTenantStatusParams; result: NolSetTenantStatusResponse; item: never; walk: NolSetTenantStatusParams };
  /** Update account name / reminder email (PATCH /api/v1/account) */
  "nol.updateAccount": { params: NolUpdateAccountParams; result: NolUpdateAccountResponse; item: never; walk: NolUpdateAccountParams };
  /** Rename or disable an API key (PATCH /api/v1/account/keys/{id}) */
  "nol.updateAccountKey": { params: NolUpdateAccountKeyParams; result: NolUpdateAccountKeyResponse; item: never; walk: NolUpdateAccountKeyParams };
  /** Upload a verification document (POST /api/v1/account/listings/{e164}/documents) */
  "nol.uploadListingDocument": { params: NolUploadListingDocumentParams; result: NolUploadListingDocumentResponse; item: never; walk: NolUploadListingDocumentParams };
  /** Upload a business logo (POST /api/v1/account/listings/{e164}/logo) */
  "nol.uploadListingLogo": { params: NolUploadListingLogoParams; result: NolUploadListingLogoResponse; item: never; walk: NolUploadListingLogoParams };
  /** Mint a verification payment link (POST /api/v1/account/listings/{e164}/verify-checkout) */
  "nol.verifyCheckout": { params: NolVerifyCheckoutParams; result: NolVerifyCheckoutResponse; item: never; walk: NolVerifyCheckoutParams };
  /** Get an access token for a portal user (Express Sign-Up guide); password defaults to the partner's v4 token (POST /client/{client_id}/authorization) */
  "oauth.user-token": { params: OauthUserTokenParams; result: UserToken; item: never; walk: OauthUserTokenParams };
  /** Create a batch; its fields go in `body` (POST /batch) */
  "v1.batch.create": { params: V1BatchCreateParams; result: JsonValue; item: never; walk: V1BatchCreateParams };
  /** Delete one batch (the document is silent on DELETE; chosen) (DELETE /batch/{resource_id}) */
  "v1.batch.delete": { params: V1BatchDeleteParams; result: JsonValue; item: never; walk: V1BatchDeleteParams };
  /** Get one batch by its resource_id (GET /batch/{resource_id}) */
  "v1.batch.get": { params: V1BatchGetParams; result: JsonValue; item: never; walk: V1BatchGetParams };
  /** List batches of calls and SMS messages (GET on the collection: the document is silent on list verbs; chosen) (GET /batch) */
  "v1.batch.list": { params: V1BatchListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1BatchListParams };
  /** Make a phone call; the call's fields go in `body` (POST /calls) */
  "v1.calls.create": { params: V1CallsCreateParams; result: JsonValue; item: never; walk: V1CallsCreateParams };
  /** Delete (cancel) a scheduled phone call (the document is silent on DELETE; chosen) (DELETE /calls/{resource_id}) */
  "v1.calls.delete": { params: V1CallsDeleteParams; result: JsonValue; item: never; walk: V1CallsDeleteParams };
  /** Get one phone call by its resource_id (GET /calls/{resource_id}) */
  "v1.calls.get": { params: V1CallsGetParams; result: JsonValue; item: never; walk: V1CallsGetParams };
  /** List phone calls (GET on the collection: the document is silent on list verbs; chosen) (GET /calls) */
  "v1.calls.list": { params: V1CallsListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1CallsListParams };
  /** Create a contact group; its fields go in `body` (POST /contact_groups) */
  "v1.contact_groups.create": { params: V1ContactGroupsCreateParams; result: JsonValue; item: never; walk: V1ContactGroupsCreateParams };
  /** Delete one contact group (the document is silent on DELETE; chosen) (DELETE /contact_groups/{resource_id}) */
  "v1.contact_groups.delete": { params: V1ContactGroupsDeleteParams; result: JsonValue; item: never; walk: V1ContactGroupsDeleteParams };
  /** Get one contact group by its resource_id (GET /contact_groups/{resource_id}) */
  "v1.contact_groups.get": { params: V1ContactGroupsGetParams; result: JsonValue; item: never; walk: V1ContactGroupsGetParams };
  /** List contact groups (GET on the collection: the document is silent on list verbs; chosen) (GET /contact_groups) */
  "v1.contact_groups.list": { params: V1ContactGroupsListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1ContactGroupsListParams };
  /** Replace one contact group whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /contact_groups/{resource_id}) */
  "v1.contact_groups.update": { params: V1ContactGroupsUpdateParams; result: JsonValue; item: never; walk: V1ContactGroupsUpdateParams };
  /** Create a contact; its fields go in `body` (POST /contacts) */
  "v1.contacts.create": { params: V1ContactsCreateParams; result: JsonValue; item: never; walk: V1ContactsCreateParams };
  /** Delete one contact (the document is silent on DELETE; chosen) (DELETE /contacts/{resource_id}) */
  "v1.contacts.delete": { params: V1ContactsDeleteParams; result: JsonValue; item: never; walk: V1ContactsDeleteParams };
  /** Get one contact by its resource_id (GET /contacts/{resource_id}) */
  "v1.contacts.get": { params: V1ContactsGetParams; result: JsonValue; item: never; walk: V1ContactsGetParams };
  /** List address-book contacts (GET on the collection: the document is silent on list verbs; chosen) (GET /contacts) */
  "v1.contacts.list": { params: V1ContactsListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1ContactsListParams };
  /** Replace one contact whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /contacts/{resource_id}) */
  "v1.contacts.update": { params: V1ContactsUpdateParams; result: JsonValue; item: never; walk: V1ContactsUpdateParams };
  /** Create a extension; its fields go in `body` (POST /extensions) */
  "v1.extensions.create": { params: V1ExtensionsCreateParams; result: JsonValue; item: never; walk: V1ExtensionsCreateParams };
  /** Delete one extension (the document is silent on DELETE; chosen) (DELETE /extensions/{resource_id}) */
  "v1.extensions.delete": { params: V1ExtensionsDeleteParams; result: JsonValue; item: never; walk: V1ExtensionsDeleteParams };
  /** Get one extension by its resource_id (GET /extensions/{resource_id}) */
  "v1.extensions.get": { params: V1ExtensionsGetParams; result: JsonValue; item: never; walk: V1ExtensionsGetParams };
  /** List extensions (GET on the collection: the document is silent on list verbs; chosen) (GET /extensions) */
  "v1.extensions.list": { params: V1ExtensionsListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1ExtensionsListParams };
  /** Replace one extension whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /extensions/{resource_id}) */
  "v1.extensions.update": { params: V1ExtensionsUpdateParams; result: JsonValue; item: never; walk: V1ExtensionsUpdateParams };
  /** Add a greeting or hold music: upload `file`, or give `tts_text` for text to speech (POST /media) */
  "v1.media.create": { params: V1MediaCreateParams; result: JsonValue; item: never; walk: V1MediaCreateParams };
  /** Delete one media object (the document is silent on DELETE; chosen) (DELETE /media/{resource_id}) */
  "v1.media.delete": { params: V1MediaDeleteParams; result: JsonValue; item: never; walk: V1MediaDeleteParams };
  /** Get one media object by its resource_id (GET /media/{resource_id}) */
  "v1.media.get": { params: V1MediaGetParams; result: JsonValue; item: never; walk: V1MediaGetParams };
  /** List media (greetings and hold music) (GET on the collection: the document is silent on list verbs; chosen) (GET /media) */
  "v1.media.list": { params: V1MediaListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1MediaListParams };
  /** Replace one media object whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /media/{resource_id}) */
  "v1.media.update": { params: V1MediaUpdateParams; result: JsonValue; item: never; walk: V1MediaUpdateParams };
  /** Create a menu (the document's POST /menus schema is enforced before sending) (POST /menus) */
  "v1.menus.create": { params: V1MenusCreateParams; result: JsonValue; item: never; walk: V1MenusCreateParams };
  /** Delete one menu (the document is silent on DELETE; chosen) (DELETE /menus/{resource_id}) */
  "v1.menus.delete": { params: V1MenusDeleteParams; result: JsonValue; item: never; walk: V1MenusDeleteParams };
  /** Get one menu by its resource_id (GET /menus/{resource_id}) */
  "v1.menus.get": { params: V1MenusGetParams; result: JsonValue; item: never; walk: V1MenusGetParams };
  /** List menus (GET on the collection: the document is silent on list verbs; chosen) (GET /menus) */
  "v1.menus.list": { params: V1MenusListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1MenusListParams };
  /** Replace one menu whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /menus/{resource_id}) */
  "v1.menus.update": { params: V1MenusUpdateParams; result: JsonValue; item: never; walk: V1MenusUpdateParams };
  /** Create a queue; its fields go in `body` (POST /queues) */
  "v1.queues.create": { params: V1QueuesCreateParams; result: JsonValue; item: never; walk: V1QueuesCreateParams };
  /** Delete one queue (the document is silent on DELETE; chosen) (DELETE /queues/{resource_id}) */
  "v1.queues.delete": { params: V1QueuesDeleteParams; result: JsonValue; item: never; walk: V1QueuesDeleteParams };
  /** Get one queue by its resource_id (GET /queues/{resource_id}) */
  "v1.queues.get": { params: V1QueuesGetParams; result: JsonValue; item: never; walk: V1QueuesGetParams };
  /** List call queues (GET on the collection: the document is silent on list verbs; chosen) (GET /queues) */
  "v1.queues.list": { params: V1QueuesListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1QueuesListParams };
  /** Replace one queue whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /queues/{resource_id}) */
  "v1.queues.update": { params: V1QueuesUpdateParams; result: JsonValue; item: never; walk: V1QueuesUpdateParams };
  /** Create a route; its fields go in `body` (POST /routes) */
  "v1.routes.create": { params: V1RoutesCreateParams; result: JsonValue; item: never; walk: V1RoutesCreateParams };
  /** Delete one route (the document is silent on DELETE; chosen) (DELETE /routes/{resource_id}) */
  "v1.routes.delete": { params: V1RoutesDeleteParams; result: JsonValue; item: never; walk: V1RoutesDeleteParams };
  /** Get one route by its resource_id (GET /routes/{resource_id}) */
  "v1.routes.get": { params: V1RoutesGetParams; result: JsonValue; item: never; walk: V1RoutesGetParams };
  /** List routes (call handling rules) (GET on the collection: the document is silent on list verbs; chosen) (GET /routes) */
  "v1.routes.list": { params: V1RoutesListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1RoutesListParams };
  /** Replace one route whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /routes/{resource_id}) */
  "v1.routes.update": { params: V1RoutesUpdateParams; result: JsonValue; item: never; walk: V1RoutesUpdateParams };
  /** Create a schedule; its fields go in `body` (POST /schedules) */
  "v1.schedules.create": { params: V1SchedulesCreateParams; result: JsonValue; item: never; walk: V1SchedulesCreateParams };
  /** Delete one schedule (the document is silent on DELETE; chosen) (DELETE /schedules/{resource_id}) */
  "v1.schedules.delete": { params: V1SchedulesDeleteParams; result: JsonValue; item: never; walk: V1SchedulesDeleteParams };
  /** Get one schedule by its resource_id (GET /schedules/{resource_id}) */
  "v1.schedules.get": { params: V1SchedulesGetParams; result: JsonValue; item: never; walk: V1SchedulesGetParams };
  /** List schedules (GET on the collection: the document is silent on list verbs; chosen) (GET /schedules) */
  "v1.schedules.list": { params: V1SchedulesListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1SchedulesListParams };
  /** Replace one schedule whole (PUT: the document says only "POST or PUT"; a full update is chosen) (PUT /schedules/{resource_id}) */
  "v1.schedules.update": { params: V1SchedulesUpdateParams; result: JsonValue; item: never; walk: V1SchedulesUpdateParams };
  /** Send an SMS message (fields of the document's SMS object; required ones chosen: to, from, message) (POST /sms) */
  "v1.sms.create": { params: V1SmsCreateParams; result: JsonValue; item: never; walk: V1SmsCreateParams };
  /** Delete one SMS message (the document is silent on DELETE; chosen) (DELETE /sms/{resource_id}) */
  "v1.sms.delete": { params: V1SmsDeleteParams; result: JsonValue; item: never; walk: V1SmsDeleteParams };
  /** Get one SMS message by its resource_id (GET /sms/{resource_id}) */
  "v1.sms.get": { params: V1SmsGetParams; result: JsonValue; item: never; walk: V1SmsGetParams };
  /** List SMS messages (GET on the collection: the document is silent on list verbs; chosen) (GET /sms) */
  "v1.sms.list": { params: V1SmsListParams; result: JsonValue; item: { [key: string]: unknown }; walk: V1SmsListParams };
  /** Make a phone call (POST /accounts/{account_id}/calls) */
  "v4.create-account-call": { params: V4CreateAccountCallParams; result: CallFull; item: never; walk: V4CreateAccountCallParams };
  /** Register a generic VoIP device. (POST /accounts/{account_id}/devices) */
  "v4.create-account-device": { params: V4CreateAccountDeviceParams; result: DeviceFull; item: never; walk: V4CreateAccountDeviceParams };
  /** Create an individual extension. (POST /accounts/{account_id}/extensions) */
  "v4.create-account-extension": { params: V4CreateAccountExtensionParams; result: ExtensionFull; item: never; walk: V4CreateAccountExtensionParams };
  /** Make a phone call (extension-level alias) (POST /accounts/{account_id}/extensions/{extension_id}/calls) */
  "v4.create-account-extension-call": { params: V4CreateAccountExtensionCallParams; result: CallFull; item: never; walk: V4CreateAccountExtensionCallParams };
  /** Add a new address book contact for an extension. (POST /accounts/{account_id}/extensions/{extension_id}/contacts) */
  "v4.create-account-extension-contact": { params: V4CreateAccountExtensionContactParams; result: ContactFull; item: never; walk: V4CreateAccountExtensionContactParams };
  /** Add a new contact group to an account extension. (POST /accounts/{account_id}/extensions/{extension_id}/contact-groups) */
  "v4.create-account-extension-contact-group": { params: V4CreateAccountExtensionContactGroupParams; result: GroupFull; item: never; walk: V4CreateAccountExtensionContactGroupParams };
  /** Add a listener object to your account that can be used to subscribe an event. (extension-level alias) (POST /accounts/{account_id}/extensions/{extension_id}/listeners) */
  "v4.create-account-extension-listener": { params: V4CreateAccountExtensionListenerParams; result: ListenerFull; item: never; walk: V4CreateAccountExtensionListenerParams };
  /** Send a SMS to one or a group of recipients. (extension-level alias) (POST /accounts/{account_id}/extensions/{extension_id}/sms) */
  "v4.create-account-extension-sms": { params: V4CreateAccountExtensionSmsParams; result: SmsFull; item: never; walk: V4CreateAccountExtensionSmsParams };
  /** Subscribe to an account event (POST /accounts/{account_id}/integrations/events/subscriptions) */
  "v4.create-account-integration-event-subscription": { params: V4CreateAccountIntegrationEventSubscriptionParams; result: JsonValue; item: never; walk: V4CreateAccountIntegrationEventSubscriptionParams };
  /** Add a listener object to your account that can be used to subscribe an event. (POST /accounts/{account_id}/listeners) */
  "v4.create-account-listener": { params: V4CreateAccountListenerParams; result: ListenerFull; item: never; walk: V4CreateAccountListenerParams };
  /** Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) (POST /accounts/{account_id}/media/files) */
  "v4.create-account-media-files": { params: V4CreateAccountMediaFilesParams; result: MediaFull; item: never; walk: V4CreateAccountMediaFilesParams };
  /** Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) (POST /accounts/{account_id}/media/tts) */
  "v4.create-account-media-tts": { params: V4CreateAccountMediaTtsParams; result: MediaFull; item: never; walk: V4CreateAccountMediaTtsParams };
  /** Create an individual menu. (POST /accounts/{account_id}/menus) */
  "v4.create-account-menu": { params: V4CreateAccountMenuParams; result: MenuFull; item: never; walk: V4CreateAccountMenuParams };
  /** Create an OAuth Client Redirect URI record. (POST /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris) */
  "v4.create-account-oauth-clients-redirect-uri": { params: V4CreateAccountOauthClientsRedirectUriParams; result: OauthClientRedirectUriFull; item: never; walk: V4CreateAccountOauthClientsRedirectUriParams };
  /** Create an individual payment method. (POST /accounts/{account_id}/payment-methods) */
  "v4.create-account-payment-method": { params: V4CreateAccountPaymentMethodParams; result: PaymentFull; item: never; walk: V4CreateAccountPaymentMethodParams };
  /** Add a phone number to an account. (POST /accounts/{account_id}/phone-numbers) */
  "v4.create-account-phone-number": { params: V4CreateAccountPhoneNumberParams; result: PhoneNumberFull; item: never; walk: V4CreateAccountPhoneNumberParams };
  /** Create a queue. (POST /accounts/{account_id}/queues) */
  "v4.create-account-queue": { params: V4CreateAccountQueueParams; result: QueueFull; item: never; walk: V4CreateAccountQueueParams };
  /** Send a SMS to one or a group of recipients. (POST /accounts/{account_id}/sms) */
  "v4.create-account-sms": { params: V4CreateAccountSmsParams; result: SmsFull; item: never; walk: V4CreateAccountSmsParams };
  /** Add a subaccount for the authenticated user or client (POST /accounts/{account_id}/subaccounts) */
  "v4.create-account-subaccount": { params: V4CreateAccountSubaccountParams; result: AccountFull; item: never; walk: V4CreateAccountSubaccountParams };
  /** Add a pricing plan to a subaccount. (POST /accounts/{account_id}/subaccounts/{subaccount_id}/pricing) */
  "v4.create-account-subaccount-pricing": { params: V4CreateAccountSubaccountPricingParams; result: PricingFull; item: never; walk: V4CreateAccountSubaccountPricingParams };
  /** Add a trunk record with SIP information. (POST /accounts/{account_id}/trunks) */
  "v4.create-account-trunk": { params: V4CreateAccountTrunkParams; result: TrunkFull; item: never; walk: V4CreateAccountTrunkParams };
  /** To create an access token via the /oauth/access-token API, an API user may choose any one of the grant types it supports: Authorization Code Grant, Client Credential Grant, Password Credential Grant or Refresh Token Grant. (POST /oauth/access-token) */
  "v4.create-oauth-access-token": { params: V4CreateOauthAccessTokenParams; result: OauthAccessToken; item: never; walk: V4CreateOauthAccessTokenParams };
  /** Create Authorization Code or Access Token. (GET /oauth/authorization) */
  "v4.create-oauth-authorization": { params: V4CreateOauthAuthorizationParams; result: JsonValue; item: never; walk: V4CreateOauthAuthorizationParams };
  /** Add a new route to the account. (POST /accounts/{account_id}/routes) */
  "v4.create-route": { params: V4CreateRouteParams; result: RouteFull; item: never; walk: V4CreateRouteParams };
  /** Delete a VoIP device. (DELETE /accounts/{account_id}/devices/{device_id}) */
  "v4.delete-account-device": { params: V4DeleteAccountDeviceParams; result: DeleteEntry; item: never; walk: V4DeleteAccountDeviceParams };
  /** Delete a contact from the address book. (DELETE /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  "v4.delete-account-extension-contact": { params: V4DeleteAccountExtensionContactParams; result: DeleteEntry; item: never; walk: V4DeleteAccountExtensionContactParams };
  /** Delete a contact group from the address book. (DELETE /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  "v4.delete-account-extension-contact-group": { params: V4DeleteAccountExtensionContactGroupParams; result: DeleteEntry; item: never; walk: V4DeleteAccountExtensionContactGroupParams };
  /** Delete an individual event listener. (extension-level alias) (DELETE /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  "v4.delete-account-extension-listener": { params: V4DeleteAccountExtensionListenerParams; result: DeleteEntry; item: never; walk: V4DeleteAccountExtensionListenerParams };
  /** Delete an event subscription (DELETE /accounts/{account_id}/integrations/events/subscriptions/{subscription_id}) */
  "v4.delete-account-integration-event-subscription": { params: V4DeleteAccountIntegrationEventSubscriptionParams; result: JsonValue; item: never; walk: V4DeleteAccountIntegrationEventSubscriptionParams };
  /** Delete an individual event listener. (DELETE /accounts/{account_id}/listeners/{listener_id}) */
  "v4.delete-account-listener": { params: V4DeleteAccountListenerParams; result: DeleteEntry; item: never; walk: V4DeleteAccountListenerParams };
  /** Delete an individual media record (DELETE /accounts/{account_id}/media/{media_id}) */
  "v4.delete-account-media": { params: V4DeleteAccountMediaParams; result: DeleteEntry; item: never; walk: V4DeleteAccountMediaParams };
  /** Delete an individual menu. (DELETE /accounts/{account_id}/menus/{menu_id}) */
  "v4.delete-account-menu": { params: V4DeleteAccountMenuParams; result: DeleteEntry; item: never; walk: V4DeleteAccountMenuParams };
  /** Delete an individual OAuth client. (DELETE /accounts/{account_id}/oauth/clients/{client_id}) */
  "v4.delete-account-oauth-client": { params: V4DeleteAccountOauthClientParams; result: DeleteEntry; item: never; walk: V4DeleteAccountOauthClientParams };
  /** Delete an OAuth Client Redirect URI record. (DELETE /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris/{uri_id}) */
  "v4.delete-account-oauth-clients-redirect-uri": { params: V4DeleteAccountOauthClientsRedirectUriParams; result: DeleteEntry; item: never; walk: V4DeleteAccountOauthClientsRedirectUriParams };
  /** Delete an individual payment method. (DELETE /accounts/{account_id}/payment-methods/{pm_id}) */
  "v4.delete-account-payment-method": { params: V4DeleteAccountPaymentMethodParams; result: DeleteEntry; item: never; walk: V4DeleteAccountPaymentMethodParams };
  /** Delete a queue. (DELETE /accounts/{account_id}/queues/{queue_id}) */
  "v4.delete-account-queue": { params: V4DeleteAccountQueueParams; result: DeleteEntry; item: never; walk: V4DeleteAccountQueueParams };
  /** Delete a route from the account. (DELETE /accounts/{account_id}/routes/{route_id}) */
  "v4.delete-account-route": { params: V4DeleteAccountRouteParams; result: DeleteEntry; item: never; walk: V4DeleteAccountRouteParams };
  /** Delete a pricing plan from a subaccount. (DELETE /accounts/{account_id}/subaccounts/{subaccount_id}/pricing/{pricing_id}) */
  "v4.delete-account-subaccount-pricing": { params: V4DeleteAccountSubaccountPricingParams; result: DeleteEntry; item: never; walk: V4DeleteAccountSubaccountPricingParams };
  /** Delete a trunk from account. (DELETE /accounts/{account_id}/trunks/{trunk_id}) */
  "v4.delete-account-trunk": { params: V4DeleteAccountTrunkParams; result: DeleteEntry; item: never; walk: V4DeleteAccountTrunkParams };
  /** Retrieve details of an individual account (GET /accounts/{account_id}) */
  "v4.get-account": { params: V4GetAccountParams; result: AccountFull; item: never; walk: V4GetAccountParams };
  /** Show details of an individual Application on a given account. (GET /accounts/{account_id}/applications/{application_id}) */
  "v4.get-account-application": { params: V4GetAccountApplicationParams; result: ApplicationFull; item: never; walk: V4GetAccountApplicationParams };
  /** Show details of an individual Call Log entry (GET /accounts/{account_id}/call-logs/{call_id}) */
  "v4.get-account-call-logs": { params: V4GetAccountCallLogsParams; result: CallLogFull; item: never; walk: V4GetAccountCallLogsParams };
  /** Show details of an individual VoIP device. (GET /accounts/{account_id}/devices/{device_id}) */
  "v4.get-account-device": { params: V4GetAccountDeviceParams; result: DeviceFull; item: never; walk: V4GetAccountDeviceParams };
  /** Show details of an account Express Service Code (GET /accounts/{account_id}/express-service-codes/{code_id}) */
  "v4.get-account-express-srv-code": { params: V4GetAccountExpressSrvCodeParams; result: ExpressServiceCodeFull; item: never; walk: V4GetAccountExpressSrvCodeParams };
  /** Show details of an individual extension. (GET /accounts/{account_id}/extensions/{extension_id}) */
  "v4.get-account-extension": { params: V4GetAccountExtensionParams; result: ExtensionFull; item: never; walk: V4GetAccountExtensionParams };
  /** Retrieve the details of an address book contact. (GET /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  "v4.get-account-extension-contact": { params: V4GetAccountExtensionContactParams; result: ContactFull; item: never; walk: V4GetAccountExtensionContactParams };
  /** Retrieve the information of a contact group. (GET /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  "v4.get-account-extension-contact-group": { params: V4GetAccountExtensionContactGroupParams; result: GroupFull; item: never; walk: V4GetAccountExtensionContactGroupParams };
  /** Show details of an individual listener. (extension-level alias) (GET /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  "v4.get-account-extension-listener": { params: V4GetAccountExtensionListenerParams; result: ListenerFull; item: never; walk: V4GetAccountExtensionListenerParams };
  /** This service shows the details of an individual SMS. (extension-level alias) (GET /accounts/{account_id}/extensions/{extension_id}/sms/{sms_id}) */
  "v4.get-account-extension-sms": { params: V4GetAccountExtensionSmsParams; result: SmsFull; item: never; walk: V4GetAccountExtensionSmsParams };
  /** Get an event subscription (GET /accounts/{account_id}/integrations/events/subscriptions/{subscription_id}) */
  "v4.get-account-integration-event-subscription": { params: V4GetAccountIntegrationEventSubscriptionParams; result: JsonValue; item: never; walk: V4GetAccountIntegrationEventSubscriptionParams };
  /** Show details of an individual listener. (GET /accounts/{account_id}/listeners/{listener_id}) */
  "v4.get-account-listener": { params: V4GetAccountListenerParams; result: ListenerFull; item: never; walk: V4GetAccountListenerParams };
  /** Show details of an individual media recording (Greeting or Hold Music) (GET /accounts/{account_id}/media/{media_id}) */
  "v4.get-account-media": { params: V4GetAccountMediaParams; result: MediaFull; item: never; walk: V4GetAccountMediaParams };
  /** Show details of an individual menu. (GET /accounts/{account_id}/menus/{menu_id}) */
  "v4.get-account-menu": { params: V4GetAccountMenuParams; result: MenuFull; item: never; walk: V4GetAccountMenuParams };
  /** Show details of an individual OAuth client. (GET /accounts/{account_id}/oauth/clients/{client_id}) */
  "v4.get-account-oauth-client": { params: V4GetAccountOauthClientParams; result: OauthClientFull; item: never; walk: V4GetAccountOauthClientParams };
  /** Get details of an OAuth Client Redirect URI record. (GET /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris/{uri_id}) */
  "v4.get-account-oauth-clients-redirect-uri": { params: V4GetAccountOauthClientsRedirectUriParams; result: OauthClientRedirectUriFull; item: never; walk: V4GetAccountOauthClientsRedirectUriParams };
  /** Show details of an individual payment method. (GET /accounts/{account_id}/payment-methods/{pm_id}) */
  "v4.get-account-payment-method": { params: V4GetAccountPaymentMethodParams; result: PaymentFull; item: never; walk: V4GetAccountPaymentMethodParams };
  /** Show details of an individual phone number. (GET /accounts/{account_id}/phone-numbers/{number_id}) */
  "v4.get-account-phone-number": { params: V4GetAccountPhoneNumberParams; result: PhoneNumberFull; item: never; walk: V4GetAccountPhoneNumberParams };
  /** Show details of an individual queue. (GET /accounts/{account_id}/queues/{queue_id}) */
  "v4.get-account-queue": { params: V4GetAccountQueueParams; result: QueueFull; item: never; walk: V4GetAccountQueueParams };
  /** Show details of an individual route. (GET /accounts/{account_id}/routes/{route_id}) */
  "v4.get-account-route": { params: V4GetAccountRouteParams; result: RouteFull; item: never; walk: V4GetAccountRouteParams };
  /** Show details of an individual schedule (GET /accounts/{account_id}/schedules/{schedule_id}) */
  "v4.get-account-schedule": { params: V4GetAccountScheduleParams; result: ScheduleFull; item: never; walk: V4GetAccountScheduleParams };
  /** This service shows the details of an individual SMS. (GET /accounts/{account_id}/sms/{sms_id}) */
  "v4.get-account-sms": { params: V4GetAccountSmsParams; result: SmsFull; item: never; walk: V4GetAccountSmsParams };
  /** Get the details of a pricing plan for a subaccount. (GET /accounts/{account_id}/subaccounts/{subaccount_id}/pricing/{pricing_id}) */
  "v4.get-account-subaccount-pricing": { params: V4GetAccountSubaccountPricingParams; result: PricingFull; item: never; walk: V4GetAccountSubaccountPricingParams };
  /** Show details of an individual trunk. (GET /accounts/{account_id}/trunks/{trunk_id}) */
  "v4.get-account-trunk": { params: V4GetAccountTrunkParams; result: TrunkFull; item: never; walk: V4GetAccountTrunkParams };
  /** This service shows the details of an individual voicemail. (GET /accounts/{account_id}/voicemail/{voicemail_id}) */
  "v4.get-account-voicemail": { params: V4GetAccountVoicemailParams; result: VoicemailFull; item: never; walk: V4GetAccountVoicemailParams };
  /** Show the Caller ID options a given extension can use. (GET /accounts/{account_id}/extensions/{extension_id}/caller-ids) */
  "v4.get-caller-ids": { params: V4GetCallerIdsParams; result: ListCallerIds; item: CallerIdFull; walk: V4GetCallerIdsParams };
  /** Retrieve details of an access token, such as scope, expiration and extension ID. (GET /oauth/access-token) */
  "v4.get-oauth-access-token": { params: V4GetOauthAccessTokenParams; result: GetOauthAccessToken; item: never; walk: V4GetOauthAccessTokenParams };
  /** This service lists the Applications on a given account (GET /accounts/{account_id}/applications) */
  "v4.list-account-applications": { params: V4ListAccountApplicationsParams; result: ListApplications; item: ApplicationFull; walk: V4ListAccountApplicationsParams };
  /** Get a list of call details associated with your account (GET /accounts/{account_id}/call-logs) */
  "v4.list-account-call-logs": { params: V4ListAccountCallLogsParams; result: ListCallLogs; item: CallLogFull; walk: V4ListAccountCallLogsParams };
  /** Get a list of VoIP devices associated with your account. (GET /accounts/{account_id}/devices) */
  "v4.list-account-devices": { params: V4ListAccountDevicesParams; result: ListDevices; item: DeviceFull; walk: V4ListAccountDevicesParams };
  /** Get the Express Service Code associated with your account in list format. (GET /accounts/{account_id}/express-service-codes) */
  "v4.list-account-express-srv-codes": { params: V4ListAccountExpressSrvCodesParams; result: ListExpressServiceCodes; item: never; walk: V4ListAccountExpressSrvCodesParams };
  /** Show a list of contact groups belonging to an extension. (GET /accounts/{account_id}/extensions/{extension_id}/contact-groups) */
  "v4.list-account-extension-contact-groups": { params: V4ListAccountExtensionContactGroupsParams; result: ListGroups; item: GroupFull; walk: V4ListAccountExtensionContactGroupsParams };
  /** Show the Caller ID options a given extension can use. (GET /accounts/{account_id}/extensions/{extension_id}/contacts) */
  "v4.list-account-extension-contacts": { params: V4ListAccountExtensionContactsParams; result: ListContacts; item: ContactFull; walk: V4ListAccountExtensionContactsParams };
  /** Get a list of listeners for an account. (extension-level alias) (GET /accounts/{account_id}/extensions/{extension_id}/listeners) */
  "v4.list-account-extension-listeners": { params: V4ListAccountExtensionListenersParams; result: ListListeners; item: ListenerFull; walk: V4ListAccountExtensionListenersParams };
  /** Get a list of SMS messages for an account. (extension-level alias) (GET /accounts/{account_id}/extensions/{extension_id}/sms) */
  "v4.list-account-extension-sms": { params: V4ListAccountExtensionSmsParams; result: ListSms; item: SmsFull; walk: V4ListAccountExtensionSmsParams };
  /** Get a list of extensions visible to the authenticated user or client. (GET /accounts/{account_id}/extensions) */
  "v4.list-account-extensions": { params: V4ListAccountExtensionsParams; result: ListExtensions; item: ExtensionFull; walk: V4ListAccountExtensionsParams };
  /** List the account's event subscriptions (GET /accounts/{account_id}/integrations/events/subscriptions) */
  "v4.list-account-integration-event-subscriptions": { params: V4ListAccountIntegrationEventSubscriptionsParams; result: JsonValue; item: { [key: string]: unknown }; walk: V4ListAccountIntegrationEventSubscriptionsParams };
  /** List the event types an integration can subscribe to (GET /accounts/{account_id}/integrations/events/types) */
  "v4.list-account-integration-event-types": { params: V4ListAccountIntegrationEventTypesParams; result: JsonValue; item: never; walk: V4ListAccountIntegrationEventTypesParams };
  /** Get a list of listeners for an account. (GET /accounts/{account_id}/listeners) */
  "v4.list-account-listeners": { params: V4ListAccountListenersParams; result: ListListeners; item: ListenerFull; walk: V4ListAccountListenersParams };
  /** Get a list of media recordings for an account. (GET /accounts/{account_id}/media) */
  "v4.list-account-media": { params: V4ListAccountMediaParams; result: ListMedia; item: MediaSummary; walk: V4ListAccountMediaParams };
  /** Get a list of menus for an account. (GET /accounts/{account_id}/menus) */
  "v4.list-account-menus": { params: V4ListAccountMenusParams; result: ListMenus; item: MenuFull; walk: V4ListAccountMenusParams };
  /** Get a list of OAuth clients for an account. (GET /accounts/{account_id}/oauth/clients) */
  "v4.list-account-oauth-clients": { params: V4ListAccountOauthClientsParams; result: ListOauthClients; item: OauthClientFull; walk: V4ListAccountOauthClientsParams };
  /** Get a list of OAuth Client Redirect URIs for an account. (GET /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris) */
  "v4.list-account-oauth-clients-redirect-uris": { params: V4ListAccountOauthClientsRedirectUrisParams; result: ListOauthClientsRedirectUris; item: OauthClientRedirectUriFull; walk: V4ListAccountOauthClientsRedirectUrisParams };
  /** Get a list of payment methods for an account. (GET /accounts/{account_id}/payment-methods) */
  "v4.list-account-payment-methods": { params: V4ListAccountPaymentMethodsParams; result: ListPaymentMethods; item: PaymentFull; walk: V4ListAccountPaymentMethodsParams };
  /** Get a list of phone numbers registered to an account. (GET /accounts/{account_id}/phone-numbers) */
  "v4.list-account-phone-numbers": { params: V4ListAccountPhoneNumbersParams; result: ListPhoneNumbers; item: PhoneNumberFull; walk: V4ListAccountPhoneNumbersParams };
  /** Get a list of queues for an account. (GET /accounts/{account_id}/queues) */
  "v4.list-account-queues": { params: V4ListAccountQueuesParams; result: ListQueues; item: QueueFull; walk: V4ListAccountQueuesParams };
  /** Get a list of routes for an account. (GET /accounts/{account_id}/routes) */
  "v4.list-account-routes": { params: V4ListAccountRoutesParams; result: ListRoutes; item: RouteFull; walk: V4ListAccountRoutesParams };
  /** Get a list of schedules for an account (GET /accounts/{account_id}/schedules) */
  "v4.list-account-schedules": { params: V4ListAccountSchedulesParams; result: ListSchedules; item: ScheduleFull; walk: V4ListAccountSchedulesParams };
  /** Get a list of SMS messages for an account. (GET /accounts/{account_id}/sms) */
  "v4.list-account-sms": { params: V4ListAccountSmsParams; result: ListSms; item: SmsFull; walk: V4ListAccountSmsParams };
  /** Get a list of pricing plans for a subaccount. (GET /accounts/{account_id}/subaccounts/{subaccount_id}/pricing) */
  "v4.list-account-subaccount-pricing": { params: V4ListAccountSubaccountPricingParams; result: ListPricings; item: PricingFull; walk: V4ListAccountSubaccountPricingParams };
  /** Get a list of subaccounts for the authenticated user or client (GET /accounts/{account_id}/subaccounts) */
  "v4.list-account-subaccounts": { params: V4ListAccountSubaccountsParams; result: ListAccounts; item: AccountFull; walk: V4ListAccountSubaccountsParams };
  /** Get a list of trunks for an account. (GET /accounts/{account_id}/trunks) */
  "v4.list-account-trunks": { params: V4ListAccountTrunksParams; result: ListTrunks; item: TrunkFull; walk: V4ListAccountTrunksParams };
  /** Get a list of voicemail messages for an account. (GET /accounts/{account_id}/voicemail) */
  "v4.list-account-voicemail": { params: V4ListAccountVoicemailParams; result: ListVoicemail; item: VoicemailFull; walk: V4ListAccountVoicemailParams };
  /** Get a list of accounts visible to the authenticated user or client. (GET /accounts) */
  "v4.list-accounts": { params: V4ListAccountsParams; result: ListAccounts; item: AccountFull; walk: V4ListAccountsParams };
  /** This service lists the quantities of available phone numbers by region. (GET /phone-numbers/available/regions) */
  "v4.list-available-phone-number-regions": { params: V4ListAvailablePhoneNumberRegionsParams; result: ListPhoneNumbersRegions; item: PhoneNumbersRegionFull; walk: V4ListAvailablePhoneNumberRegionsParams };
  /** list-available-phone-numbers (GET /phone-numbers/available) */
  "v4.list-available-phone-numbers": { params: V4ListAvailablePhoneNumbersParams; result: ListAvailableNumbers; item: AvailableNumbersFull; walk: V4ListAvailablePhoneNumbersParams };
  /** Update the is_new parameter in a sms record. (extension-level alias) (PATCH /accounts/{account_id}/extensions/{extension_id}/sms/{sms_id}) */
  "v4.patch-account-extension-sms": { params: V4PatchAccountExtensionSmsParams; result: SmsFull; item: never; walk: V4PatchAccountExtensionSmsParams };
  /** Replace the status of an individual payment method. (PATCH /accounts/{account_id}/payment-methods/{pm_id}) */
  "v4.patch-account-payment-method": { params: V4PatchAccountPaymentMethodParams; result: PaymentFull; item: never; walk: V4PatchAccountPaymentMethodParams };
  /** Update the is_new parameter in a sms record. (PATCH /accounts/{account_id}/sms/{sms_id}) */
  "v4.patch-account-sms": { params: V4PatchAccountSmsParams; result: SmsFull; item: never; walk: V4PatchAccountSmsParams };
  /** Update the is_new parameter in a voicemail record. (PATCH /accounts/{account_id}/voicemail/{voicemail_id}) */
  "v4.patch-account-voicemail": { params: V4PatchAccountVoicemailParams; result: VoicemailFull; item: never; walk: V4PatchAccountVoicemailParams };
  /** The default API command (GET /ping) */
  "v4.ping": { params: V4PingParams; result: PingResponse; item: never; walk: V4PingParams };
  /** Update the details of an individual VoIP device. (PUT /accounts/{account_id}/devices/{device_id}) */
  "v4.replace-account-device": { params: V4ReplaceAccountDeviceParams; result: DeviceFull; item: never; walk: V4ReplaceAccountDeviceParams };
  /** Replace an individual extension. (PUT /accounts/{account_id}/extensions/{extension_id}) */
  "v4.replace-account-extension": { params: V4ReplaceAccountExtensionParams; result: ExtensionFull; item: never; walk: V4ReplaceAccountExtensionParams };
  /** Update the info of a contact in the address book. (PUT /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  "v4.replace-account-extension-contact": { params: V4ReplaceAccountExtensionContactParams; result: ContactFull; item: never; walk: V4ReplaceAccountExtensionContactParams };
  /** Update the information of a contact group. (PUT /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  "v4.replace-account-extension-contact-group": { params: V4ReplaceAccountExtensionContactGroupParams; result: GroupFull; item: never; walk: V4ReplaceAccountExtensionContactGroupParams };
  /** Update the settings of an individual event listener. (extension-level alias) (PUT /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  "v4.replace-account-extension-listener": { params: V4ReplaceAccountExtensionListenerParams; result: ListenerFull; item: never; walk: V4ReplaceAccountExtensionListenerParams };
  /** Update the settings of an individual event listener. (PUT /accounts/{account_id}/listeners/{listener_id}) */
  "v4.replace-account-listener": { params: V4ReplaceAccountListenerParams; result: ListenerFull; item: never; walk: V4ReplaceAccountListenerParams };
  /** Update a media object to your account. Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB. (PUT /accounts/{account_id}/media/files/{media_id}) */
  "v4.replace-account-media-files": { params: V4ReplaceAccountMediaFilesParams; result: MediaFull; item: never; walk: V4ReplaceAccountMediaFilesParams };
  /** Update a media object to your account. (PUT /accounts/{account_id}/media/tts/{media_id}) */
  "v4.replace-account-media-tts": { params: V4ReplaceAccountMediaTtsParams; result: MediaFull; item: never; walk: V4ReplaceAccountMediaTtsParams };
  /** Replace an individual menu. (PUT /accounts/{account_id}/menus/{menu_id}) */
  "v4.replace-account-menu": { params: V4ReplaceAccountMenuParams; result: MenuFull; item: never; walk: V4ReplaceAccountMenuParams };
  /** Update the settings for an existing phone number on your account. (PUT /accounts/{account_id}/phone-numbers/{number_id}) */
  "v4.replace-account-phone-number": { params: V4ReplaceAccountPhoneNumberParams; result: PhoneNumberFull; item: never; walk: V4ReplaceAccountPhoneNumberParams };
  /** Replace a queue. (PUT /accounts/{account_id}/queues/{queue_id}) */
  "v4.replace-account-queue": { params: V4ReplaceAccountQueueParams; result: QueueFull; item: never; walk: V4ReplaceAccountQueueParams };
  /** Update the information of a route. (PUT /accounts/{account_id}/routes/{route_id}) */
  "v4.replace-account-route": { params: V4ReplaceAccountRouteParams; result: RouteFull; item: never; walk: V4ReplaceAccountRouteParams };
  /** Replace parameters in a trunk. (PUT /accounts/{account_id}/trunks/{trunk_id}) */
  "v4.replace-account-trunk": { params: V4ReplaceAccountTrunkParams; result: TrunkFull; item: never; walk: V4ReplaceAccountTrunkParams };
  /** Add a number from inventory to the account (POST addPhoneNumber) */
  "xml.addPhoneNumber": { params: XmlAddPhoneNumberParams; result: XmlReply; item: never; walk: XmlAddPhoneNumberParams };
  /** Cancel an account (authenticate as its master account) (POST cancelAccount) */
  "xml.cancelAccount": { params: XmlCancelAccountParams; result: XmlReply; item: never; walk: XmlCancelAccountParams };
  /** Create a new account (POST createAccount) */
  "xml.createAccount": { params: XmlCreateAccountParams; result: XmlReply; item: never; walk: XmlCreateAccountParams };
  /** List call detail records (at most 500 rows per request; see xml::Calls to walk a range) (POST getCallList) */
  "xml.getCallList": { params: XmlGetCallListParams; result: XmlCallList; item: XmlCallRecord; walk: XmlGetCallListWalkParams };
  /** Status of a ChatCall, per recipient (POST getChatCallStatus) */
  "xml.getChatCallStatus": { params: XmlGetChatCallStatusParams; result: XmlChatCallStatus; item: never; walk: XmlGetChatCallStatusParams };
  /** List supported country codes and country names (POST getPhoneNumberCountryList) */
  "xml.getPhoneNumberCountryList": { params: XmlGetPhoneNumberCountryListParams; result: XmlRows; item: never; walk: XmlGetPhoneNumberCountryListParams };
  /** Search numbers in inventory by state, prefix, region, locality or pattern (POST getPhoneNumberInventory) */
  "xml.getPhoneNumberInventory": { params: XmlGetPhoneNumberInventoryParams; result: XmlInventory; item: never; walk: XmlGetPhoneNumberInventoryParams };
  /** List the active phone numbers of the account (POST getPhoneNumberList) */
  "xml.getPhoneNumberList": { params: XmlGetPhoneNumberListParams; result: XmlNumberList; item: never; walk: XmlGetPhoneNumberListParams };
  /** List localities (rate centers) of a prefix or state, with inventory (POST getPhoneNumberLocalityList) */
  "xml.getPhoneNumberLocalityList": { params: XmlGetPhoneNumberLocalityListParams; result: XmlRows; item: never; walk: XmlGetPhoneNumberLocalityListParams };
  /** Whether a number can be ported in (Yes or No) (POST getPhoneNumberPortingEligibility) */
  "xml.getPhoneNumberPortingEligibility": { params: XmlGetPhoneNumberPortingEligibilityParams; result: XmlPortingEligibility; item: never; walk: XmlGetPhoneNumberPortingEligibilityParams };
  /** List supported prefixes (area codes) of a country, with approximate inventory (POST getPhoneNumberPrefixList) */
  "xml.getPhoneNumberPrefixList": { params: XmlGetPhoneNumberPrefixListParams; result: XmlRows; item: never; walk: XmlGetPhoneNumberPrefixListParams };
  /** List regions (cities) of a prefix or state, with inventory (POST getPhoneNumberRegionList) */
  "xml.getPhoneNumberRegionList": { params: XmlGetPhoneNumberRegionListParams; result: XmlRows; item: never; walk: XmlGetPhoneNumberRegionListParams };
  /** List supported states of a country, with approximate inventory (POST getPhoneNumberStateList) */
  "xml.getPhoneNumberStateList": { params: XmlGetPhoneNumberStateListParams; result: XmlRows; item: never; walk: XmlGetPhoneNumberStateListParams };
  /** List the sounds that can be embedded in text-to-speech ([laugh]) (POST getSoundList) */
  "xml.getSoundList": { params: XmlGetSoundListParams; result: XmlRows; item: never; walk: XmlGetSoundListParams };
  /** List the text-to-speech voices (POST getVoiceList) */
  "xml.getVoiceList": { params: XmlGetVoiceListParams; result: XmlVoiceList; item: never; walk: XmlGetVoiceListParams };
  /** Place a call to leg A, then connect it to leg B (POST originateCall) */
  "xml.originateCall": { params: XmlOriginateCallParams; result: XmlReply; item: never; walk: XmlOriginateCallParams };
  /** Get the URL of a .wav preview of a ChatCall (POST previewChatCall) */
  "xml.previewChatCall": { params: XmlPreviewChatCallParams; result: XmlChatCallPreview; item: never; walk: XmlPreviewChatCallParams };
  /** Reserve a number until about midnight Pacific time (POST reservePhoneNumber) */
  "xml.reservePhoneNumber": { params: XmlReservePhoneNumberParams; result: XmlReply; item: never; walk: XmlReservePhoneNumberParams };
  /** Send or schedule a ChatCall to one or more NANPA numbers (POST sendChatCall) */
  "xml.sendChatCall": { params: XmlSendChatCallParams; result: XmlChatCallSent; item: never; walk: XmlSendChatCallParams };
  /** Send an SMS (160 characters at most) from a number of the account (POST sendSMS) */
  "xml.sendSMS": { params: XmlSendSMSParams; result: XmlReply; item: never; walk: XmlSendSMSParams };
  /** Return a reserved number to inventory (POST unreservePhoneNumber) */
  "xml.unreservePhoneNumber": { params: XmlUnreservePhoneNumberParams; result: XmlReply; item: never; walk: XmlUnreservePhoneNumberParams };
  /** Replace a number's call handling: ring up to 10 destinations at once (POST updateCallHandlingSimpleRingAll) */
  "xml.updateCallHandlingSimpleRingAll": { params: XmlUpdateCallHandlingSimpleRingAllParams; result: XmlReply; item: never; walk: XmlUpdateCallHandlingSimpleRingAllParams };
  /** Update an extension's notification settings (unset ones are kept) (POST updateExtensionNotification) */
  "xml.updateExtensionNotification": { params: XmlUpdateExtensionNotificationParams; result: XmlReply; item: never; walk: XmlUpdateExtensionNotificationParams };
}

/** Every canonical operation name. */
export type OperationName = keyof Operations;

/** The operations that return a pageable list. */
export type PageableOperationName = "v1.batch.list" | "v1.calls.list" | "v1.contact_groups.list" | "v1.contacts.list" | "v1.extensions.list" | "v1.media.list" | "v1.menus.list" | "v1.queues.list" | "v1.routes.list" | "v1.schedules.list" | "v1.sms.list" | "v4.get-caller-ids" | "v4.list-account-applications" | "v4.list-account-call-logs" | "v4.list-account-devices" | "v4.list-account-extension-contact-groups" | "v4.list-account-extension-contacts" | "v4.list-account-extension-listeners" | "v4.list-account-extension-sms" | "v4.list-account-extensions" | "v4.list-account-integration-event-subscriptions" | "v4.list-account-listeners" | "v4.list-account-media" | "v4.list-account-menus" | "v4.list-account-oauth-clients" | "v4.list-account-oauth-clients-redirect-uris" | "v4.list-account-payment-methods" | "v4.list-account-phone-numbers" | "v4.list-account-queues" | "v4.list-account-routes" | "v4.list-account-schedules" | "v4.list-account-sms" | "v4.list-account-subaccount-pricing" | "v4.list-account-subaccounts" | "v4.list-account-trunks" | "v4.list-account-voicemail" | "v4.list-accounts" | "v4.list-available-phone-number-regions" | "v4.list-available-phone-numbers" | "xml.getCallList";

// The typed namespaces: client.<family>.<camelCaseName>.

export interface ExpressNamespace {
  /** Sign a portal user up: create the subaccount <partner>-<user_id> (never twice), add the card token as its payment method (never twice), and get the user's token (`express.signup`, FLOW v4.create-account-subaccount -> v4.create-account-payment-method -> oauth.user-token) */
  readonly signup: Method<"express.signup">;
}

export interface NolNamespace {
  /** Enroll / revoke call-provenance (resource form) (`nol.accountPhonePatch`, PATCH /api/v1/account/phones/{e164}) */
  readonly accountPhonePatch: Method<"nol.accountPhonePatch">;
  /** List your verified numbers (enrollment inventory) (`nol.accountPhonesList`, GET /api/v1/account/phones) */
  readonly accountPhonesList: Method<"nol.accountPhonesList">;
  /** Sign up for an API key (`nol.accountSignup`, POST /api/v1/account/signup) */
  readonly accountSignup: Method<"nol.accountSignup">;
  /** Add prepaid credit (`nol.accountTopup`, POST /api/v1/account/topup) */
  readonly accountTopup: Method<"nol.accountTopup">;
  /** Verify a business number (step 2: confirm code) (`nol.accountVerifyPhoneConfirm`, POST /api/v1/account/verify-phone/confirm) */
  readonly accountVerifyPhoneConfirm: Method<"nol.accountVerifyPhoneConfirm">;
  /** Verify a business number (step 1: send code) (`nol.accountVerifyPhoneStart`, POST /api/v1/account/verify-phone/start) */
  readonly accountVerifyPhoneStart: Method<"nol.accountVerifyPhoneStart">;
  /** Add a suppression (`nol.addTenantSuppression`, POST /api/v1/account/tenants/{id}/suppressions) */
  readonly addTenantSuppression: Method<"nol.addTenantSuppression">;
  /** Mint a new API key (`nol.createAccountKey`, POST /api/v1/account/keys) */
  readonly createAccountKey: Method<"nol.createAccountKey">;
  /** Create a tenant (`nol.createTenant`, POST /api/v1/account/tenants) */
  readonly createTenant: Method<"nol.createTenant">;
  /** Get account balance and usage (`nol.getAccount`, GET /api/v1/account) */
  readonly getAccount: Method<"nol.getAccount">;
  /** Read one API key (`nol.getAccountKey`, GET /api/v1/account/keys/{id}) */
  readonly getAccountKey: Method<"nol.getAccountKey">;
  /** Onboarding state + live trust for an account-owned number (`nol.getAccountListing`, GET /api/v1/account/listings/{e164}) */
  readonly getAccountListing: Method<"nol.getAccountListing">;
  /** Reports + reviews filed against an owned number (`nol.getAccountListingReports`, GET /api/v1/account/listings/{e164}/reports) */
  readonly getAccountListingReports: Method<"nol.getAccountListingReports">;
  /** Operator HMAC signing secret (for the calling key) (`nol.getSigning`, GET /api/v1/account/signing) */
  readonly getSigning: Method<"nol.getSigning">;
  /** Get tenant detail (`nol.getTenant`, GET /api/v1/account/tenants/{id}) */
  readonly getTenant: Method<"nol.getTenant">;
  /** Issue a tenant sub-key (`nol.issueTenantKey`, POST /api/v1/account/tenants/{id}/keys) */
  readonly issueTenantKey: Method<"nol.issueTenantKey">;
  /** List API keys (`nol.listAccountKeys`, GET /api/v1/account/keys) */
  readonly listAccountKeys: Method<"nol.listAccountKeys">;
  /** List tenant suppressions (`nol.listTenantSuppressions`, GET /api/v1/account/tenants/{id}/suppressions) */
  readonly listTenantSuppressions: Method<"nol.listTenantSuppressions">;
  /** List tenants (`nol.listTenants`, GET /api/v1/account/tenants) */
  readonly listTenants: Method<"nol.listTenants">;
  /** Stage a draft profile (or edit a live listing) (`nol.putAccountListing`, PUT /api/v1/account/listings/{e164}) */
  readonly putAccountListing: Method<"nol.putAccountListing">;
  /** Remove a suppression (`nol.removeTenantSuppression`, DELETE /api/v1/account/tenants/{id}/suppressions) */
  readonly removeTenantSuppression: Method<"nol.removeTenantSuppression">;
  /** Rotate an API key in place (`nol.rotateAccountKey`, POST /api/v1/account/keys/{id}/rotate) */
  readonly rotateAccountKey: Method<"nol.rotateAccountKey">;
  /** Enable/disable HMAC signing on the calling key (`nol.setSigning`, POST /api/v1/account/signing) */
  readonly setSigning: Method<"nol.setSigning">;
  /** Set tenant status (`nol.setTenantStatus`, PATCH /api/v1/account/tenants/{id}) */
  readonly setTenantStatus: Method<"nol.setTenantStatus">;
  /** Update account name / reminder email (`nol.updateAccount`, PATCH /api/v1/account) */
  readonly updateAccount: Method<"nol.updateAccount">;
  /** Rename or disable an API key (`nol.updateAccountKey`, PATCH /api/v1/account/keys/{id}) */
  readonly updateAccountKey: Method<"nol.updateAccountKey">;
  /** Upload a verification document (`nol.uploadListingDocument`, POST /api/v1/account/listings/{e164}/documents) */
  readonly uploadListingDocument: Method<"nol.uploadListingDocument">;
  /** Upload a business logo (`nol.uploadListingLogo`, POST /api/v1/account/listings/{e164}/logo) */
  readonly uploadListingLogo: Method<"nol.uploadListingLogo">;
  /** Mint a verification payment link (`nol.verifyCheckout`, POST /api/v1/account/listings/{e164}/verify-checkout) */
  readonly verifyCheckout: Method<"nol.verifyCheckout">;
}

export interface OauthNamespace {
  /** Get an access token for a portal user (Express Sign-Up guide); password defaults to the partner's v4 token (`oauth.user-token`, POST /client/{client_id}/authorization) */
  readonly userToken: Method<"oauth.user-token">;
}

export interface V1BatchNamespace {
  /** Create a batch; its fields go in `body` (`v1.batch.create`, POST /batch) */
  readonly create: Method<"v1.batch.create">;
  /** Delete one batch (the document is silent on DELETE; chosen) (`v1.batch.delete`, DELETE /batch/{resource_id}) */
  readonly delete: Method<"v1.batch.delete">;
  /** Get one batch by its resource_id (`v1.batch.get`, GET /batch/{resource_id}) */
  readonly get: Method<"v1.batch.get">;
  /** List batches of calls and SMS messages (GET on the collection: the document is silent on list verbs; chosen) (`v1.batch.list`, GET /batch) */
  readonly list: PageableMethod<"v1.batch.list">;
}

export interface V1CallsNamespace {
  /** Make a phone call; the call's fields go in `body` (`v1.calls.create`, POST /calls) */
  readonly create: Method<"v1.calls.create">;
  /** Delete (cancel) a scheduled phone call (the document is silent on DELETE; chosen) (`v1.calls.delete`, DELETE /calls/{resource_id}) */
  readonly delete: Method<"v1.calls.delete">;
  /** Get one phone call by its resource_id (`v1.calls.get`, GET /calls/{resource_id}) */
  readonly get: Method<"v1.calls.get">;
  /** List phone calls (GET on the collection: the document is silent on list verbs; chosen) (`v1.calls.list`, GET /calls) */
  readonly list: PageableMethod<"v1.calls.list">;
}

export interface V1ContactGroupsNamespace {
  /** Create a contact group; its fields go in `body` (`v1.contact_groups.create`, POST /contact_groups) */
  readonly create: Method<"v1.contact_groups.create">;
  /** Delete one contact group (the document is silent on DELETE; chosen) (`v1.contact_groups.delete`, DELETE /contact_groups/{resource_id}) */
  readonly delete: Method<"v1.contact_groups.delete">;
  /** Get one contact group by its resource_id (`v1.contact_groups.get`, GET /contact_groups/{resource_id}) */
  readonly get: Method<"v1.contact_groups.get">;
  /** List contact groups (GET on the collection: the document is silent on list verbs; chosen) (`v1.contact_groups.list`, GET /contact_groups) */
  readonly list: PageableMethod<"v1.contact_groups.list">;
  /** Replace one contact group whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.contact_groups.update`, PUT /contact_groups/{resource_id}) */
  readonly update: Method<"v1.contact_groups.update">;
}

export interface V1ContactsNamespace {
  /** Create a contact; its fields go in `body` (`v1.contacts.create`, POST /contacts) */
  readonly create: Method<"v1.contacts.create">;
  /** Delete one contact (the document is silent on DELETE; chosen) (`v1.contacts.delete`, DELETE /contacts/{resource_id}) */
  readonly delete: Method<"v1.contacts.delete">;
  /** Get one contact by its resource_id (`v1.contacts.get`, GET /contacts/{resource_id}) */
  readonly get: Method<"v1.contacts.get">;
  /** List address-book contacts (GET on the collection: the document is silent on list verbs; chosen) (`v1.contacts.list`, GET /contacts) */
  readonly list: PageableMethod<"v1.contacts.list">;
  /** Replace one contact whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.contacts.update`, PUT /contacts/{resource_id}) */
  readonly update: Method<"v1.contacts.update">;
}

export interface V1ExtensionsNamespace {
  /** Create a extension; its fields go in `body` (`v1.extensions.create`, POST /extensions) */
  readonly create: Method<"v1.extensions.create">;
  /** Delete one extension (the document is silent on DELETE; chosen) (`v1.extensions.delete`, DELETE /extensions/{resource_id}) */
  readonly delete: Method<"v1.extensions.delete">;
  /** Get one extension by its resource_id (`v1.extensions.get`, GET /extensions/{resource_id}) */
  readonly get: Method<"v1.extensions.get">;
  /** List extensions (GET on the collection: the document is silent on list verbs; chosen) (`v1.extensions.list`, GET /extensions) */
  readonly list: PageableMethod<"v1.extensions.list">;
  /** Replace one extension whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.extensions.update`, PUT /extensions/{resource_id}) */
  readonly update: Method<"v1.extensions.update">;
}

export interface V1MediaNamespace {
  /** Add a greeting or hold music: upload `file`, or give `tts_text` for text to speech (`v1.media.create`, POST /media) */
  readonly create: Method<"v1.media.create">;
  /** Delete one media object (the document is silent on DELETE; chosen) (`v1.media.delete`, DELETE /media/{resource_id}) */
  readonly delete: Method<"v1.media.delete">;
  /** Get one media object by its resource_id (`v1.media.get`, GET /media/{resource_id}) */
  readonly get: Method<"v1.media.get">;
  /** List media (greetings and hold music) (GET on the collection: the document is silent on list verbs; chosen) (`v1.media.list`, GET /media) */
  readonly list: PageableMethod<"v1.media.list">;
  /** Replace one media object whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.media.update`, PUT /media/{resource_id}) */
  readonly update: Method<"v1.media.update">;
}

export interface V1MenusNamespace {
  /** Create a menu (the document's POST /menus schema is enforced before sending) (`v1.menus.create`, POST /menus) */
  readonly create: Method<"v1.menus.create">;
  /** Delete one menu (the document is silent on DELETE; chosen) (`v1.menus.delete`, DELETE /menus/{resource_id}) */
  readonly delete: Method<"v1.menus.delete">;
  /** Get one menu by its resource_id (`v1.menus.get`, GET /menus/{resource_id}) */
  readonly get: Method<"v1.menus.get">;
  /** List menus (GET on the collection: the document is silent on list verbs; chosen) (`v1.menus.list`, GET /menus) */
  readonly list: PageableMethod<"v1.menus.list">;
  /** Replace one menu whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.menus.update`, PUT /menus/{resource_id}) */
  readonly update: Method<"v1.menus.update">;
}

export interface V1QueuesNamespace {
  /** Create a queue; its fields go in `body` (`v1.queues.create`, POST /queues) */
  readonly create: Method<"v1.queues.create">;
  /** Delete one queue (the document is silent on DELETE; chosen) (`v1.queues.delete`, DELETE /queues/{resource_id}) */
  readonly delete: Method<"v1.queues.delete">;
  /** Get one queue by its resource_id (`v1.queues.get`, GET /queues/{resource_id}) */
  readonly get: Method<"v1.queues.get">;
  /** List call queues (GET on the collection: the document is silent on list verbs; chosen) (`v1.queues.list`, GET /queues) */
  readonly list: PageableMethod<"v1.queues.list">;
  /** Replace one queue whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.queues.update`, PUT /queues/{resource_id}) */
  readonly update: Method<"v1.queues.update">;
}

export interface V1RoutesNamespace {
  /** Create a route; its fields go in `body` (`v1.routes.create`, POST /routes) */
  readonly create: Method<"v1.routes.create">;
  /** Delete one route (the document is silent on DELETE; chosen) (`v1.routes.delete`, DELETE /routes/{resource_id}) */
  readonly delete: Method<"v1.routes.delete">;
  /** Get one route by its resource_id (`v1.routes.get`, GET /routes/{resource_id}) */
  readonly get: Method<"v1.routes.get">;
  /** List routes (call handling rules) (GET on the collection: the document is silent on list verbs; chosen) (`v1.routes.list`, GET /routes) */
  readonly list: PageableMethod<"v1.routes.list">;
  /** Replace one route whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.routes.update`, PUT /routes/{resource_id}) */
  readonly update: Method<"v1.routes.update">;
}

export interface V1SchedulesNamespace {
  /** Create a schedule; its fields go in `body` (`v1.schedules.create`, POST /schedules) */
  readonly create: Method<"v1.schedules.create">;
  /** Delete one schedule (the document is silent on DELETE; chosen) (`v1.schedules.delete`, DELETE /schedules/{resource_id}) */
  readonly delete: Method<"v1.schedules.delete">;
  /** Get one schedule by its resource_id (`v1.schedules.get`, GET /schedules/{resource_id}) */
  readonly get: Method<"v1.schedules.get">;
  /** List schedules (GET on the collection: the document is silent on list verbs; chosen) (`v1.schedules.list`, GET /schedules) */
  readonly list: PageableMethod<"v1.schedules.list">;
  /** Replace one schedule whole (PUT: the document says only "POST or PUT"; a full update is chosen) (`v1.schedules.update`, PUT /schedules/{resource_id}) */
  readonly update: Method<"v1.schedules.update">;
}

export interface V1SmsNamespace {
  /** Send an SMS message (fields of the document's SMS object; required ones chosen: to, from, message) (`v1.sms.create`, POST /sms) */
  readonly create: Method<"v1.sms.create">;
  /** Delete one SMS message (the document is silent on DELETE; chosen) (`v1.sms.delete`, DELETE /sms/{resource_id}) */
  readonly delete: Method<"v1.sms.delete">;
  /** Get one SMS message by its resource_id (`v1.sms.get`, GET /sms/{resource_id}) */
  readonly get: Method<"v1.sms.get">;
  /** List SMS messages (GET on the collection: the document is silent on list verbs; chosen) (`v1.sms.list`, GET /sms) */
  readonly list: PageableMethod<"v1.sms.list">;
}

export interface V1Namespace {
  readonly batch: V1BatchNamespace;
  readonly calls: V1CallsNamespace;
  readonly contactGroups: V1ContactGroupsNamespace;
  readonly contacts: V1ContactsNamespace;
  readonly extensions: V1ExtensionsNamespace;
  readonly media: V1MediaNamespace;
  readonly menus: V1MenusNamespace;
  readonly queues: V1QueuesNamespace;
  readonly routes: V1RoutesNamespace;
  readonly schedules: V1SchedulesNamespace;
  readonly sms: V1SmsNamespace;
}

export interface V4Namespace {
  /** Make a phone call (`v4.create-account-call`, POST /accounts/{account_id}/calls) */
  readonly createAccountCall: Method<"v4.create-account-call">;
  /** Register a generic VoIP device. (`v4.create-account-device`, POST /accounts/{account_id}/devices) */
  readonly createAccountDevice: Method<"v4.create-account-device">;
  /** Create an individual extension. (`v4.create-account-extension`, POST /accounts/{account_id}/extensions) */
  readonly createAccountExtension: Method<"v4.create-account-extension">;
  /** Make a phone call (extension-level alias) (`v4.create-account-extension-call`, POST /accounts/{account_id}/extensions/{extension_id}/calls) */
  readonly createAccountExtensionCall: Method<"v4.create-account-extension-call">;
  /** Add a new address book contact for an extension. (`v4.create-account-extension-contact`, POST /accounts/{account_id}/extensions/{extension_id}/contacts) */
  readonly createAccountExtensionContact: Method<"v4.create-account-extension-contact">;
  /** Add a new contact group to an account extension. (`v4.create-account-extension-contact-group`, POST /accounts/{account_id}/extensions/{extension_id}/contact-groups) */
  readonly createAccountExtensionContactGroup: Method<"v4.create-account-extension-contact-group">;
  /** Add a listener object to your account that can be used to subscribe an event. (extension-level alias) (`v4.create-account-extension-listener`, POST /accounts/{account_id}/extensions/{extension_id}/listeners) */
  readonly createAccountExtensionListener: Method<"v4.create-account-extension-listener">;
  /** Send a SMS to one or a group of recipients. (extension-level alias) (`v4.create-account-extension-sms`, POST /accounts/{account_id}/extensions/{extension_id}/sms) */
  readonly createAccountExtensionSms: Method<"v4.create-account-extension-sms">;
  /** Subscribe to an account event (`v4.create-account-integration-event-subscription`, POST /accounts/{account_id}/integrations/events/subscriptions) */
  readonly createAccountIntegrationEventSubscription: Method<"v4.create-account-integration-event-subscription">;
  /** Add a listener object to your account that can be used to subscribe an event. (`v4.create-account-listener`, POST /accounts/{account_id}/listeners) */
  readonly createAccountListener: Method<"v4.create-account-listener">;
  /** Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) (`v4.create-account-media-files`, POST /accounts/{account_id}/media/files) */
  readonly createAccountMediaFiles: Method<"v4.create-account-media-files">;
  /** Add a media object to your account that can be used as a greeting or hold music. Users may create a media by using the built-in Text-to-speech (TTS) facility or upload a file of their choice. (Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB) (`v4.create-account-media-tts`, POST /accounts/{account_id}/media/tts) */
  readonly createAccountMediaTts: Method<"v4.create-account-media-tts">;
  /** Create an individual menu. (`v4.create-account-menu`, POST /accounts/{account_id}/menus) */
  readonly createAccountMenu: Method<"v4.create-account-menu">;
  /** Create an OAuth Client Redirect URI record. (`v4.create-account-oauth-clients-redirect-uri`, POST /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris) */
  readonly createAccountOauthClientsRedirectUri: Method<"v4.create-account-oauth-clients-redirect-uri">;
  /** Create an individual payment method. (`v4.create-account-payment-method`, POST /accounts/{account_id}/payment-methods) */
  readonly createAccountPaymentMethod: Method<"v4.create-account-payment-method">;
  /** Add a phone number to an account. (`v4.create-account-phone-number`, POST /accounts/{account_id}/phone-numbers) */
  readonly createAccountPhoneNumber: Method<"v4.create-account-phone-number">;
  /** Create a queue. (`v4.create-account-queue`, POST /accounts/{account_id}/queues) */
  readonly createAccountQueue: Method<"v4.create-account-queue">;
  /** Send a SMS to one or a group of recipients. (`v4.create-account-sms`, POST /accounts/{account_id}/sms) */
  readonly createAccountSms: Method<"v4.create-account-sms">;
  /** Add a subaccount for the authenticated user or client (`v4.create-account-subaccount`, POST /accounts/{account_id}/subaccounts) */
  readonly createAccountSubaccount: Method<"v4.create-account-subaccount">;
  /** Add a pricing plan to a subaccount. (`v4.create-account-subaccount-pricing`, POST /accounts/{account_id}/subaccounts/{subaccount_id}/pricing) */
  readonly createAccountSubaccountPricing: Method<"v4.create-account-subaccount-pricing">;
  /** Add a trunk record with SIP information. (`v4.create-account-trunk`, POST /accounts/{account_id}/trunks) */
  readonly createAccountTrunk: Method<"v4.create-account-trunk">;
  /** To create an access token via the /oauth/access-token API, an API user may choose any one of the grant types it supports: Authorization Code Grant, Client Credential Grant, Password Credential Grant or Refresh Token Grant. (`v4.create-oauth-access-token`, POST /oauth/access-token) */
  readonly createOauthAccessToken: Method<"v4.create-oauth-access-token">;
  /** Create Authorization Code or Access Token. (`v4.create-oauth-authorization`, GET /oauth/authorization) */
  readonly createOauthAuthorization: Method<"v4.create-oauth-authorization">;
  /** Add a new route to the account. (`v4.create-route`, POST /accounts/{account_id}/routes) */
  readonly createRoute: Method<"v4.create-route">;
  /** Delete a VoIP device. (`v4.delete-account-device`, DELETE /accounts/{account_id}/devices/{device_id}) */
  readonly deleteAccountDevice: Method<"v4.delete-account-device">;
  /** Delete a contact from the address book. (`v4.delete-account-extension-contact`, DELETE /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  readonly deleteAccountExtensionContact: Method<"v4.delete-account-extension-contact">;
  /** Delete a contact group from the address book. (`v4.delete-account-extension-contact-group`, DELETE /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  readonly deleteAccountExtensionContactGroup: Method<"v4.delete-account-extension-contact-group">;
  /** Delete an individual event listener. (extension-level alias) (`v4.delete-account-extension-listener`, DELETE /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  readonly deleteAccountExtensionListener: Method<"v4.delete-account-extension-listener">;
  /** Delete an event subscription (`v4.delete-account-integration-event-subscription`, DELETE /accounts/{account_id}/integrations/events/subscriptions/{subscription_id}) */
  readonly deleteAccountIntegrationEventSubscription: Method<"v4.delete-account-integration-event-subscription">;
  /** Delete an individual event listener. (`v4.delete-account-listener`, DELETE /accounts/{account_id}/listeners/{listener_id}) */
  readonly deleteAccountListener: Method<"v4.delete-account-listener">;
  /** Delete an individual media record (`v4.delete-account-media`, DELETE /accounts/{account_id}/media/{media_id}) */
  readonly deleteAccountMedia: Method<"v4.delete-account-media">;
  /** Delete an individual menu. (`v4.delete-account-menu`, DELETE /accounts/{account_id}/menus/{menu_id}) */
  readonly deleteAccountMenu: Method<"v4.delete-account-menu">;
  /** Delete an individual OAuth client. (`v4.delete-account-oauth-client`, DELETE /accounts/{account_id}/oauth/clients/{client_id}) */
  readonly deleteAccountOauthClient: Method<"v4.delete-account-oauth-client">;
  /** Delete an OAuth Client Redirect URI record. (`v4.delete-account-oauth-clients-redirect-uri`, DELETE /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris/{uri_id}) */
  readonly deleteAccountOauthClientsRedirectUri: Method<"v4.delete-account-oauth-clients-redirect-uri">;
  /** Delete an individual payment method. (`v4.delete-account-payment-method`, DELETE /accounts/{account_id}/payment-methods/{pm_id}) */
  readonly deleteAccountPaymentMethod: Method<"v4.delete-account-payment-method">;
  /** Delete a queue. (`v4.delete-account-queue`, DELETE /accounts/{account_id}/queues/{queue_id}) */
  readonly deleteAccountQueue: Method<"v4.delete-account-queue">;
  /** Delete a route from the account. (`v4.delete-account-route`, DELETE /accounts/{account_id}/routes/{route_id}) */
  readonly deleteAccountRoute: Method<"v4.delete-account-route">;
  /** Delete a pricing plan from a subaccount. (`v4.delete-account-subaccount-pricing`, DELETE /accounts/{account_id}/subaccounts/{subaccount_id}/pricing/{pricing_id}) */
  readonly deleteAccountSubaccountPricing: Method<"v4.delete-account-subaccount-pricing">;
  /** Delete a trunk from account. (`v4.delete-account-trunk`, DELETE /accounts/{account_id}/trunks/{trunk_id}) */
  readonly deleteAccountTrunk: Method<"v4.delete-account-trunk">;
  /** Retrieve details of an individual account (`v4.get-account`, GET /accounts/{account_id}) */
  readonly getAccount: Method<"v4.get-account">;
  /** Show details of an individual Application on a given account. (`v4.get-account-application`, GET /accounts/{account_id}/applications/{application_id}) */
  readonly getAccountApplication: Method<"v4.get-account-application">;
  /** Show details of an individual Call Log entry (`v4.get-account-call-logs`, GET /accounts/{account_id}/call-logs/{call_id}) */
  readonly getAccountCallLogs: Method<"v4.get-account-call-logs">;
  /** Show details of an individual VoIP device. (`v4.get-account-device`, GET /accounts/{account_id}/devices/{device_id}) */
  readonly getAccountDevice: Method<"v4.get-account-device">;
  /** Show details of an account Express Service Code (`v4.get-account-express-srv-code`, GET /accounts/{account_id}/express-service-codes/{code_id}) */
  readonly getAccountExpressSrvCode: Method<"v4.get-account-express-srv-code">;
  /** Show details of an individual extension. (`v4.get-account-extension`, GET /accounts/{account_id}/extensions/{extension_id}) */
  readonly getAccountExtension: Method<"v4.get-account-extension">;
  /** Retrieve the details of an address book contact. (`v4.get-account-extension-contact`, GET /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  readonly getAccountExtensionContact: Method<"v4.get-account-extension-contact">;
  /** Retrieve the information of a contact group. (`v4.get-account-extension-contact-group`, GET /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  readonly getAccountExtensionContactGroup: Method<"v4.get-account-extension-contact-group">;
  /** Show details of an individual listener. (extension-level alias) (`v4.get-account-extension-listener`, GET /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  readonly getAccountExtensionListener: Method<"v4.get-account-extension-listener">;
  /** This service shows the details of an individual SMS. (extension-level alias) (`v4.get-account-extension-sms`, GET /accounts/{account_id}/extensions/{extension_id}/sms/{sms_id}) */
  readonly getAccountExtensionSms: Method<"v4.get-account-extension-sms">;
  /** Get an event subscription (`v4.get-account-integration-event-subscription`, GET /accounts/{account_id}/integrations/events/subscriptions/{subscription_id}) */
  readonly getAccountIntegrationEventSubscription: Method<"v4.get-account-integration-event-subscription">;
  /** Show details of an individual listener. (`v4.get-account-listener`, GET /accounts/{account_id}/listeners/{listener_id}) */
  readonly getAccountListener: Method<"v4.get-account-listener">;
  /** Show details of an individual media recording (Greeting or Hold Music) (`v4.get-account-media`, GET /accounts/{account_id}/media/{media_id}) */
  readonly getAccountMedia: Method<"v4.get-account-media">;
  /** Show details of an individual menu. (`v4.get-account-menu`, GET /accounts/{account_id}/menus/{menu_id}) */
  readonly getAccountMenu: Method<"v4.get-account-menu">;
  /** Show details of an individual OAuth client. (`v4.get-account-oauth-client`, GET /accounts/{account_id}/oauth/clients/{client_id}) */
  readonly getAccountOauthClient: Method<"v4.get-account-oauth-client">;
  /** Get details of an OAuth Client Redirect URI record. (`v4.get-account-oauth-clients-redirect-uri`, GET /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris/{uri_id}) */
  readonly getAccountOauthClientsRedirectUri: Method<"v4.get-account-oauth-clients-redirect-uri">;
  /** Show details of an individual payment method. (`v4.get-account-payment-method`, GET /accounts/{account_id}/payment-methods/{pm_id}) */
  readonly getAccountPaymentMethod: Method<"v4.get-account-payment-method">;
  /** Show details of an individual phone number. (`v4.get-account-phone-number`, GET /accounts/{account_id}/phone-numbers/{number_id}) */
  readonly getAccountPhoneNumber: Method<"v4.get-account-phone-number">;
  /** Show details of an individual queue. (`v4.get-account-queue`, GET /accounts/{account_id}/queues/{queue_id}) */
  readonly getAccountQueue: Method<"v4.get-account-queue">;
  /** Show details of an individual route. (`v4.get-account-route`, GET /accounts/{account_id}/routes/{route_id}) */
  readonly getAccountRoute: Method<"v4.get-account-route">;
  /** Show details of an individual schedule (`v4.get-account-schedule`, GET /accounts/{account_id}/schedules/{schedule_id}) */
  readonly getAccountSchedule: Method<"v4.get-account-schedule">;
  /** This service shows the details of an individual SMS. (`v4.get-account-sms`, GET /accounts/{account_id}/sms/{sms_id}) */
  readonly getAccountSms: Method<"v4.get-account-sms">;
  /** Get the details of a pricing plan for a subaccount. (`v4.get-account-subaccount-pricing`, GET /accounts/{account_id}/subaccounts/{subaccount_id}/pricing/{pricing_id}) */
  readonly getAccountSubaccountPricing: Method<"v4.get-account-subaccount-pricing">;
  /** Show details of an individual trunk. (`v4.get-account-trunk`, GET /accounts/{account_id}/trunks/{trunk_id}) */
  readonly getAccountTrunk: Method<"v4.get-account-trunk">;
  /** This service shows the details of an individual voicemail. (`v4.get-account-voicemail`, GET /accounts/{account_id}/voicemail/{voicemail_id}) */
  readonly getAccountVoicemail: Method<"v4.get-account-voicemail">;
  /** Show the Caller ID options a given extension can use. (`v4.get-caller-ids`, GET /accounts/{account_id}/extensions/{extension_id}/caller-ids) */
  readonly getCallerIds: PageableMethod<"v4.get-caller-ids">;
  /** Retrieve details of an access token, such as scope, expiration and extension ID. (`v4.get-oauth-access-token`, GET /oauth/access-token) */
  readonly getOauthAccessToken: Method<"v4.get-oauth-access-token">;
  /** This service lists the Applications on a given account (`v4.list-account-applications`, GET /accounts/{account_id}/applications) */
  readonly listAccountApplications: PageableMethod<"v4.list-account-applications">;
  /** Get a list of call details associated with your account (`v4.list-account-call-logs`, GET /accounts/{account_id}/call-logs) */
  readonly listAccountCallLogs: PageableMethod<"v4.list-account-call-logs">;
  /** Get a list of VoIP devices associated with your account. (`v4.list-account-devices`, GET /accounts/{account_id}/devices) */
  readonly listAccountDevices: PageableMethod<"v4.list-account-devices">;
  /** Get the Express Service Code associated with your account in list format. (`v4.list-account-express-srv-codes`, GET /accounts/{account_id}/express-service-codes) */
  readonly listAccountExpressSrvCodes: Method<"v4.list-account-express-srv-codes">;
  /** Show a list of contact groups belonging to an extension. (`v4.list-account-extension-contact-groups`, GET /accounts/{account_id}/extensions/{extension_id}/contact-groups) */
  readonly listAccountExtensionContactGroups: PageableMethod<"v4.list-account-extension-contact-groups">;
  /** Show the Caller ID options a given extension can use. (`v4.list-account-extension-contacts`, GET /accounts/{account_id}/extensions/{extension_id}/contacts) */
  readonly listAccountExtensionContacts: PageableMethod<"v4.list-account-extension-contacts">;
  /** Get a list of listeners for an account. (extension-level alias) (`v4.list-account-extension-listeners`, GET /accounts/{account_id}/extensions/{extension_id}/listeners) */
  readonly listAccountExtensionListeners: PageableMethod<"v4.list-account-extension-listeners">;
  /** Get a list of SMS messages for an account. (extension-level alias) (`v4.list-account-extension-sms`, GET /accounts/{account_id}/extensions/{extension_id}/sms) */
  readonly listAccountExtensionSms: PageableMethod<"v4.list-account-extension-sms">;
  /** Get a list of extensions visible to the authenticated user or client. (`v4.list-account-extensions`, GET /accounts/{account_id}/extensions) */
  readonly listAccountExtensions: PageableMethod<"v4.list-account-extensions">;
  /** List the account's event subscriptions (`v4.list-account-integration-event-subscriptions`, GET /accounts/{account_id}/integrations/events/subscriptions) */
  readonly listAccountIntegrationEventSubscriptions: PageableMethod<"v4.list-account-integration-event-subscriptions">;
  /** List the event types an integration can subscribe to (`v4.list-account-integration-event-types`, GET /accounts/{account_id}/integrations/events/types) */
  readonly listAccountIntegrationEventTypes: Method<"v4.list-account-integration-event-types">;
  /** Get a list of listeners for an account. (`v4.list-account-listeners`, GET /accounts/{account_id}/listeners) */
  readonly listAccountListeners: PageableMethod<"v4.list-account-listeners">;
  /** Get a list of media recordings for an account. (`v4.list-account-media`, GET /accounts/{account_id}/media) */
  readonly listAccountMedia: PageableMethod<"v4.list-account-media">;
  /** Get a list of menus for an account. (`v4.list-account-menus`, GET /accounts/{account_id}/menus) */
  readonly listAccountMenus: PageableMethod<"v4.list-account-menus">;
  /** Get a list of OAuth clients for an account. (`v4.list-account-oauth-clients`, GET /accounts/{account_id}/oauth/clients) */
  readonly listAccountOauthClients: PageableMethod<"v4.list-account-oauth-clients">;
  /** Get a list of OAuth Client Redirect URIs for an account. (`v4.list-account-oauth-clients-redirect-uris`, GET /accounts/{account_id}/oauth/clients/{client_id}/redirect-uris) */
  readonly listAccountOauthClientsRedirectUris: PageableMethod<"v4.list-account-oauth-clients-redirect-uris">;
  /** Get a list of payment methods for an account. (`v4.list-account-payment-methods`, GET /accounts/{account_id}/payment-methods) */
  readonly listAccountPaymentMethods: PageableMethod<"v4.list-account-payment-methods">;
  /** Get a list of phone numbers registered to an account. (`v4.list-account-phone-numbers`, GET /accounts/{account_id}/phone-numbers) */
  readonly listAccountPhoneNumbers: PageableMethod<"v4.list-account-phone-numbers">;
  /** Get a list of queues for an account. (`v4.list-account-queues`, GET /accounts/{account_id}/queues) */
  readonly listAccountQueues: PageableMethod<"v4.list-account-queues">;
  /** Get a list of routes for an account. (`v4.list-account-routes`, GET /accounts/{account_id}/routes) */
  readonly listAccountRoutes: PageableMethod<"v4.list-account-routes">;
  /** Get a list of schedules for an account (`v4.list-account-schedules`, GET /accounts/{account_id}/schedules) */
  readonly listAccountSchedules: PageableMethod<"v4.list-account-schedules">;
  /** Get a list of SMS messages for an account. (`v4.list-account-sms`, GET /accounts/{account_id}/sms) */
  readonly listAccountSms: PageableMethod<"v4.list-account-sms">;
  /** Get a list of pricing plans for a subaccount. (`v4.list-account-subaccount-pricing`, GET /accounts/{account_id}/subaccounts/{subaccount_id}/pricing) */
  readonly listAccountSubaccountPricing: PageableMethod<"v4.list-account-subaccount-pricing">;
  /** Get a list of subaccounts for the authenticated user or client (`v4.list-account-subaccounts`, GET /accounts/{account_id}/subaccounts) */
  readonly listAccountSubaccounts: PageableMethod<"v4.list-account-subaccounts">;
  /** Get a list of trunks for an account. (`v4.list-account-trunks`, GET /accounts/{account_id}/trunks) */
  readonly listAccountTrunks: PageableMethod<"v4.list-account-trunks">;
  /** Get a list of voicemail messages for an account. (`v4.list-account-voicemail`, GET /accounts/{account_id}/voicemail) */
  readonly listAccountVoicemail: PageableMethod<"v4.list-account-voicemail">;
  /** Get a list of accounts visible to the authenticated user or client. (`v4.list-accounts`, GET /accounts) */
  readonly listAccounts: PageableMethod<"v4.list-accounts">;
  /** This service lists the quantities of available phone numbers by region. (`v4.list-available-phone-number-regions`, GET /phone-numbers/available/regions) */
  readonly listAvailablePhoneNumberRegions: PageableMethod<"v4.list-available-phone-number-regions">;
  /** list-available-phone-numbers (`v4.list-available-phone-numbers`, GET /phone-numbers/available) */
  readonly listAvailablePhoneNumbers: PageableMethod<"v4.list-available-phone-numbers">;
  /** Update the is_new parameter in a sms record. (extension-level alias) (`v4.patch-account-extension-sms`, PATCH /accounts/{account_id}/extensions/{extension_id}/sms/{sms_id}) */
  readonly patchAccountExtensionSms: Method<"v4.patch-account-extension-sms">;
  /** Replace the status of an individual payment method. (`v4.patch-account-payment-method`, PATCH /accounts/{account_id}/payment-methods/{pm_id}) */
  readonly patchAccountPaymentMethod: Method<"v4.patch-account-payment-method">;
  /** Update the is_new parameter in a sms record. (`v4.patch-account-sms`, PATCH /accounts/{account_id}/sms/{sms_id}) */
  readonly patchAccountSms: Method<"v4.patch-account-sms">;
  /** Update the is_new parameter in a voicemail record. (`v4.patch-account-voicemail`, PATCH /accounts/{account_id}/voicemail/{voicemail_id}) */
  readonly patchAccountVoicemail: Method<"v4.patch-account-voicemail">;
  /** The default API command (`v4.ping`, GET /ping) */
  readonly ping: Method<"v4.ping">;
  /** Update the details of an individual VoIP device. (`v4.replace-account-device`, PUT /accounts/{account_id}/devices/{device_id}) */
  readonly replaceAccountDevice: Method<"v4.replace-account-device">;
  /** Replace an individual extension. (`v4.replace-account-extension`, PUT /accounts/{account_id}/extensions/{extension_id}) */
  readonly replaceAccountExtension: Method<"v4.replace-account-extension">;
  /** Update the info of a contact in the address book. (`v4.replace-account-extension-contact`, PUT /accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}) */
  readonly replaceAccountExtensionContact: Method<"v4.replace-account-extension-contact">;
  /** Update the information of a contact group. (`v4.replace-account-extension-contact-group`, PUT /accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}) */
  readonly replaceAccountExtensionContactGroup: Method<"v4.replace-account-extension-contact-group">;
  /** Update the settings of an individual event listener. (extension-level alias) (`v4.replace-account-extension-listener`, PUT /accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}) */
  readonly replaceAccountExtensionListener: Method<"v4.replace-account-extension-listener">;
  /** Update the settings of an individual event listener. (`v4.replace-account-listener`, PUT /accounts/{account_id}/listeners/{listener_id}) */
  readonly replaceAccountListener: Method<"v4.replace-account-listener">;
  /** Update a media object to your account. Note: The maximum size for media files or JSON objects included with a POST or PUT request is 10 MB. (`v4.replace-account-media-files`, PUT /accounts/{account_id}/media/files/{media_id}) */
  readonly replaceAccountMediaFiles: Method<"v4.replace-account-media-files">;
  /** Update a media object to your account. (`v4.replace-account-media-tts`, PUT /accounts/{account_id}/media/tts/{media_id}) */
  readonly replaceAccountMediaTts: Method<"v4.replace-account-media-tts">;
  /** Replace an individual menu. (`v4.replace-account-menu`, PUT /accounts/{account_id}/menus/{menu_id}) */
  readonly replaceAccountMenu: Method<"v4.replace-account-menu">;
  /** Update the settings for an existing phone number on your account. (`v4.replace-account-phone-number`, PUT /accounts/{account_id}/phone-numbers/{number_id}) */
  readonly replaceAccountPhoneNumber: Method<"v4.replace-account-phone-number">;
  /** Replace a queue. (`v4.replace-account-queue`, PUT /accounts/{account_id}/queues/{queue_id}) */
  readonly replaceAccountQueue: Method<"v4.replace-account-queue">;
  /** Update the information of a route. (`v4.replace-account-route`, PUT /accounts/{account_id}/routes/{route_id}) */
  readonly replaceAccountRoute: Method<"v4.replace-account-route">;
  /** Replace parameters in a trunk. (`v4.replace-account-trunk`, PUT /accounts/{account_id}/trunks/{trunk_id}) */
  readonly replaceAccountTrunk: Method<"v4.replace-account-trunk">;
}

export interface XmlNamespace {
  /** Add a number from inventory to the account (`xml.addPhoneNumber`, POST addPhoneNumber) */
  readonly addPhoneNumber: Method<"xml.addPhoneNumber">;
  /** Cancel an account (authenticate as its master account) (`xml.cancelAccount`, POST cancelAccount) */
  readonly cancelAccount: Method<"xml.cancelAccount">;
  /** Create a new account (`xml.createAccount`, POST createAccount) */
  readonly createAccount: Method<"xml.createAccount">;
  /** List call detail records (at most 500 rows per request; see xml::Calls to walk a range) (`xml.getCallList`, POST getCallList) */
  readonly getCallList: PageableMethod<"xml.getCallList">;
  /** Status of a ChatCall, per recipient (`xml.getChatCallStatus`, POST getChatCallStatus) */
  readonly getChatCallStatus: Method<"xml.getChatCallStatus">;
  /** List supported country codes and country names (`xml.getPhoneNumberCountryList`, POST getPhoneNumberCountryList) */
  readonly getPhoneNumberCountryList: Method<"xml.getPhoneNumberCountryList">;
  /** Search numbers in inventory by state, prefix, region, locality or pattern (`xml.getPhoneNumberInventory`, POST getPhoneNumberInventory) */
  readonly getPhoneNumberInventory: Method<"xml.getPhoneNumberInventory">;
  /** List the active phone numbers of the account (`xml.getPhoneNumberList`, POST getPhoneNumberList) */
  readonly getPhoneNumberList: Method<"xml.getPhoneNumberList">;
  /** List localities (rate centers) of a prefix or state, with inventory (`xml.getPhoneNumberLocalityList`, POST getPhoneNumberLocalityList) */
  readonly getPhoneNumberLocalityList: Method<"xml.getPhoneNumberLocalityList">;
  /** Whether a number can be ported in (Yes or No) (`xml.getPhoneNumberPortingEligibility`, POST getPhoneNumberPortingEligibility) */
  readonly getPhoneNumberPortingEligibility: Method<"xml.getPhoneNumberPortingEligibility">;
  /** List supported prefixes (area codes) of a country, with approximate inventory (`xml.getPhoneNumberPrefixList`, POST getPhoneNumberPrefixList) */
  readonly getPhoneNumberPrefixList: Method<"xml.getPhoneNumberPrefixList">;
  /** List regions (cities) of a prefix or state, with inventory (`xml.getPhoneNumberRegionList`, POST getPhoneNumberRegionList) */
  readonly getPhoneNumberRegionList: Method<"xml.getPhoneNumberRegionList">;
  /** List supported states of a country, with approximate inventory (`xml.getPhoneNumberStateList`, POST getPhoneNumberStateList) */
  readonly getPhoneNumberStateList: Method<"xml.getPhoneNumberStateList">;
  /** List the sounds that can be embedded in text-to-speech ([laugh]) (`xml.getSoundList`, POST getSoundList) */
  readonly getSoundList: Method<"xml.getSoundList">;
  /** List the text-to-speech voices (`xml.getVoiceList`, POST getVoiceList) */
  readonly getVoiceList: Method<"xml.getVoiceList">;
  /** Place a call to leg A, then connect it to leg B (`xml.originateCall`, POST originateCall) */
  readonly originateCall: Method<"xml.originateCall">;
  /** Get the URL of a .wav preview of a ChatCall (`xml.previewChatCall`, POST previewChatCall) */
  readonly previewChatCall: Method<"xml.previewChatCall">;
  /** Reserve a number until about midnight Pacific time (`xml.reservePhoneNumber`, POST reservePhoneNumber) */
  readonly reservePhoneNumber: Method<"xml.reservePhoneNumber">;
  /** Send or schedule a ChatCall to one or more NANPA numbers (`xml.sendChatCall`, POST sendChatCall) */
  readonly sendChatCall: Method<"xml.sendChatCall">;
  /** Send an SMS (160 characters at most) from a number of the account (`xml.sendSMS`, POST sendSMS) */
  readonly sendSMS: Method<"xml.sendSMS">;
  /** Return a reserved number to inventory (`xml.unreservePhoneNumber`, POST unreservePhoneNumber) */
  readonly unreservePhoneNumber: Method<"xml.unreservePhoneNumber">;
  /** Replace a number's call handling: ring up to 10 destinations at once (`xml.updateCallHandlingSimpleRingAll`, POST updateCallHandlingSimpleRingAll) */
  readonly updateCallHandlingSimpleRingAll: Method<"xml.updateCallHandlingSimpleRingAll">;
  /** Update an extension's notification settings (unset ones are kept) (`xml.updateExtensionNotification`, POST updateExtensionNotification) */
  readonly updateExtensionNotification: Method<"xml.updateExtensionNotification">;
}

/** The families of the catalog, as properties of every Client. */
export interface ClientFamilies {
  readonly express: ExpressNamespace;
  readonly nol: NolNamespace;
  readonly oauth: OauthNamespace;
  readonly v1: V1Namespace;
  readonly v4: V4Namespace;
  readonly xml: XmlNamespace;
}
