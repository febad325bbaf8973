#!/usr/bin/env bash
# The install tests of every artifact scripts/package.sh put in dist/: each is installed into a
# clean place with cargo and rustc hidden from PATH (a fresh virtualenv, a fresh `npm init -y`
# project, a scratch prefix and the system for the C tarball and the .deb, a fresh Composer
# project) and runs the partner sign-up flow against the sandbox shipped in that same artifact.
# Each also checks that its version is Cargo.toml's, and its binaries carry no debug info and need
# no glibc newer than 2.17. Installs what it needs (apt-get: php-cli, composer); run as root.
#
#   scripts/package.sh && dist-tests/run.sh        (scripts/test.sh runs both)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh

[ -d "$DIST" ] || { echo "no $DIST: run scripts/package.sh first" >&2; exit 1; }
remove_deb() {
  if dpkg -s libphonecom >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq libphonecom >/dev/null 2>&1 || true
  fi
}
trap remove_deb EXIT

for artifact in python node c php; do
  "dist-tests/$artifact.sh"
done
step "every artifact installed and ran the sign-up flow with no Rust toolchain"
