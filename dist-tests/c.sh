#!/usr/bin/env bash
# The C artifacts with no Rust toolchain on PATH. The tarball, unpacked into a scratch prefix:
# pkg-config through PKG_CONFIG_PATH alone (the .pc files are relocatable), a program linked
# against the shared library (rpath) and one linked statically. The .deb, installed into the system
# with apt-get: `cc app.c $(pkg-config --cflags --libs phonecom)` with no variable set. Each program
# is the sign-up example the package ships, run against the sandbox binary the same package ships.
# Leaves the .deb installed (dist-tests/php.sh loads its library), removed by run.sh at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh
. dist-tests/lib.sh

need=()
command -v cc >/dev/null || need+=(gcc libc6-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Run the sandbox binary $1 (with --exit-on-eof, on a pipe this script holds) while program $2 runs
# with PHONECOM_CONFIG; the program's output goes to $3 and is checked.
run_flow() {
  local sandbox=$1 program=$2 log=$3
  coproc SANDBOX { "$sandbox" --exit-on-eof; }
  local config
  read -r config <&"${SANDBOX[0]}"
  printf '%s\n' "$config" >"$WORK/config.json"
  PHONECOM_CONFIG=$WORK/config.json "$program" | tee "$log"
  eval "exec ${SANDBOX[1]}>&-"
  wait "$SANDBOX_PID" || true
  check_flow_output "$log"
}

# Build and check a program that prints the version the header and the library report.
check_c_versions() {
  local label=$1
  shift
  printf '#include <phonecom.h>\n#include <stdio.h>\nint main(void) { printf("%%s %%s\\n", PHONECOM_VERSION_STRING, phonecom_version()); return 0; }\n' >"$WORK/version.c"
  cc "$WORK/version.c" "$@" -o "$WORK/version"
  read -r header library < <("$WORK/version")
  check_version "PHONECOM_VERSION_STRING ($label)" "$header"
  check_version "phonecom_version() ($label)" "$library"
}

tarball=$DIST/libphonecom-$VERSION-linux-x86_64.tar.gz
step "C: $(basename "$tarball") in a scratch prefix"
tar -C "$WORK" -xzf "$tarball"
prefix=$WORK/libphonecom-$VERSION-linux-x86_64
check_no_debug_info "$prefix/lib/libphonecom.a"
for binary in "$prefix/lib/libphonecom.so.$VERSION" "$prefix/bin/phonecom-sandbox"; do
  check_no_debug_info "$binary"
  check_glibc "$binary"
done
(
  export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
  check_version "pkg-config --modversion phonecom (tarball)" "$(pkg-config --modversion phonecom)"
  [ "$(pkg-config --variable=libdir phonecom)" -ef "$prefix/lib" ] || fail "the tarball's .pc does not point at its own lib/"
  example=$prefix/share/examples/signup_flow.c
  cc "$example" $(pkg-config --cflags --libs phonecom) -Wl,-rpath,"$(pkg-config --variable=libdir phonecom)" -o "$WORK/flow-shared"
  cc "$example" $(pkg-config --cflags --libs phonecom-static) -o "$WORK/flow-static"
  if readelf -d "$WORK/flow-static" | grep -q 'libphonecom'; then fail "the static program still needs libphonecom.so"; fi
  check_c_versions tarball $(pkg-config --cflags --libs phonecom-static)
  echo "-- shared (rpath)"
  run_flow "$prefix/bin/phonecom-sandbox" "$WORK/flow-shared" "$WORK/shared.log"
  echo "-- static"
  run_flow "$prefix/bin/phonecom-sandbox" "$WORK/flow-static" "$WORK/static.log"
)

deb=$DIST/libphonecom_${VERSION}_$DEB_ARCH.deb
step "C: $(basename "$deb") into the system"
check_version "the .deb's version" "$(dpkg-deb -f "$deb" Version)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
(
  unset PKG_CONFIG_PATH LD_LIBRARY_PATH
  check_version "pkg-config --modversion phonecom (.deb)" "$(pkg-config --modversion phonecom)"
  example=/usr/share/doc/libphonecom/examples/signup_flow.c
  cc "$example" $(pkg-config --cflags --libs phonecom) -o "$WORK/deb-shared"
  cc "$example" $(pkg-config --cflags --libs phonecom-static) -o "$WORK/deb-static"
  check_c_versions .deb $(pkg-config --cflags --libs phonecom)
  echo "-- the README's first program"
  cc dist-tests/flows/first.c $(pkg-config --cflags --libs phonecom) -o "$WORK/first"
  coproc SANDBOX { phonecom-sandbox --exit-on-eof; }
  read -r config <&"${SANDBOX[0]}"
  printf '%s\n' "$config" | "$WORK/first" | tee "$WORK/first.log"
  eval "exec ${SANDBOX[1]}>&-"
  wait "$SANDBOX_PID" || true
  grep -q "^created subaccount acme-12345" "$WORK/first.log" || fail "the first program did not sign up"
  echo "-- shared"
  run_flow /usr/bin/phonecom-sandbox "$WORK/deb-shared" "$WORK/deb-shared.log"
  echo "-- static"
  run_flow /usr/bin/phonecom-sandbox "$WORK/deb-static" "$WORK/deb-static.log"
)
