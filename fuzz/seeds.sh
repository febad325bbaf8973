#!/usr/bin/env bash
# Write the seed corpus of every fuzz target to fuzz/corpus/<target>/, from the test fixtures
# (core/tests/fixtures) and the catalog (every operation, sample parameters and responses). It
# runs an ignored test of the ordinary stable build (core/tests/fuzz_regressions.rs), so the
# seeds come from the same harness the targets run. Re-running rewrites the seeds and keeps what
# the fuzzer added. The corpus is not committed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test -q -p phonecom --test fuzz_regressions -- --ignored --exact write_seed_corpus
