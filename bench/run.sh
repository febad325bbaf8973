#!/usr/bin/env bash
# The side-by-side benchmark, in one command (see bench/README.md):
#
#   bench/run.sh            every client, 5 interleaved rounds, medians and ratios (a few minutes)
#   bench/run.sh --smoke    a few calls per client, no timing claims (CI: the harness never rots)
#   bench/run.sh --rounds 3 --calls 1000 --only Python     (options go to bench/harness.py)
#
# Installs what it needs when missing (nginx, PHP's curl extension, strace: apt-get, as root; the
# Python requests package into a virtualenv), uses the one release build and the artifacts of
# scripts/package.sh (the wheel, the npm package, libphonecom.so, phonecom-bench), and runs
# scripts/package.sh first only when they are missing. Run it on a quiet machine: other work on
# the same cores skews the figures (the load average is printed before and after).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh

smoke=0
for a in "$@"; do [ "$a" = --smoke ] && smoke=1; done

need=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v php >/dev/null || need+=(php-cli)
php -m 2>/dev/null | grep -qx curl || need+=(php-curl)
command -v strace >/dev/null || need+=(strace)
command -v cc >/dev/null || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

wheel=$(ls "$DIST"/phonecom-"$VERSION"-*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ] || [ ! -x "$RELEASE_DIR/phonecom-bench" ] || [ ! -f "$DIST/phonecom-$VERSION.tgz" ] ||
  [ ! -f "$DIST/libphonecom-$VERSION-linux-x86_64.tar.gz" ]; then
  if [ "$smoke" = 1 ]; then
    echo "bench --smoke: run scripts/package.sh first (no release build or dist/ artifacts found)" >&2
    exit 1
  fi
  step "scripts/package.sh (the release build and dist/)"
  ./scripts/package.sh
  wheel=$(ls "$DIST"/phonecom-"$VERSION"-*.whl | head -n 1)
fi

WORK=$TARGET_DIR/bench
mkdir -p "$WORK"
step "clients: the Python wheel with requests, the npm package, the C client"
venv=$WORK/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c 'import requests' 2>/dev/null ||
  "$venv/bin/python" -m pip install -q --disable-pip-version-check requests
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"
rm -rf "$WORK/node" && mkdir -p "$WORK/node"
tar -C "$WORK/node" -xzf "$DIST/phonecom-$VERSION.tgz"
# C and PHP use the C tarball users install (libphonecom.so.0 with its soname, the headers).
rm -rf "$WORK/c" && mkdir -p "$WORK/c"
tar -C "$WORK/c" --strip-components=1 -xzf "$DIST/libphonecom-$VERSION-linux-x86_64.tar.gz"
cc -O2 -I"$WORK/c/include" bench/clients/c_call.c -L"$WORK/c/lib" -lphonecom -Wl,-rpath,"$WORK/c/lib" -o "$WORK/c_call"

export PHONECOM_LIB=$WORK/c/lib/libphonecom.so.0
export PHONECOM_NODE_PACKAGE=$WORK/node/package
step "bench/harness.py $*"
exec "$venv/bin/python" bench/harness.py --release "$RELEASE_DIR" --work "$WORK" --python "$venv/bin/python" "$@"
