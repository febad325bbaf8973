#!/usr/bin/env bash
# Every test of the project: formatting and lints, the Rust workspace (core unit and integration
# tests against the sandbox, the sandbox's own tests, the examples), then each binding's suite
# when its folder has one. Installs what it needs (system packages via apt-get, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

step() { printf '\n==> %s\n' "$*"; }

# A minimal rustup profile has neither rustfmt nor clippy.
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    step "rustup component add $component"
    rustup component add "$component"
  fi
done

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo doc (core and sandbox, warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc -q -p phonecom -p phonecom-sandbox --no-deps

# The shared rate budget's tests start their own redis-server on a loopback port (and say
# SKIPPED when there is none).
if ! command -v redis-server >/dev/null 2>&1; then
  step "apt-get install redis-server (for the Redis rate budget's tests)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) \
    || echo "redis-server could not be installed: the Redis store's tests will say SKIPPED"
fi

step "cargo test (core, sandbox, examples, ffi)"
cargo test --workspace --exclude phonecom-py --exclude phonecom-node

# The one release build and every artifact users install (dist/); the Python suite tests that wheel.
step "scripts/package.sh"
./scripts/package.sh
PHONECOM_PY_WHEEL=$(ls "$PWD"/dist/phonecom-*.whl)
export PHONECOM_PY_WHEEL

step "bench/run.sh --smoke (every benchmark client, a few calls each, on that release build)"
bench/run.sh --smoke

step "fuzz/run.sh --smoke (every fuzz target, a fixed number of executions)"
fuzz/run.sh --smoke

# Binding suites: each script installs its own language packages.
for suite in ffi-c/tests/run.sh py/tests/run.sh node/tests/run.sh; do
  if [ -x "$suite" ]; then
    step "$suite"
    "$suite"
  fi
done

step "bench/fpm/run.sh --check (php-fpm workers keep their TLS upstream connections across requests: counts only)"
bench/fpm/run.sh --check

step "sandbox/tests/browser/run.sh (the dashboard in headless Chromium; screenshots in target/browser-test/)"
sandbox/tests/browser/run.sh

# Every example of every language against its own sandbox, on what the suites above built.
step "examples/run.sh (each example of each language against a fresh sandbox)"
examples/run.sh

step "dist-tests/run.sh (each artifact installed with no Rust toolchain, the flow against its sandbox)"
dist-tests/run.sh

step "all tests passed"
