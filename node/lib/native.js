'use strict';
// Loads the native addon that `scripts/build.js` placed next to package.json.

const path = require('node:path');

const ADDON = path.join(__dirname, '..', 'phonecom.node');

function load() {
  try {
    return require(ADDON);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('phonecom.node')) {
      const dir = path.dirname(ADDON);
      const err = new Error(
        `phonecom: the native addon is not built (${ADDON} is missing); ` +
          `run \`npm install\` or \`npm run build\` in ${dir} (needs the Rust toolchain)`,
      );
      err.code = 'PHONECOM_ADDON_MISSING';
      throw err;
    }
    throw e;
  }
}

module.exports = load();
