#!/usr/bin/env bash
# The Python binding's suite, as scripts/test.sh runs it:
#   1. a virtualenv in py/.venv with maturin, pytest and mypy (created once, reused),
#   2. `pip install ./py` (maturin builds the abi3 wheel with cargo; incremental after the first run),
#   3. the sandbox binary (`cargo build -p phonecom-sandbox`),
#   4. pytest (py/tests, which also runs examples/python and checks the generated stubs),
#   5. mypy --strict on the package, the stub generator and the examples.
# Idempotent; needs only python3 (with venv) and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
venv="$root/py/.venv"
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    # Debian's python3 ships venv separately.
    rm -rf "$venv"
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$venv"
  fi
fi
pip() { "$venv/bin/python" -m pip --disable-pip-version-check -q "$@"; }
if ! "$venv/bin/python" -c "import maturin, pytest, mypy" 2>/dev/null; then
  pip install "maturin>=1.5,<2" "pytest>=7" "mypy>=1.5"
fi

echo "pip install ./py"
pip install "$root/py"

cargo build -q -p phonecom-sandbox

cd "$root/py"
"$venv/bin/python" -m pytest -q tests
echo "mypy --strict (package, stub generator, examples)"
"$venv/bin/python" -m mypy --strict python/phonecom tools "$root/examples/python"
