#!/usr/bin/env bash
# Builds every artifact users install into dist/, from one release build:
#
#   phonecom-<v>-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl   Python (+ the sdist)
#   phonecom-<v>.tgz                          npm: the prebuilt addon for linux-x64-gnu, the sandbox
#   libphonecom-<v>-linux-x86_64.tar.gz      C: shared + static library, headers, relocatable .pc
#   libphonecom_<v>_amd64.deb                 C (and PHP's library): the same, under /usr
#   phonecom-php-<v>.tar.gz                   PHP: a Composer package bundling the library
#
# Every one carries the sandbox binary. The build is `cargo zigbuild --release` for
# x86_64-unknown-linux-gnu.2.17 (glibc 2.17's symbols: manylinux2014), once, for the four crates
# together; target/x86_64-unknown-linux-gnu/release/ keeps it for the install tests
# (dist-tests/run.sh) and anything else that wants the release build. Installs its tools into
# target/dist-tools (a virtualenv: maturin, cargo-zigbuild, ziglang, auditwheel from PyPI).
# Needs the Rust toolchain and dpkg-deb; installs npm, python3-venv and binutils when missing (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh
started=$SECONDS

STAGE=$TARGET_DIR/dist-stage
export PATH="$DIST_TOOLS/bin:$PATH"

need=()
command -v npm >/dev/null || need+=(nodejs npm)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
command -v strip >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

step "packaging tools ($DIST_TOOL_PINS)"
if [ "$(cat "$DIST_TOOLS/pins" 2>/dev/null)" != "$DIST_TOOL_PINS" ]; then
  rm -rf "$DIST_TOOLS"
  python3 -m venv "$DIST_TOOLS"
  # shellcheck disable=SC2086
  "$DIST_TOOLS/bin/pip" install -q --disable-pip-version-check $DIST_TOOL_PINS
  echo "$DIST_TOOL_PINS" >"$DIST_TOOLS/pins"
fi

node_version=$(node -p 'require("./node/package.json").version')
if [ "$node_version" != "$VERSION" ]; then
  echo "node/package.json says $node_version, Cargo.toml's [workspace.package] says $VERSION: make them agree" >&2
  exit 1
fi

step "release build, once: cargo zigbuild --target $RUST_TARGET.$GLIBC (sandbox, C library, Node addon, Python module, bench/run.sh's Rust clients)"
build_started=$SECONDS
cargo zigbuild --release --target "$RUST_TARGET.$GLIBC" \
  -p phonecom-sandbox -p phonecom-ffi -p phonecom-node -p phonecom-py \
  --features phonecom-py/extension-module,phonecom-ffi/mimalloc \
  -p phonecom-bench
echo "release build: $((SECONDS - build_started)) s"
SANDBOX=$RELEASE_DIR/phonecom-sandbox
# The shipped C library allocates on mimalloc (phonecom-ffi's `mimalloc` feature, above): its
# messages are in the binary only when it is linked in.
if ! grep -q "mimalloc: " "$RELEASE_DIR/libphonecom.so"; then
  echo "libphonecom.so was built without mimalloc (the phonecom-ffi/mimalloc feature)" >&2
  exit 1
fi

rm -rf "$DIST" "$STAGE"
mkdir -p "$DIST" "$STAGE"

