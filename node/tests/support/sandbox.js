'use strict';
// Starts the sandbox binary for a test file with the package's sandbox helper (lib/sandbox.js).
//
// The binary comes from PHONECOM_SANDBOX_BIN (tests/run.sh sets it) or is built with cargo.
// It runs with --exit-on-eof and its stdin is a pipe of this process, so it cannot outlive us.

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
