// ESM entry of the sandbox helper (`import { startSandbox } from 'phonecom/sandbox'`).
import sandbox from './lib/sandbox.js';

export const { start, startSandbox, attach, Sandbox, SandboxError, sandboxBinary, FAMILY_PATHS } = sandbox;
export default sandbox;
