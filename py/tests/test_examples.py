"""The Python examples run against the sandbox, and type-check with mypy --strict."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"


def _run(script: str, config_file: Path) -> str:
    env = dict(os.environ, PHONECOM_CONFIG=str(config_file))
    out = subprocess.run([sys.executable, str(EXAMPLES / script)], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"stdout:\n{out.stdout}\nstderr:\n{out.stderr}"
    return out.stdout


def test_signup_flow_example(config_file: Path) -> None:
    out = _run("signup_flow.py", config_file)
    for step in ("step 1: created subaccount acme-12345", "step 2: got the user's token", "step 3:", "step 4: bought +1858", "done"):
        assert step in out, out


def test_number_operations_example(config_file: Path) -> None:
    out = _run("number_operations.py", config_file)
    for line in ("normalised", "numbers in 619 under $100", "bought +1619", "sent SMS", "refused before sending: to", "done"):
        assert line in out, out


def test_examples_pass_mypy_strict() -> None:
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (py/tests/run.sh installs it)")
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(EXAMPLES)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
