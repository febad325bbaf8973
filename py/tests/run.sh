#!/usr/bin/env bash
# The Python binding's suite, as scripts/test.sh runs it:
#   1. a virtualenv in py/.venv with maturin, pytest and mypy (created once, reused),
#   2. `pip install ./py` (maturin builds the abi3 wheel with cargo; incremental after the first run),
#      or the wheel PHONECOM_PY_WHEEL names (scripts/test.sh: the one scripts/package.sh built),
#   3. the sandbox binary (`cargo build -p phonecom-sandbox`),
#   4. pytest (py/tests, which also runs examples/python and checks the generated stubs),
#   5. mypy --strict on the package, the stub generator and the examples.
# Idempotent; needs only python3 (with venv) and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
venv="$root/py/.venv"

"$root/py/tests/setup-venv.sh"
pip() { "$venv/bin/python" -m pip --disable-pip-version-check -q "$@"; }

if [ -n "${PHONECOM_PY_WHEEL:-}" ]; then
  # scripts/test.sh: the release wheel scripts/package.sh built (no second release build).
  echo "pip install $PHONECOM_PY_WHEEL"
  pip install --force-reinstall --no-deps "$PHONECOM_PY_WHEEL"
else
  echo "pip install ./py"
  pip install "$root/py"
fi

cargo build -q -p phonecom-sandbox

cd "$root/py"
"$venv/bin/python" -m pytest -q tests
echo "mypy --strict (package, stub generator, examples)"
"$venv/bin/python" -m mypy --strict python/phonecom tools "$root/examples/python"
