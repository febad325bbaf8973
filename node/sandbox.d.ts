// Types of `phonecom/sandbox` (lib/sandbox.js): the sandbox shipped with the package and its admin API.
import type { ChildProcess } from 'node:child_process';
import type { Config } from './index';

export interface SandboxOptions {
  /** Same seed, same credentials and number inventory (default 1). */
  seed?: number;
  /** The loopback port (default 0: any free port). */
  port?: number;
  /** Enforce the upstream rate limits. */
  rateLimit?: boolean;
  /** Show the sandbox's console (a line per request) on this process's stderr (default: kept). */
  console?: boolean;
  /** The binary to run (default: PHONECOM_SANDBOX_BIN, the packaged one, then PATH). */
  binary?: string;
}

/** A family of the sandbox, standing for its path prefix (`FAMILY_PATHS`). */
export type SandboxFamily = 'v4' | 'oauth' | 'xml' | 'v1' | 'nol';

/** What a fault does: an error answer, a delay, a broken connection or body. */
export interface FaultBehaviour {
  /** Answer this error status (400-599) in the family's own error shape. */
  status?: number;
  /** The error's message, as written (no `;`). */
  message?: string;
  /** The family's own error code (with `status`), e.g. `rate_limited_pool`. */
  code?: string;
  /** `Retry-After` of the error, seconds. */
  retryAfterSeconds?: number;
  /** Wait this long first. */
  latencyMs?: number;
  /** Close without answering (unprocessed / processed), a body cut in half, or fewer bytes than announced. */
  action?: 'reset_before' | 'reset_after' | 'malformed' | 'truncated';
  /** Answer an error that repeats the request's values. */
  echo?: boolean;
}

/** Which requests a fault hits (none given: the next request of any kind). */
export interface FaultMatch {
  /** The family's requests (exclusive with `path`). */
  family?: SandboxFamily;
  /** Requests whose path starts with this, e.g. `/v4/accounts`. */
  path?: string;
  /** Requests of this HTTP method. */
  method?: string;
  /** How many requests it hits (default 1). */
  times?: number;
}

export interface QueuedFault {
  id: number;
  method: string | null;
  path: string | null;
  /** The spec string, e.g. `status=503;retry_after=1`. */
  fault: string;
  /** Requests it will still hit. */
  remaining: number;
}

/** One request the sandbox received, secrets masked (`***`). */
export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  /** The fault applied, if any. */
  fault: string | null;
  /** The status answered (null when the connection was closed instead). */
  status: number | null;
  /** With the dashboard's sandbox: when (UTC), the family, the time to answer and the (masked) response. */
  time?: string;
  family?: string | null;
  ms?: number | null;
  response?: { status: number; headers: Record<string, string>; body: unknown } | null;
  [key: string]: unknown;
}

export interface RequestFilter {
  /** Only those after this `seq` (the last one you saw). */
  since?: number;
  family?: SandboxFamily;
  /** `503`, `'5xx'`, or `'error'` (400 and up, or no answer). */
  status?: number | string;
  /** The newest N. */
  limit?: number;
}

export interface SandboxClock {
  /** Unix seconds on the sandbox clock. */
  now: number;
  nowRfc3339: string;
  /** Seconds ahead of real time (negative: behind). */
  offsetSeconds: number;
}

export interface RateLimitSettings {
  enabled: boolean;
  /** Requests per account and endpoint per `windowSeconds`. */
  perEndpoint: number;
  windowSeconds: number;
  /** Requests per account per `totalWindowSeconds`. */
  total: number;
  totalWindowSeconds: number;
}

export interface DriveCallOptions {
  /** What the caller keys in, one entry per prompt. */
  digits?: string[];
  method?: 'GET' | 'POST';
  /** Default: the sandbox account's first number. */
  dialedNumber?: string;
  callerIdNumber?: string;
  callerIdName?: string;
  /** The result of each forward in turn. */
  forwardResults?: Array<'answered' | 'no-answer' | 'busy'>;
  /** Length of a connected call (default 30). */
  talkSeconds?: number;
  /** Requests to your URL at most (default 20). */
  maxRequests?: number;
  /** Per request to your URL (default 5000). */
  timeoutMs?: number;
}

