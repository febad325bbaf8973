// ESM entry of the sandbox helper (`import { startSandbox } from 'phonecom/sandbox'`).
import sandbox from './lib/sandbox.js';

export const { start, startSandbox, sandboxBinary } = sandbox;
export default sandbox;
