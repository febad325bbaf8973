'use strict';
// Starts the sandbox binary for a test file and talks to its admin API.
//
// The binary comes from PHONECOM_SANDBOX_BIN (tests/run.sh sets it) or is built with cargo.
// It runs with --exit-on-eof and its stdin is a pipe of this process, so it cannot outlive us.

const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { cargoArtifact } = require('../../scripts/cargo');

let binary = process.env.PHONECOM_SANDBOX_BIN;

function sandboxBinary() {
  if (!binary) binary = cargoArtifact({ pkg: 'phonecom-sandbox', kind: 'bin' });
  return binary;
}

/** Start a sandbox; resolves to `{config, url, admin, stop}`. */
async function startSandbox(args = []) {
  const child = spawn(sandboxBinary(), ['--exit-on-eof', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}) before printing its config`)));
  });
  child.removeAllListeners('exit');
  const config = JSON.parse(line);
  const url = new URL(config.v4.base_url).origin;
  const admin = async (method, path, body) => {
    const res = await fetch(`${url}/_sandbox${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    config,
    url,
    /** Queue a fault: `fault('status=503', {path: '/v4/accounts', times: 2})`. */
    fault: (spec, { method, path, times = 1 } = {}) => admin('POST', '/faults', { method, path, fault: spec, times }),
    clearFaults: () => admin('DELETE', '/faults'),
    requests: async (since) => (await admin('GET', `/requests${since ? `?since=${since}` : ''}`)).requests,
    reset: () => admin('POST', '/reset'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** A contact that passes the Express Sign-Up guide's rules. */
function contact(overrides = {}) {
  return {
    name: 'Ada Lovelace',
    company: 'Book Depository',
    address: { line_1: '411 Elm St', city: 'Dallas', province: 'TX', postal_code: '75202', country: 'US' },
    phone: '+15555550001',
    primary_email: 'ada@example.com',
    ...overrides,
  };
}

module.exports = { startSandbox, sandboxBinary, contact };
