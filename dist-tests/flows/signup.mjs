// The ES module entry points: `import { startSandbox } from 'phonecom/sandbox'` and the client,
// one search against the shipped sandbox (signup.js runs the whole flow).
import { Client, version } from 'phonecom';
import { startSandbox } from 'phonecom/sandbox';

const sandbox = await startSandbox();
try {
  const found = await new Client(sandbox.config).v4.listAvailablePhoneNumbers({ filters: { npa: 'eq:858' }, limit: 1 });
  console.log(`esm: phonecom ${version}, ${found.total} numbers in NPA 858`);
} finally {
  await sandbox.stop();
}