step "Python: the abi3 manylinux wheel and the sdist"
(cd py && maturin pep517 write-dist-info --metadata-directory "$STAGE/py" >/dev/null)
python3 scripts/dist/wheel.py --dist-info "$STAGE"/py/*.dist-info --package py/python/phonecom \
  --native "$RELEASE_DIR/libphonecom_native.so" --sandbox "$SANDBOX" \
  --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --out "$DIST"
auditwheel show "$DIST"/phonecom-"$VERSION"-*.whl | tr -s '\n' | head -n 3
maturin sdist -m py/Cargo.toml --out "$DIST" 2>&1 | tail -n 1

step "Node: the npm package with the prebuilt addon and sandbox for linux-x64-gnu"
node_stage=$STAGE/node
mkdir -p "$node_stage/prebuilt/linux-x64-gnu" "$node_stage/rust/node"
tar -C node --exclude=./node_modules --exclude=./tests --exclude='./*.node' -cf - . | tar -C "$node_stage" -xf -
install -m 0755 "$RELEASE_DIR/libphonecom_node.so" "$node_stage/phonecom.linux-x64-gnu.node"
install -m 0755 "$SANDBOX" "$node_stage/prebuilt/linux-x64-gnu/phonecom-sandbox"
# The Rust sources of the addon, for building from source where no prebuilt binary fits.
cp -r core sandbox Cargo.lock "$node_stage/rust/"
rm -rf "$node_stage/rust/core/tests" "$node_stage/rust/sandbox/tests"
cp -r node/Cargo.toml node/build.rs node/src "$node_stage/rust/node/"
cat >"$node_stage/rust/Cargo.toml" <<TOML
# The addon's sources, packed by scripts/package.sh (scripts/cargo.js builds here).
[workspace]
resolver = "2"
members = ["core", "sandbox", "node"]

$(sed -n '/^\[workspace.package\]/,$p' Cargo.toml)
TOML
(cd "$node_stage" && npm pack --silent --pack-destination "$DIST" >/dev/null)

step "C: the tarball (relocatable) and the Debian package"
c_name=libphonecom-$VERSION-linux-x86_64
c_tree=$STAGE/c/$c_name
make -s -C ffi-c install-files OUT="$RELEASE_DIR" DESTDIR="$c_tree" PREFIX= RELOCATABLE=1
strip --strip-debug "$c_tree/lib/libphonecom.a"
mkdir -p "$c_tree/share/examples"
cp examples/c/signup_flow.c "$c_tree/share/examples/"
sed "s/@VERSION@/$VERSION/g" scripts/dist/README.c.md >"$c_tree/README.md"
tar -C "$STAGE/c" --owner=0 --group=0 -czf "$DIST/$c_name.tar.gz" "$c_name"

deb_tree=$STAGE/deb
make -s -C ffi-c install-files OUT="$RELEASE_DIR" DESTDIR="$deb_tree" PREFIX=/usr LIBDIR="/usr/lib/$MULTIARCH"
strip --strip-debug "$deb_tree/usr/lib/$MULTIARCH/libphonecom.a"
mkdir -p "$deb_tree/DEBIAN" "$deb_tree/usr/share/doc/libphonecom/examples"
cp examples/c/signup_flow.c "$deb_tree/usr/share/doc/libphonecom/examples/"
sed "s/@VERSION@/$VERSION/g" scripts/dist/README.c.md >"$deb_tree/usr/share/doc/libphonecom/README.md"
cat >"$deb_tree/DEBIAN/control" <<CONTROL
Package: libphonecom
Version: $VERSION
Architecture: $DEB_ARCH
Maintainer: libphonecom maintainers <libphonecom@localhost>
Installed-Size: $(du -sk "$deb_tree/usr" | cut -f1)
Depends: libc6 (>= $GLIBC), libgcc-s1
Section: libs
Priority: optional
Description: One client for Phone.com's partner APIs and numbers.online (C API)
 libphonecom: the shared and static library, phonecom.h, phonecom_php.h (PHP's FFI),
 pkg-config files (phonecom, phonecom-static) and the phonecom-sandbox binary, a local
 stand-in for every Phone.com service.
CONTROL
echo "activate-noawait ldconfig" >"$deb_tree/DEBIAN/triggers"
dpkg-deb --root-owner-group -Zxz --build "$deb_tree" "$DIST/libphonecom_${VERSION}_$DEB_ARCH.deb" >/dev/null

step "PHP: the Composer package, bundling the library, its header and the sandbox"
php_name=phonecom-php-$VERSION
php_tree=$STAGE/php/$php_name
mkdir -p "$php_tree/lib" "$php_tree/include" "$php_tree/bin"
cp -r php/. "$php_tree/"
install -m 0755 "$RELEASE_DIR/libphonecom.so" "$php_tree/lib/libphonecom.so"
install -m 0644 include/phonecom_php.h "$php_tree/include/"
install -m 0755 "$SANDBOX" "$php_tree/bin/phonecom-sandbox"
# The released package states its version (a path repository has no tag to take it from).
python3 - "$php_tree/composer.json" "$VERSION" <<'PY'
import json, sys
path, version = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
doc = {**{k: v for k, v in doc.items() if k != "autoload"}, "version": version, "bin": ["bin/phonecom-sandbox"], "autoload": doc["autoload"]}
open(path, "w").write(json.dumps(doc, indent=4) + "\n")
PY
tar -C "$STAGE/php" --owner=0 --group=0 -czf "$DIST/$php_name.tar.gz" "$php_name"

step "dist/ ($((SECONDS - started)) s in all)"
(cd "$DIST" && ls -l --block-size=K | tail -n +2 | awk '{printf "  %8s  %s\n", $5, $9}')
