#!/usr/bin/env node
// npm's install script. A package built by scripts/package.sh carries a prebuilt addon for
// linux-x64-gnu: when it fits this machine there is nothing to build. Otherwise (another platform,
// or a checkout of the repository) the addon is built from source with cargo (scripts/build.js),
// and this says so first.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ROOT, triple, prebuiltAddon } = require('../lib/platform');

if (fs.existsSync(prebuiltAddon())) {
  console.error(`phonecom: using the prebuilt addon for ${triple()}`);
} else if (fs.existsSync(path.join(ROOT, 'rust'))) {
  console.error(`phonecom: no prebuilt addon for ${triple()} in this package; building it from source with cargo`);
  require('./build');
} else {
  console.error('phonecom: a checkout of the repository: building the addon from source with cargo');
  require('./build');
}
