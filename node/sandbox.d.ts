// Types of `phonecom/sandbox` (lib/sandbox.js): the sandbox shipped with the package.
import type { ChildProcess } from 'node:child_process';
import type { Config } from './index';

export interface SandboxOptions {
  /** Same seed, same credentials and number inventory (default 1). */
  seed?: number;
  /** The loopback port (default 0: any free port). */
  port?: number;
  /** Enforce the upstream rate limits. */
  rateLimit?: boolean;
  /** The binary to run (default: PHONECOM_SANDBOX_BIN, the packaged one, then PATH). */
  binary?: string;
}

export interface Sandbox {
  /** The sandbox's config line, parsed: `new Client(sandbox.config)`. */
  readonly config: Config;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly process: ChildProcess;
  /** Stop the sandbox (closes its stdin) and wait for it to exit. */
  stop(): Promise<void>;
}

/** Start the sandbox; resolves once it is ready. */
export declare function start(options?: SandboxOptions): Promise<Sandbox>;
export declare const startSandbox: typeof start;
/** The binary `start()` would run. */
export declare function sandboxBinary(): string;
