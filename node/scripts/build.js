#!/usr/bin/env node
// Builds the native addon with cargo and places it at node/phonecom.node.
//
// npm runs this on install (`cd node && npm install`, or `npm install ./node` from a project),
// so installing the folder builds the addon; `npm run build` runs it again. It needs the Rust
// toolchain (cargo) and this repository around the folder (the addon is built from the core).
//
//   PHONECOM_NODE_PROFILE=debug   build without optimisations (faster to compile; the tests use it)
//   CARGO=/path/to/cargo          the cargo to run
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { cargoArtifact } = require('./cargo');

const root = path.resolve(__dirname, '..');
const dest = path.join(root, 'phonecom.node');
const profile = process.env.PHONECOM_NODE_PROFILE === 'debug' ? 'debug' : 'release';

try {
  const lib = cargoArtifact({ pkg: 'phonecom-node', kind: 'cdylib', release: profile === 'release' });
  // Copy then rename: a process that has the old addon loaded keeps a valid mapping.
  const tmp = `${dest}.${process.pid}.tmp`;
  fs.copyFileSync(lib, tmp);
  fs.renameSync(tmp, dest);
  console.error(`phonecom: built ${path.relative(process.cwd(), dest) || dest} (${profile}) from ${lib}`);
} catch (e) {
  console.error(`phonecom: could not build the native addon: ${e.message}`);
  process.exit(1);
}
