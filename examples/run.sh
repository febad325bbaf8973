#!/usr/bin/env bash
# Run every example of every language against a fresh sandbox each, as a user would: each gets
# PHONECOM_CONFIG naming a file with the sandbox's config line, must exit 0 and end with "done".
#
#   examples/run.sh                 # python node php c (what scripts/test.sh runs after the suites)
#   examples/run.sh python c        # some languages
#
# It reuses what the binding suites built, and builds nothing in release:
#   python  py/.venv with the phonecom wheel installed (py/tests/run.sh)
#   node    examples/node/node_modules linked to ./node, with its addon built (node/tests/run.sh)
#   c, php  the dev build of libphonecom (cargo build -p phonecom-ffi, a no-op after `cargo test`),
#           installed into a scratch prefix with `make -C ffi-c install-files`; C examples are
#           compiled with `pkg-config --cflags --libs phonecom`, PHP loads that library over FFI.
# Files that are not run on their own: examples/node/portal.js (driven by portal_demo.js),
# examples/node/typed.ts (node/tests), examples/php/callcontrol_handler.php (served by
# callcontrol_demo.php), examples/php/autoload.php and examples/c/example.h.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
LANGS=("$@")
[ ${#LANGS[@]} -eq 0 ] && LANGS=(python node php c)

WORK=$(mktemp -d)
SANDBOX_PID=
cleanup() {
  [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cargo build -q -p phonecom-sandbox -p phonecom-ffi
SANDBOX_BIN="$TARGET_DIR/debug/phonecom-sandbox"

# A fresh sandbox for one example: config line in $WORK/config.json; stopped by stop_sandbox.
start_sandbox() {
  rm -f "$WORK/sandbox.in" "$WORK/sandbox.out"
  mkfifo "$WORK/sandbox.in"
  # Its console (one line per request) goes to a file, shown when an example fails.
  "$SANDBOX_BIN" --exit-on-eof <"$WORK/sandbox.in" >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
  SANDBOX_PID=$!
  exec {SANDBOX_STDIN}>"$WORK/sandbox.in"
  local tries=0
  until [ -s "$WORK/sandbox.out" ]; do
    tries=$((tries + 1))
    [ $tries -gt 200 ] && { echo "the sandbox did not start"; exit 1; }
    sleep 0.05
  done
  head -n 1 "$WORK/sandbox.out" >"$WORK/config.json"
}
stop_sandbox() {
  exec {SANDBOX_STDIN}>&-
  wait "$SANDBOX_PID" 2>/dev/null || true
  SANDBOX_PID=
}

PASSED=()
FAILED=()
# run LABEL COMMAND...: the example against its own sandbox.
run() {
  local label=$1 log="$WORK/out.log"
  shift
  start_sandbox
  local status=0
  (cd "$ROOT" && PHONECOM_CONFIG="$WORK/config.json" timeout 180 "$@") >"$log" 2>&1 </dev/null || status=$?
  stop_sandbox
  if [ $status -eq 0 ] && [ "$(tail -n 1 "$log")" = done ]; then
    PASSED+=("$label")
    printf 'ok   %s (%s lines)\n' "$label" "$(wc -l <"$log")"
  else
    FAILED+=("$label")
    printf 'FAIL %s (exit %s; the last line must be "done"):\n' "$label" "$status"
    sed 's/^/     /' "$log"
    echo "     the sandbox's console:"
    sed 's/^/       /' "$WORK/sandbox.err"
  fi
}

for lang in "${LANGS[@]}"; do
  printf '\n==> examples/%s\n' "$lang"
  case $lang in
    python)
      PY="$ROOT/py/.venv/bin/python"
      "$PY" -c 'import phonecom' 2>/dev/null || { echo "py/.venv has no phonecom: run py/tests/run.sh first"; exit 1; }
      for ex in examples/python/*.py; do run "$ex" "$PY" "$ex"; done
      ;;
    node)
      [ -e examples/node/node_modules/phonecom ] || { echo "examples/node is not installed: run node/tests/run.sh first"; exit 1; }
      for ex in examples/node/*.js; do
        [ "$(basename "$ex")" = portal.js ] && continue
        run "$ex" node "$ex"
      done
      ;;
    php|c)
      if [ ! -d "$WORK/prefix" ]; then
        make -s -C ffi-c install-files OUT="$TARGET_DIR/debug" PREFIX="$WORK/prefix" >/dev/null
      fi
      export PKG_CONFIG_PATH="$WORK/prefix/lib/pkgconfig" LD_LIBRARY_PATH="$WORK/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
      if [ "$lang" = php ]; then
        export PHONECOM_LIB="$WORK/prefix/lib/libphonecom.so" PHONECOM_PHP_HEADER="$WORK/prefix/include/phonecom_php.h"
        for ex in examples/php/*.php; do
          case $(basename "$ex") in autoload.php|callcontrol_handler.php) continue ;; esac
          run "$ex" php -d ffi.enable=1 "$ex"
        done
      else
        for ex in examples/c/*.c; do
          bin="$WORK/$(basename "$ex" .c)"
          # shellcheck disable=SC2046 # pkg-config prints several flags
          cc -std=c11 -Wall -Wextra -Werror "$ex" $(pkg-config --cflags --libs phonecom) -lpthread -o "$bin"
          run "$ex" "$bin"
        done
      fi
      ;;
    *) echo "unknown language $lang (python, node, php, c)"; exit 2 ;;
  esac
done

printf '\n%d examples passed, %d failed\n' "${#PASSED[@]}" "${#FAILED[@]}"
[ ${#FAILED[@]} -eq 0 ]
