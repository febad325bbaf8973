// Type-checked by tests/sandbox.test.js (tsc --strict): the README's sandbox example and each
// admin method's types, as a TypeScript user writes them.
import { Client } from '../../index';
import { start, attach, Sandbox, SandboxError, FAMILY_PATHS } from '../../sandbox';
import type { QueuedFault, RecordedRequest, SandboxClock, RateLimitSettings, CallTranscript } from '../../sandbox';

export async function readme(): Promise<number[]> {
  const sandbox: Sandbox = await start({ seed: 1, console: false });
  try {
    const client = new Client(sandbox.config);
    const fault: QueuedFault = await sandbox.queueFault({ status: 503, path: '/v4/accounts' });
    await sandbox.queueFault('status=429;retry_after=2', { family: 'v4', times: 2 });
    await client.v4.getAccount();
    const seen: RecordedRequest[] = await sandbox.requests(fault.id);
    const failed: RecordedRequest[] = await sandbox.requests({ family: 'v4', status: '5xx', limit: 5 });
    const overview: Record<string, unknown> = await sandbox.state('v4', { q: '858' });
    const clock: SandboxClock = await sandbox.advanceClock(60);
    const limits: RateLimitSettings = await sandbox.setRateLimit({ enabled: true, perEndpoint: 2 });
    const call: CallTranscript = await sandbox.driveCall('http://127.0.0.1:8080/', { digits: ['1'], forwardResults: ['busy'] });
    const other = await attach(sandbox.url, { timeoutMs: 1000 });
    await other.reset();
    return [clock.offsetSeconds, limits.perEndpoint, call.duration, FAMILY_PATHS.xml.length, ...seen.map((r) => r.status ?? 0), failed.length, Object.keys(overview).length, ...failed.map((r) => (r.ms ?? 0) + (r.response?.status ?? 0))];
  } catch (e) {
    if (e instanceof SandboxError) console.error(e.sandboxMessage, e.status);
    throw e;
  } finally {
    await sandbox.stop();
  }
}
