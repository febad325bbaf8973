#!/usr/bin/env bash
# The npm package, installed into a fresh `npm init -y` project with no Rust toolchain on PATH:
# the prebuilt addon is used (nothing is built), the sign-up flow runs against the sandbox the
# package ships (phonecom/sandbox, from CommonJS; ESM's entry points too), and the version agrees.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh
. dist-tests/lib.sh
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

tarball=$DIST/phonecom-$VERSION.tgz
step "node: $(basename "$tarball")"
app=$WORK/app
mkdir -p "$app"
cd "$app"
npm init -y >/dev/null
npm install --foreground-scripts "$tarball" 2>&1 | tee "$WORK/install.log"
if grep -q "from source" "$WORK/install.log"; then fail "npm built the addon from source"; fi
pkg=$app/node_modules/phonecom
[ ! -e "$pkg/phonecom.node" ] || fail "an addon was built at install ($pkg/phonecom.node)"
for binary in "$pkg/phonecom.linux-x64-gnu.node" "$pkg/prebuilt/linux-x64-gnu/phonecom-sandbox"; do
  check_no_debug_info "$binary"
  check_glibc "$binary"
done

cp "$ROOT/dist-tests/flows/signup.js" "$ROOT/dist-tests/flows/signup.mjs" "$app/"
node signup.js | tee "$WORK/signup.log"
check_flow_output "$WORK/signup.log"
node signup.mjs | tee "$WORK/esm.log"
grep -q "^esm: phonecom $VERSION, [1-9][0-9]* numbers in NPA 858" "$WORK/esm.log" || fail "the ES module entry points did not work"

# The declarations, as a TypeScript user sees them (tsc from node/'s dev dependencies, when installed).
tsc=$ROOT/node/node_modules/.bin/tsc
if [ -x "$tsc" ]; then
  cp "$ROOT/dist-tests/flows/types.mts" "$app/"
  "$tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 \
    --types node --typeRoots "$ROOT/node/node_modules/@types" "$app/types.mts"
  echo "tsc --strict: phonecom and phonecom/sandbox type-check"
else
  echo "tsc --strict: skipped (node/node_modules has no typescript; node/tests/run.sh installs it)"
fi

# The bin entry runs the shipped sandbox too.
npx --no-install phonecom-sandbox --exit-on-eof </dev/null | head -n 1 | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { if (!JSON.parse(s).v4) process.exit(1); });'
echo "npx phonecom-sandbox: printed its config line"

check_version "require('phonecom').version" "$(node -p "require('phonecom').version")"
check_version "the npm package's version" "$(node -p "require('phonecom/package.json').version")"
