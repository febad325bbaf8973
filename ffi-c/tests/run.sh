#!/usr/bin/env bash
# The C and PHP suites of libphonecom, against the sandbox:
#
#   1. build libphonecom and the sandbox, `make install` them into a scratch prefix,
#   2. build the C suite and the C examples with `pkg-config --cflags --libs phonecom` alone,
#   3. run the C suite built with -fsanitize=address,undefined, then under Valgrind (zero errors,
#      zero leaks required), and the C examples (shared and static library),
#   4. run the PHP suite (with call control: the handler example served by `php -S`, called by the
#      sandbox's call-control driver) and the PHP examples over FFI.
#
# Each run gets a fresh sandbox (started with --exit-on-eof, so it cannot outlive this script).
# Installs what it needs when missing (apt-get, as root): a C compiler, pkg-config, Valgrind, PHP's CLI.
# PROFILE=release tests the release build (default: the dev build `cargo test` already made).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PROFILE=${PROFILE:-debug}
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

step() { printf '\n==> %s\n' "$*"; }

need_packages=()
command -v cc >/dev/null || need_packages+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need_packages+=(pkg-config)
command -v valgrind >/dev/null || need_packages+=(valgrind)
command -v make >/dev/null || need_packages+=(make)
command -v php >/dev/null || need_packages+=(php-cli)
if [ ${#need_packages[@]} -gt 0 ]; then
  step "installing ${need_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

WORK=$(mktemp -d)
SANDBOX_PIDS=()
cleanup() {
  for pid in "${SANDBOX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# PHP's FFI extension. Debian ships it in php8.x-common and enables it for the CLI, but a PHP whose
# modules were left disabled, a PHP built without FFI, or a packaging that splits FFI out gives a
# `php -m` without it. Each fallback below is tried in turn and says what it did:
#   1. load ffi.so for this run through an extra ini scan directory (PHP_INI_SCAN_DIR, inherited
#      by the `php -S` that the PHP suite starts);
#   2. a `php` that is not Debian's: install Debian's php-cli and put it first on PATH;
#   3. install the split-out php8.x-ffi package.
php_has_ffi() { php -m 2>/dev/null | grep -qx FFI; }
php_load_ffi_for_this_run() {
  mkdir -p "$WORK/php.d"
  printf 'extension=ffi\nffi.enable=1\n' >"$WORK/php.d/ffi.ini"
  export PHP_INI_SCAN_DIR=":$WORK/php.d"
  php_has_ffi && echo "PHP's FFI extension was not enabled; loaded for this run ($WORK/php.d/ffi.ini)"
}
if ! php_has_ffi && ! php_load_ffi_for_this_run; then
  unset PHP_INI_SCAN_DIR
  if ! dpkg -S "$(readlink -f "$(command -v php)")" >/dev/null 2>&1; then
    step "$(command -v php) has no FFI and is not Debian's: installing php-cli"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli >/dev/null
    mkdir -p "$WORK/bin" && ln -sf /usr/bin/php "$WORK/bin/php"
    export PATH="$WORK/bin:$PATH"
  fi
  if ! php_has_ffi && ! php_load_ffi_for_this_run; then
    php_version=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
    step "installing php$php_version-ffi"
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "php$php_version-ffi" >/dev/null || true
    unset PHP_INI_SCAN_DIR
    php_has_ffi || php_load_ffi_for_this_run || {
      echo "PHP's FFI extension is missing and could not be loaded:"
      php -v | head -n 1
      php --ini
      ls "$(php -r 'echo ini_get("extension_dir");')"
      exit 1
    }
  fi
fi

step "build libphonecom ($PROFILE) and the sandbox; make install into a scratch prefix"
cargo_profile=()
[ "$PROFILE" = release ] && cargo_profile=(--release)
cargo build -q "${cargo_profile[@]}" -p phonecom-sandbox
make -s -C ffi-c install PREFIX="$WORK/prefix" PROFILE="$PROFILE" >/dev/null
SANDBOX_BIN="$TARGET_DIR/$PROFILE/phonecom-sandbox"
export PKG_CONFIG_PATH="$WORK/prefix/lib/pkgconfig"
export LD_LIBRARY_PATH="$WORK/prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
CFLAGS_PC=$(pkg-config --cflags phonecom)
LIBS_PC=$(pkg-config --libs phonecom)
echo "pkg-config: $CFLAGS_PC $LIBS_PC"

# Start a fresh sandbox; its config line goes to PHONECOM_SANDBOX_CONFIG and to a file for the
# examples (PHONECOM_CONFIG); its console (stderr) to a file, shown only if it fails to start. Its
# stdin is a pipe this script holds open.
start_sandbox() {
  SANDBOX_RUNS=$((${SANDBOX_RUNS:-0} + 1))
  local fifo="$WORK/sandbox.$SANDBOX_RUNS.in" out="$WORK/sandbox.$SANDBOX_RUNS.out"
  mkfifo "$fifo"
  "$SANDBOX_BIN" --exit-on-eof <"$fifo" >"$out" 2>"$WORK/sandbox.$SANDBOX_RUNS.err" &
  SANDBOX_PIDS+=($!)
  exec {SANDBOX_STDIN}>"$fifo"
  local tries=0
  until [ "$(wc -l <"$out")" -ge 1 ]; do
    tries=$((tries + 1))
    [ $tries -gt 200 ] && { echo "the sandbox did not start:"; cat "$WORK/sandbox.$SANDBOX_RUNS.err"; exit 1; }
    sleep 0.05
  done
  PHONECOM_SANDBOX_CONFIG=$(head -n 1 "$out")
  export PHONECOM_SANDBOX_CONFIG
  printf '%s\n' "$PHONECOM_SANDBOX_CONFIG" >"$WORK/config.json"
  export PHONECOM_CONFIG="$WORK/config.json"
}
stop_sandbox() {
  exec {SANDBOX_STDIN}>&-
  wait "${SANDBOX_PIDS[-1]}" 2>/dev/null || true
}

TESTS=(ffi-c/tests/c/*.c)
WARN=(-std=c11 -Wall -Wextra -Werror -g)

step "C suite, -fsanitize=address,undefined"
cc "${WARN[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
  "${TESTS[@]}" $CFLAGS_PC $LIBS_PC -lpthread -o "$WORK/tests-asan"
start_sandbox
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$WORK/tests-asan"
stop_sandbox
echo "AddressSanitizer, LeakSanitizer, UBSan: no report (any report fails the run)"

step "C suite under Valgrind"
cc "${WARN[@]}" "${TESTS[@]}" $CFLAGS_PC $LIBS_PC -lpthread -o "$WORK/tests-plain"
start_sandbox
vg_status=0
valgrind --log-file="$WORK/valgrind.log" --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
  --suppressions=ffi-c/tests/valgrind.supp --track-origins=yes "$WORK/tests-plain" || vg_status=$?
stop_sandbox
if [ "$vg_status" -ne 0 ]; then cat "$WORK/valgrind.log"; exit "$vg_status"; fi
echo "valgrind:"
grep -E "ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|still reachable|suppressed:" "$WORK/valgrind.log" | sed 's/^==[0-9]*==/ /'
echo "(still reachable: the catalog and other process-wide statics, by design)"

step "C examples (built with pkg-config alone; shared, then static)"
for ex in signup_flow numbers; do
  cc "${WARN[@]}" "examples/c/$ex.c" $CFLAGS_PC $LIBS_PC -o "$WORK/$ex"
done
cc "${WARN[@]}" examples/c/signup_flow.c $CFLAGS_PC \
  -Wl,-Bstatic $(pkg-config --libs-only-L phonecom) -lphonecom -Wl,-Bdynamic \
  $(pkg-config --static --libs-only-l phonecom | sed 's/-lphonecom//') -o "$WORK/signup_flow_static"
for ex in signup_flow numbers signup_flow_static; do
  start_sandbox
  echo "-- $ex"
  "$WORK/$ex" | tee "$WORK/$ex.log"
  stop_sandbox
done
grep -q "step 4: bought +1858" "$WORK/signup_flow.log"
# Prices read as prices: a free number says so rather than a bare "$0".
grep -qE '^        \+1858[0-9]{7} (free \(no one-time price\)|\$[0-9]+\.00 one-time|price on request)$' "$WORK/signup_flow.log"
if grep -E '\$0($| )' "$WORK/signup_flow.log"; then echo 'signup_flow prints a bare "$0" price'; exit 1; fi
grep -q "renamed: .* is now \"Sales line\"" "$WORK/numbers.log"
grep -q "^done$" "$WORK/signup_flow_static.log"

step "PHP suite and examples (FFI)"
export PHONECOM_LIB="$WORK/prefix/lib/libphonecom.so"
export PHONECOM_PHP_HEADER="$WORK/prefix/include/phonecom_php.h"
export PHONECOM_SANDBOX_BIN="$SANDBOX_BIN"   # PhoneCom\Sandbox::start() in the PHP suite
start_sandbox
php examples/php/tests/run.php
stop_sandbox
for ex in signup_flow numbers; do
  start_sandbox
  echo "-- $ex.php"
  php "examples/php/$ex.php" | tee "$WORK/$ex.php.log"
  stop_sandbox
done
grep -q "step 4: bought +1858" "$WORK/signup_flow.php.log"
grep -q "^done$" "$WORK/numbers.php.log"

step "C and PHP suites passed"
