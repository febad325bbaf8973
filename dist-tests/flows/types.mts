// Type-checks the package's declarations as a TypeScript user imports them (tsc --strict, no emit).
import { Client, version } from 'phonecom';
import { startSandbox, type Sandbox } from 'phonecom/sandbox';

const sandbox: Sandbox = await startSandbox({ seed: 7 });
const client = new Client(sandbox.config);
console.log(version, sandbox.url, typeof client.v4.listAvailablePhoneNumbers);
await sandbox.stop();
