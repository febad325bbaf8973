#!/usr/bin/env bash
# The Composer package, required by a fresh Composer project (Debian's composer, a path repository,
# no Packagist) with no Rust toolchain on PATH. The sign-up flow runs against the sandbox the
# package bundles (PhoneCom\Sandbox::start()) three ways: with the .deb installed (the library from
# the system loader's path), without it (the library bundled in the package), and with
# PHONECOM_LIB naming the bundled file; with neither, the exception names PHONECOM_LIB and the .deb.
# Expects dist-tests/c.sh to have installed the .deb; removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/dist/common.sh
. dist-tests/lib.sh

need=()
command -v php >/dev/null || need+=(php-cli)
command -v composer >/dev/null || need+=(composer)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! php -m | grep -qx FFI; then
  mkdir -p "$WORK/php.d"
  printf 'extension=ffi\nffi.enable=1\n' >"$WORK/php.d/ffi.ini"
  export PHP_INI_SCAN_DIR=":$WORK/php.d"
  php -m | grep -qx FFI || fail "PHP's FFI extension is missing"
fi
export COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_NO_INTERACTION=1 COMPOSER_HOME=$WORK/composer-home
unset PHONECOM_LIB PHONECOM_PHP_HEADER PHONECOM_SANDBOX_BIN

tarball=$DIST/phonecom-php-$VERSION.tar.gz
step "PHP: $(basename "$tarball") through Composer"
tar -C "$WORK" -xzf "$tarball"
app=$WORK/app
mkdir -p "$app"
cp dist-tests/flows/signup.php "$app/"
(
  cd "$app"
  composer init --quiet --name acme/portal
  composer config repo.packagist false
  composer config repositories.phonecom "{\"type\": \"path\", \"url\": \"$WORK/phonecom-php-$VERSION\", \"options\": {\"symlink\": false}}"
  composer require --quiet "phonecom/libphonecom:$VERSION"
)
pkg=$app/vendor/phonecom/libphonecom
[ -f "$pkg/lib/libphonecom.so" ] || fail "the package has no bundled library"

flow() {
  local label=$1 log=$WORK/flow-$1.log
  echo "-- $label"
  (cd "$app" && php signup.php) | tee "$log"
  check_flow_output "$log"
  check_version "PhoneCom::version() ($label)" "$(cd "$app" && php -r 'require "vendor/autoload.php"; echo PhoneCom\PhoneCom::version();')"
}
loaded_library() {
  (cd "$app" && php -r 'require "vendor/autoload.php"; PhoneCom\Library::ffi(); echo implode("\n", file("/proc/self/maps"));') |
    grep -o '/[^ ]*libphonecom\.so[^ ]*' | sort -u
}

dpkg -s libphonecom >/dev/null 2>&1 || fail "the .deb is not installed (run dist-tests/c.sh first)"
[ "$(loaded_library)" = "/usr/lib/$MULTIARCH/libphonecom.so.$VERSION" ] || fail "with the .deb installed, PHP loaded $(loaded_library)"
flow system-library

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq libphonecom >/dev/null
[ "$(loaded_library)" -ef "$pkg/lib/libphonecom.so" ] || fail "without the .deb, PHP loaded $(loaded_library)"
flow bundled-library
PHONECOM_LIB=$pkg/lib/libphonecom.so flow PHONECOM_LIB

mv "$pkg/lib/libphonecom.so" "$WORK/hidden.so"
(cd "$app" && php -r 'require "vendor/autoload.php"; try { PhoneCom\PhoneCom::version(); } catch (PhoneCom\LibraryNotFoundException $e) { echo $e->getMessage(); exit(0); } exit(1);') >"$WORK/missing.txt" ||
  fail "no exception when no library can be found"
grep -q PHONECOM_LIB "$WORK/missing.txt" && grep -q "libphonecom_<version>_amd64.deb" "$WORK/missing.txt" ||
  fail "the not-found message does not name PHONECOM_LIB and the .deb: $(cat "$WORK/missing.txt")"
echo "no library: $(cat "$WORK/missing.txt")"
mv "$WORK/hidden.so" "$pkg/lib/libphonecom.so"
check_version "the Composer package's version" "$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["version"];' "$pkg/composer.json")"
