#!/usr/bin/env bash
# Regenerate every committed file that is derived from the catalog, in dependency order:
#
#   1. core/catalog/{v4,nol}.json and their .schemas.json, from the upstream specifications
#      (only when the spec folder is present: SPEC_DIR, default ../shared/spec);
#   2. include/phonecom.h and include/phonecom_php.h (cbindgen, through the header test);
#   3. the error classes and fields of every binding and the README's error table, from
#      core/src/error_table.rs (the generated parts of py/python/phonecom/_errors.py,
#      node/lib/errors.js, php/src/Exceptions.php and README.md);
#   4. py/python/phonecom/_client.pyi (the Python stubs; installs ./py into py/.venv first);
#   5. node/index.d.ts (builds the addon first).
#
# Run it after any change to the catalog or to the C ABI, then commit what it rewrote. Each of
# these files also has a test that fails while it is stale, so forgetting this shows up in CI.
#
#   scripts/regen.sh          rewrite everything
#   scripts/regen.sh --check  rewrite nothing; exit 1 if any derived file is stale
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SPEC_DIR=${SPEC_DIR:-$ROOT/../shared/spec}
CHECK=0
[ "${1:-}" = "--check" ] && CHECK=1

step() { printf '\n==> %s\n' "$*"; }

# Writes stdin to $1, or in --check mode compares it with $1.
emit() {
  local target=$1 tmp
  tmp=$(mktemp)
  cat >"$tmp"
  if [ $CHECK -eq 1 ]; then
    cmp -s "$tmp" "$target" || { echo "stale: $target"; rm -f "$tmp"; exit 1; }
    rm -f "$tmp"
  else
    mv "$tmp" "$target"
  fi
}

if [ -d "$SPEC_DIR" ]; then
  step "catalog from $SPEC_DIR"
  python3 tools/gen_v4_catalog.py "$SPEC_DIR/phonecom-v4.swagger.json" | emit core/catalog/v4.json
  python3 tools/gen_schemas.py v4 "$SPEC_DIR/phonecom-v4.swagger.json" | emit core/catalog/v4.schemas.json
  python3 tools/gen_nol_catalog.py "$SPEC_DIR/numbers-online-openapi.json" | emit core/catalog/nol.json
  python3 tools/gen_schemas.py nol "$SPEC_DIR/numbers-online-openapi.json" | emit core/catalog/nol.schemas.json
else
  step "no spec folder at $SPEC_DIR: the committed catalog is used as it is"
fi

step "C headers (cbindgen)"
if [ $CHECK -eq 1 ]; then
  cargo test -q -p phonecom-ffi --test header
else
  cargo test -q -p phonecom-ffi --test header -- --ignored
fi

step "error classes and fields (core/src/error_table.rs)"
if [ $CHECK -eq 1 ]; then
  cargo test -q -p phonecom --test error_bindings
else
  cargo test -q -p phonecom --test error_bindings -- --ignored
fi

step "Python stubs"
py/tests/setup-venv.sh
"$ROOT/py/.venv/bin/python" -m pip --disable-pip-version-check -q install "$ROOT/py"
if [ $CHECK -eq 1 ]; then
  "$ROOT/py/.venv/bin/python" py/tools/gen_stubs.py --check
else
  "$ROOT/py/.venv/bin/python" py/tools/gen_stubs.py
fi

step "Node index.d.ts"
(cd node && { [ -d node_modules ] || npm ci --ignore-scripts; } && npm run --silent build)
if [ $CHECK -eq 1 ]; then
  node node/scripts/gen-dts.js --check
else
  node node/scripts/gen-dts.js
fi

step "done$([ $CHECK -eq 1 ] && echo ': every derived file is current')"
