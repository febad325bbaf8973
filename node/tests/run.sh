#!/usr/bin/env bash
# The Node binding's suite, run by scripts/test.sh. Installs what it needs (Node.js and npm via
# apt-get when missing; the npm packages of node/ and examples/node/), builds the addon (through
# npm's install script, i.e. the same path as `cd node && npm install` on a user's machine) and
# the sandbox binary, then runs node's test runner and tsc --strict on the TypeScript example.
# Idempotent: a second run reuses node_modules and cargo's build cache.
#
#   PHONECOM_NODE_PROFILE=release node/tests/run.sh   test an optimised addon (default: debug,
#                                                      which shares the workspace's debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_DIR=$PWD
EXAMPLES=$NODE_DIR/../examples/node

step() { printf '\n--> node: %s\n' "$*"; }

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  step "installing Node.js and npm (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
node -e 'const [maj] = process.versions.node.split(".").map(Number); if (maj < 18) { console.error(`Node ${process.version} is too old: 18 or newer`); process.exit(1); }'

export PHONECOM_NODE_PROFILE=${PHONECOM_NODE_PROFILE:-debug}
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step "npm packages and the addon ($PHONECOM_NODE_PROFILE)"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci                     # runs the package's install script: cargo builds the addon
else
  npm run --silent build     # node_modules is current: just (re)build the addon
fi

step "examples/node: npm install (links ./node as its phonecom dependency)"
(cd "$EXAMPLES" && npm install --no-save)

step "sandbox binary"
PHONECOM_SANDBOX_BIN=$(node -e 'console.log(require("./scripts/cargo").cargoArtifact({ pkg: "phonecom-sandbox", kind: "bin" }))')
export PHONECOM_SANDBOX_BIN

step "index.d.ts is current"
node scripts/gen-dts.js --check

step "tsc --noEmit --strict on the TypeScript example"
node_modules/.bin/tsc -p "$EXAMPLES/tsconfig.json" --noEmit --strict

step "node --test"
node --test --test-concurrency=1 tests/
