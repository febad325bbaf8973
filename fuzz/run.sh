#!/usr/bin/env bash
# Build the fuzz targets once (nightly toolchain, cargo-fuzz, no sanitizer: the code under test is
# safe Rust, a panic is the finding) and run them, each from its seed corpus and the committed
# regression inputs. A crash stops the run, saves the input under fuzz/artifacts/<target>/ and
# exits non-zero.
#
#   fuzz/run.sh --smoke                 every target for 20000 executions (CI)
#   fuzz/run.sh --runs N [TARGET...]    the targets (default all) for N executions each
#   fuzz/run.sh --time SECS [TARGET...] the targets for SECS seconds each
set -euo pipefail
cd "$(dirname "$0")"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
case "${1:-}" in
  --smoke) limit=(-runs=20000); smoke=1; shift ;;
  --runs) [ $# -ge 2 ] || usage; limit=(-runs="$2"); shift 2 ;;
  --time) [ $# -ge 2 ] || usage; limit=(-max_total_time="$2"); shift 2 ;;
  *) usage ;;
esac

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz/run.sh: the nightly toolchain is missing (rustup toolchain install nightly)" >&2
  if [ "${smoke:-}" = 1 ]; then
    # CI on a machine without nightly: the regression inputs and seeds are still replayed by the
    # stable `cargo test` (core/tests/fuzz_regressions.rs); only the coverage-guided run is skipped.
    echo "fuzz/run.sh --smoke: SKIPPED the libFuzzer run; the stable replay of fuzz/regressions ran in cargo test" >&2
    exit 0
  fi
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> cargo install cargo-fuzz --locked"
  cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

# Seed corpora come from the fixtures and the catalog (fuzz/seeds.sh, a stable test build).
if [ ! -d corpus ]; then
  ./seeds.sh
fi

started=$SECONDS
cargo +nightly fuzz build --sanitizer none 2>&1 | tail -n 3
bin=target/x86_64-unknown-linux-gnu/release
echo "built in $((SECONDS - started)) s"

mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  dict=()
  [ -f "dicts/$t.dict" ] && dict=(-dict="dicts/$t.dict")
  extra=()
  [ -d "regressions/$t" ] && extra=("regressions/$t")
  t0=$(date +%s%N)
  if ! "$bin/$t" "${limit[@]}" "${dict[@]}" -seed=1 -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" "corpus/$t" "${extra[@]}" \
    >"logs/$t.log" 2>&1; then
    grep -E "panicked at|SUMMARY|Test unit written" "logs/$t.log" >&2 || tail -n 20 "logs/$t.log" >&2
    echo "fuzz target $t FAILED (log: fuzz/logs/$t.log)" >&2
    exit 1
  fi
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "logs/$t.log")
  printf '%-22s %10s executions  %7.1f s  %8d exec/s  no panic\n' "$t" "$runs" \
    "$(awk "BEGIN {print $ms / 1000}")" $(( runs * 1000 / (ms > 0 ? ms : 1) ))
done
echo "fuzz: ${#targets[@]} targets, $((SECONDS - started)) s in all"