/** A call-control call the sandbox placed on a handler, step by step. */
export interface CallTranscript {
  uniqueID: string;
  url: string;
  method: string;
  dialedNumber: string;
  callerIdNumber: string | null;
  callerIdName: string | null;
  started_at: string;
  outcome: string;
  duration: number;
  connected_to: string | null;
  requests: number;
  call_log_id: number | null;
  steps: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

/** The sandbox refused an admin request, could not be reached, or did not start. */
export declare class SandboxError extends Error {
  readonly code: 'PHONECOM_SANDBOX';
  /** The sandbox's own message. */
  readonly sandboxMessage: string;
  /** The HTTP status of the refusal (null without an answer). */
  readonly status: number | null;
  readonly method: string | null;
  readonly path: string | null;
}

/** A sandbox this process started or attached to, with its admin API (every method is one request). */
export declare class Sandbox {
  /** Start a sandbox; resolves once it serves. */
  static start(options?: SandboxOptions): Promise<Sandbox>;
  /** A sandbox already running at `url` (any URL on it). */
  static attach(url: string, options?: { timeoutMs?: number }): Promise<Sandbox>;
  /** The sandbox's config line, parsed: `new Client(sandbox.config)`. */
  readonly config: Config;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The child process (null when attached). */
  readonly process: ChildProcess | null;
  /** Stop a started sandbox (closes its stdin) and wait for it to exit; nothing for an attached one. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  /** Any admin route: `admin('GET', '/xml')` is `GET /_sandbox/xml`. */
  admin(method: string, route: string, body?: unknown, options?: { timeoutMs?: number }): Promise<any>;
  health(): Promise<{ status: string; seed: number }>;
  fetchConfig(): Promise<Config>;
  /** Make the next matching requests misbehave. */
  queueFault(fault: FaultBehaviour & FaultMatch): Promise<QueuedFault>;
  /** The same with a raw spec string (`status=429;retry_after=2`, the `X-Sandbox-Fault` syntax). */
  queueFault(spec: string, match?: FaultMatch): Promise<QueuedFault>;
  faults(): Promise<QueuedFault[]>;
  clearFaults(): Promise<void>;
  /** Recorded requests, oldest first: after a `seq`, of a family, of a status (`503`, `'5xx'`, `'error'`), the newest `limit`. */
  requests(filter?: number | RequestFilter): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  clock(): Promise<SandboxClock>;
  /** Move the clock by `seconds` (negative: back). */
  advanceClock(seconds: number): Promise<SandboxClock>;
  /** Set the clock to real time plus `seconds`. */
  setClockOffset(seconds: number): Promise<SandboxClock>;
  rateLimit(): Promise<RateLimitSettings>;
  /** Change the given settings (the rest stay); restarts the counters. */
  setRateLimit(settings: Partial<RateLimitSettings>): Promise<RateLimitSettings>;
  /** The dashboard's state, secrets masked: the overview, or one section (`v4` takes `{q, category}`). */
  state(section?: 'v4' | 'xml' | 'callcontrol' | 'v1' | 'nol', filters?: { q?: string; category?: string }): Promise<Record<string, any>>;
  /** Everything back to the seeded start. */
  reset(): Promise<void>;
  /** Place a call-control call on your handler at `url` and follow its commands. */
  driveCall(url: string, options?: DriveCallOptions): Promise<CallTranscript>;
  calls(): Promise<CallTranscript[]>;
  call(uniqueId: string): Promise<CallTranscript>;
  clearCalls(): Promise<void>;
}

/** Start the sandbox; resolves once it is ready. */
export declare function start(options?: SandboxOptions): Promise<Sandbox>;
export declare const startSandbox: typeof start;
/** A sandbox already running at `url`. */
export declare function attach(url: string, options?: { timeoutMs?: number }): Promise<Sandbox>;
/** The binary `start()` would run. */
export declare function sandboxBinary(): string;
/** The path prefix of each family on the sandbox. */
export declare const FAMILY_PATHS: Readonly<Record<SandboxFamily, string>>;
