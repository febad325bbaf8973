'use strict';
// Loads the native addon: the prebuilt `phonecom.<triple>.node` that the package ships for this
// platform (napi-rs's naming, see platform.js), else `phonecom.node`, which `scripts/build.js`
// builds from source (a checkout of the repository, or a platform with no prebuilt binary).

const fs = require('node:fs');
const path = require('node:path');
const { triple, prebuiltAddon } = require('./platform');

const BUILT = path.join(__dirname, '..', 'phonecom.node');

function load() {
  const addon = [prebuiltAddon(), BUILT].find((file) => fs.existsSync(file));
  if (addon) return require(addon);
  const dir = path.dirname(BUILT);
  const err = new Error(
    `phonecom: no native addon for ${triple()}: this package has no prebuilt binary for it and ` +
      `${BUILT} was not built; run \`npm run build\` in ${dir} (builds from source, needs the Rust toolchain)`,
  );
  err.code = 'PHONECOM_ADDON_MISSING';
  throw err;
}

module.exports = load();
