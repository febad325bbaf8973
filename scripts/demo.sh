#!/usr/bin/env bash
# The main job: the partner sign-up flow (examples/rust) against a sandbox it starts itself.
# Each step is printed. Needs only the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet -p phonecom-examples --bin signup-flow
