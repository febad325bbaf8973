#!/usr/bin/env bash
# The wheel, installed into a fresh virtualenv with no Rust toolchain on PATH and no package index:
# its manylinux tag (auditwheel), no debug info, the sign-up flow against the sandbox it ships
# (phonecom.sandbox.start()), the phonecom-sandbox console command, and the version.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh
AUDITWHEEL=$DIST_TOOLS/bin/auditwheel
. dist-tests/lib.sh

wheel=$(ls "$DIST"/phonecom-"$VERSION"-cp39-abi3-*manylinux_2_17_x86_64*.whl)
step "python: $(basename "$wheel")"
"$AUDITWHEEL" show "$wheel" >"$WORK/auditwheel.txt"
grep -q '"manylinux_2_17_x86_64"' "$WORK/auditwheel.txt" || { cat "$WORK/auditwheel.txt"; fail "auditwheel does not report manylinux_2_17_x86_64"; }
echo "auditwheel: consistent with manylinux_2_17_x86_64"

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --disable-pip-version-check --no-index "$wheel"
site=$("$WORK/venv/bin/python" -c 'import phonecom, os; print(os.path.dirname(phonecom.__file__))')
for binary in "$site/_native.abi3.so" "$site/bin/phonecom-sandbox"; do
  check_no_debug_info "$binary"
  check_glibc "$binary"
done

cd "$WORK"
"$WORK/venv/bin/python" "$ROOT/dist-tests/flows/signup.py" | tee "$WORK/flow.log"
check_flow_output "$WORK/flow.log"

# The console command prints the config line; with --exit-on-eof and no stdin it then stops.
"$WORK/venv/bin/phonecom-sandbox" --exit-on-eof </dev/null | head -n 1 >"$WORK/config.json"
"$WORK/venv/bin/python" -c 'import json, sys; assert json.load(open(sys.argv[1]))["v4"]["base_url"].startswith("http://127.0.0.1:")' "$WORK/config.json"
echo "phonecom-sandbox (console command): printed its config line"

check_version "phonecom.__version__" "$("$WORK/venv/bin/python" -c 'import phonecom; print(phonecom.__version__)')"
check_version "the wheel's metadata" "$("$WORK/venv/bin/python" -c 'import importlib.metadata as m; print(m.version("phonecom"))')"
