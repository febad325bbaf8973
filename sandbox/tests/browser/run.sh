#!/usr/bin/env bash
# The dashboard in a real browser: headless Chromium from Debian's packages, driven over the
# DevTools protocol by dashboard.mjs (Node's own WebSocket, no npm package). Installs Chromium
# when missing (apt-get, as root), uses the sandbox binary already built, starts it, and writes a
# screenshot of each tab into the output folder.
#
#   sandbox/tests/browser/run.sh                 screenshots in target/browser-test/
#   sandbox/tests/browser/run.sh --docs          also refresh sandbox/docs/dashboard-*.png
#
# The sandbox binary: $PHONECOM_SANDBOX_BIN if set, else the release build scripts/package.sh
# makes (target/x86_64-unknown-linux-gnu/release), else target/release or target/debug; it is
# built (cargo build --release) only when none exists. The client is the Node binding when
# node/phonecom.node is built (node/tests/run.sh builds it), else Node's fetch on v4.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
. scripts/dist/common.sh
OUT=${PHONECOM_BROWSER_OUT:-$TARGET_DIR/browser-test}
DOCS=
[ "${1:-}" = "--docs" ] && DOCS=$ROOT/sandbox/docs

if ! command -v chromium >/dev/null; then
  echo "--> browser: installing chromium (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null; then
  echo "--> browser: installing nodejs (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
fi

sandbox=${PHONECOM_SANDBOX_BIN:-}
if [ -z "$sandbox" ]; then
  for candidate in "$RELEASE_DIR/phonecom-sandbox" "$TARGET_DIR/release/phonecom-sandbox" "$TARGET_DIR/debug/phonecom-sandbox"; do
    if [ -x "$candidate" ]; then sandbox=$candidate; break; fi
  done
fi
if [ -z "$sandbox" ]; then
  echo "--> browser: no sandbox binary yet: cargo build -p phonecom-sandbox --release"
  cargo build -q -p phonecom-sandbox --release
  sandbox=$TARGET_DIR/release/phonecom-sandbox
fi

if [ -n "$(find sandbox/src -newer "$sandbox" -print -quit)" ]; then
  echo "--> browser: note: $sandbox is older than sandbox/src (set PHONECOM_SANDBOX_BIN to a fresh build)"
fi

# Node 22 has WebSocket built in; Node 20.10+ behind a flag; older ones lack it.
node_flags=()
if node --experimental-websocket -e '' 2>/dev/null; then node_flags=(--experimental-websocket --no-warnings); fi
if ! node "${node_flags[@]}" -e 'if (typeof WebSocket !== "function") process.exit(1)'; then
  echo "browser test: Node $(node --version) has no WebSocket; it needs Node 20.10 or newer" >&2
  exit 1
fi

echo "--> browser: $(chromium --version 2>/dev/null | head -1), sandbox $sandbox"
rm -rf "$OUT"
node "${node_flags[@]}" sandbox/tests/browser/dashboard.mjs "$sandbox" "$(command -v chromium)" "$OUT" $DOCS
