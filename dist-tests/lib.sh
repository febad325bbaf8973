# Shared by the install tests: a scratch directory, a PATH with no Rust toolchain, and checks.
# Source it from the repository root, after scripts/dist/common.sh.

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# PATH without cargo and rustc: every directory that has either is dropped (~/.cargo/bin).
without_rust_path() {
  local dir out=()
  IFS=: read -r -a dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    [ -n "$dir" ] || continue
    if [ -e "$dir/cargo" ] || [ -e "$dir/rustc" ]; then continue; fi
    out+=("$dir")
  done
  (IFS=:; echo "${out[*]}")
}
export PATH="$(without_rust_path)"
unset CARGO RUSTC CARGO_HOME RUSTUP_HOME CARGO_TARGET_DIR
if command -v cargo >/dev/null || command -v rustc >/dev/null; then
  echo "cargo or rustc is still on PATH ($(command -v cargo rustc | tr '\n' ' ')): the install tests need them hidden" >&2
  exit 1
fi

fail() { echo "FAIL: $*" >&2; exit 1; }

# The sign-up flow's output must show each step (the flows and examples print these lines).
check_flow_output() {
  local log=$1
  grep -q "^step 1: created subaccount acme-12345" "$log" || fail "$log: no subaccount created"
  grep -q "^step 2: got the user's token" "$log" || fail "$log: no user token"
  grep -q "^step 3: .* numbers in NPA 858" "$log" || fail "$log: no number search"
  grep -q "^step 4: bought +1858" "$log" || fail "$log: no number bought"
}

# Equal to the one version, or fail naming what disagrees.
check_version() {
  local what=$1 seen=$2
  [ "$seen" = "$VERSION" ] || fail "$what is '$seen', Cargo.toml's [workspace.package] version is '$VERSION'"
  echo "version: $what = $seen"
}

# No debug information in a release binary (sections .debug_*).
check_no_debug_info() {
  local file=$1
  if readelf -S --wide "$file" | grep -q ' \.debug_'; then fail "$file carries debug info"; fi
}

# The newest glibc symbol version a binary needs must not pass $GLIBC.
check_glibc() {
  local file=$1 newest
  newest=$(objdump -T "$file" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  [ "$(printf '%s\n%s\n' "$newest" "$GLIBC" | sort -V | tail -n 1)" = "$GLIBC" ] ||
    fail "$file needs glibc $newest, newer than $GLIBC"
}
