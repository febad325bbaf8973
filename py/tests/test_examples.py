"""The Python examples run against the sandbox, and type-check with mypy --strict."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Sandbox

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


def _example_module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_callcontrol_handler_example_driven_by_the_sandbox(sandbox: Sandbox) -> None:
    example = _example_module("callcontrol_handler")
    desk = example.Reception()
    server = example.serve(desk)  # wsgiref on loopback, a free port
    url = f"http://127.0.0.1:{server.server_port}/callcontrol"
    try:
        place = lambda digits, **o: example.place_call(sandbox.url, url, digits, **o)  # noqa: E731

        # 1: sales, announced
        t = place(["1"], callerIdNumber="+16195550199")
        assert t["outcome"] == "connected" and t["connected_to"] == "18585550101", t["steps"]
        assert [s["response"]["body"] for s in t["steps"]] == [
            "play-and-get-digits,Main Menu,D",
            'simple-forward-voicetag,"Sales call",18585550101',
            "",
        ]
        assert desk.finished[t["uniqueID"]] == t["duration"]

        # 2 over a form body: support with its extension dialed; unanswered, so the front desk
        t = place(["2"], method="POST", forwardResults=["no-answer", "answered"])
        assert [s["response"]["body"] for s in t["steps"]][1:3] == [
            "simple-forward,18585550102ww101",
            'multiple-forward-voicetag,"Front desk call",18585550110,18585550111',
        ]
        assert t["steps"][2]["request"]["fields"]["previous-response"] == "simple-forward,18585550102ww101"
        assert t["outcome"] == "connected" and t["connected_to"] == "18585550110", t["steps"]

        # nothing pressed: the front desk; nobody there either: hang up
        t = place([], forwardResults=["no-answer"])
        assert t["steps"][1]["request"]["fields"]["digits"] == ""
        assert t["steps"][1]["response"]["body"].startswith("multiple-forward-voicetag,")
        assert t["steps"][2]["response"]["body"] == ""
        assert t["outcome"] == "hangup", t["steps"]

        # 9, misconfigured: refused before sending, 500 with the reason, the error reported back
        t = place(["9"])
        assert t["outcome"] == "error" and t["connected_to"] is None, t["steps"]
        refused = t["steps"][1]["response"]
        assert refused["status"] == 500
        assert "callcontrol.simple-forward-voicetag: `number` must be an E.164 number" in refused["body"]
        assert t["uniqueID"] in desk.errors
        assert desk.errors[t["uniqueID"]] == t["steps"][2]["request"]["fields"]["error"]
        assert len(desk.finished) == 4
    finally:
        server.shutdown()
        server.server_close()


def test_callcontrol_handler_example_demo(config_file: Path) -> None:
    out = _run("callcontrol_handler.py", config_file)
    for line in (
        "caller presses 1: connected to 18585550101",
        "caller presses 2, support does not answer: connected to 18585550110",
        "caller presses nothing: connected to 18585550110",
        "caller presses 9 (misconfigured entry): error",
        "finished calls: 4; errors reported: 1",
        "done",
    ):
        assert line in out, out
