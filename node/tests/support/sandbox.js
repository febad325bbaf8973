'use strict';
// Starts the sandbox binary for a test file with the package's sandbox helper (lib/sandbox.js):
// `sandboxSuite()` is the shared preamble (start, client, teardown).
//
// The binary comes from PHONECOM_SANDBOX_BIN (tests/run.sh sets it) or is built with cargo.
// It runs with --exit-on-eof and its stdin is a pipe of this process, so it cannot outlive us.

const { before, after } = require('node:test');
const { Client } = require('phonecom');
const { Sandbox } = require('../../lib/sandbox');
const { cargoArtifact } = require('../../scripts/cargo');

let binary = process.env.PHONECOM_SANDBOX_BIN;

function sandboxBinary() {
  if (!binary) binary = cargoArtifact({ pkg: 'phonecom-sandbox', kind: 'bin' });
  return binary;
}

/** Start a sandbox through the package's own helper (`phonecom/sandbox`): its admin API is the tests'. */
function startSandbox(options = {}) {
  return Sandbox.start({ binary: sandboxBinary(), ...options });
}

/**
 * The preamble of every test file that talks to a sandbox: one sandbox for the file, started
 * before its first test with a Client of its config, stopped after its last. `setup(suite)`, when
 * given, runs (and is awaited) once both exist: the file's own preparation that needs them.
 *
 *   const suite = sandboxSuite();
 *   test('the account', async () => {
 *     assert.equal((await suite.client.v4.getAccount()).id, suite.sb.config.v4.account_id);
 *   });
 */
function sandboxSuite(setup) {
  const suite = { sb: null, client: null };
  before(async () => {
    suite.sb = await startSandbox();
    suite.client = new Client(suite.sb.config);
    if (setup) await setup(suite);
  });
  after(() => suite.sb.stop());
  return suite;
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

module.exports = { sandboxSuite, startSandbox, sandboxBinary, contact };
