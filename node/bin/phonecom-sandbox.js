#!/usr/bin/env node
// `npx phonecom-sandbox [--port N] [--seed N] [--rate-limit] [--exit-on-eof]`: runs the sandbox
// binary this package ships (see lib/sandbox.js for how it is found), with the same arguments.
'use strict';

const { spawnSync } = require('node:child_process');
const { sandboxBinary } = require('../lib/sandbox');

const run = spawnSync(sandboxBinary(), process.argv.slice(2), { stdio: 'inherit' });
if (run.error) {
  console.error(`phonecom-sandbox: ${run.error.message}; set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary`);
  process.exit(1);
}
process.exit(run.status === null ? 1 : run.status);
