#!/usr/bin/env bash
# Creates py/.venv (once) with the Python build and test tools: maturin, pytest, mypy.
# Used by py/tests/run.sh and scripts/regen.sh. Needs python3 (PYTHON to pick another).
set -euo pipefail
cd "$(dirname "$0")/../.."
venv="$PWD/py/.venv"
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    # Debian's python3 ships venv separately.
    rm -rf "$venv"
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$venv"
  fi
fi
if ! "$venv/bin/python" -c "import maturin, pytest, mypy" 2>/dev/null; then
  "$venv/bin/python" -m pip --disable-pip-version-check -q install "maturin>=1.5,<2" "pytest>=7" "mypy>=1.5"
fi
