# Shared by scripts/package.sh and dist-tests/: where things are, and the one version.
# Source it from the repository root.

ROOT=${ROOT:-$PWD}
DIST=$ROOT/dist
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# The one release build: zig links against glibc 2.17's symbols, so one build serves the manylinux
# wheel, the Node addon, the C library and the sandbox binary.
RUST_TARGET=x86_64-unknown-linux-gnu
GLIBC=2.17
RELEASE_DIR=$TARGET_DIR/$RUST_TARGET/release
# The packaging tools (maturin, cargo-zigbuild with the ziglang package, auditwheel), pinned.
DIST_TOOLS=$TARGET_DIR/dist-tools
DIST_TOOL_PINS="maturin==1.16.0 cargo-zigbuild==0.24.0 ziglang==0.17.1 auditwheel==6.8.2"
# The version, from its one source: [workspace.package] of Cargo.toml.
VERSION=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\([^"]*\)"/\1/p' "$ROOT/Cargo.toml")
DEB_ARCH=amd64
MULTIARCH=x86_64-linux-gnu

step() { printf '\n==> %s\n' "$*"; }
