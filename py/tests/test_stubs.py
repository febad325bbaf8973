"""The committed stubs are what the generator makes from the catalog, and name every operation
with every parameter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Dict, Set

import phonecom
from phonecom import _naming

PY = Path(__file__).resolve().parents[1]
STUB = PY / "python" / "phonecom" / "_client.pyi"


def test_committed_stub_is_current() -> None:
    out = subprocess.run(
        [sys.executable, str(PY / "tools" / "gen_stubs.py"), "--check"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def _classes() -> Dict[str, ast.ClassDef]:
    tree = ast.parse(STUB.read_text())
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def _call_keywords(cls: ast.ClassDef) -> Set[str]:
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "__call__":
            return {a.arg for a in node.args.kwonlyargs}
    raise AssertionError(f"{cls.name} has no __call__")


def test_stub_names_every_operation_and_parameter() -> None:
    classes = _classes()
    for op in phonecom.catalog():
        path = _naming.path(op["name"])
        for prefix in ("_Op_", "_AsyncOp_"):
            cls = classes.get(prefix + "_".join(path))
            assert cls is not None, f"{op['name']} has no {prefix} class"
            assert _call_keywords(cls) == {_naming.parameter(p["name"]) for p in op["params"]}, op["name"]
            has_iter = any(isinstance(n, ast.FunctionDef) and n.name == "iter" for n in cls.body)
            assert has_iter == bool(op.get("pageable")), op["name"]
        # reachable from the client classes through the namespace classes
        for client, ns in (("Client", "_Ns_"), ("AsyncClient", "_AsyncNs_")):
            owner = classes[client]
            for depth, part in enumerate(path):
                ann = {
                    n.target.id: ast.unparse(n.annotation)
                    for n in owner.body
                    if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
                }
                assert part in ann, f"{op['name']}: `{part}` missing in {owner.name}"
                if depth + 1 < len(path):
                    owner = classes[ann[part]]
                else:
                    assert ann[part].endswith("_".join(path))


def test_type_checker_catches_wrong_names_and_types(tmp_path: Path) -> None:
    import importlib.util

    import pytest

    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (py/tests/run.sh installs it)")
    ok = tmp_path / "ok.py"
    ok.write_text(
        "import phonecom\n"
        "from phonecom.types import AvailablePhoneNumber\n"
        "c = phonecom.Client()\n"
        "n: AvailablePhoneNumber = next(c.v4.list_available_phone_numbers.iter(filters={'npa': 'eq:858'}))\n"
        "a = c.v4.create_account_subaccount(username='u', password='p')\n"
        "i: int = a['id']\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import phonecom\n"
        "c = phonecom.Client()\n"
        "c.v4.no_such_operation()\n"
        "c.v4.create_account_subaccount(username=1, password='p')\n"
        "c.v4.create_account_subaccount(password='p')\n"
    )
    run = lambda f: subprocess.run([sys.executable, "-m", "mypy", "--strict", str(f)], capture_output=True, text=True)  # noqa: E731
    good = run(ok)
    assert good.returncode == 0, good.stdout
    out = run(bad).stdout
    assert 'has no attribute "no_such_operation"' in out
    assert 'Argument "username"' in out
    assert 'Missing named argument "username"' in out


def test_type_checker_knows_call_control_and_the_call_list_walk(tmp_path: Path) -> None:
    import importlib.util

    import pytest

    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (py/tests/run.sh installs it)")
    ok = tmp_path / "ok.py"
    ok.write_text(
        "from typing import Iterator\n"
        "import phonecom\n"
        "from phonecom import callcontrol as cc\n"
        "from phonecom.types import XmlCallRecord\n"
        "c = phonecom.Client()\n"
        "walk: Iterator[XmlCallRecord] = c.xml.get_call_list.iter(startTime=0, endTime=1, limit=500)\n"
        "t: int = next(walk)['startTime']\n"
        "rows = c.xml.get_call_list(startTime=0, endTime=1)['data']['items']\n"
        "call: cc.CallRequest = cc.parse_request('uniqueID=a&dialedNumber=1')\n"
        "ev: cc.Event = call.event\n"
        "line: str = cc.render(cc.simple_forward('+18585550100', dtmf='w1'))\n"
        "cmd: cc.Command = cc.parse_command(line)\n"
        "@cc.wsgi_app\n"
        "def app(call: cc.CallRequest) -> cc.Answer:\n"
        "    return cc.play_and_get_digits('Main Menu', ['D']) if call.event == 'new_call' else None\n"
        "class Desk(cc.Handler):\n"
        "    def new_call(self, call: cc.CallRequest) -> cc.Answer:\n"
        "        return {'command': 'multiple-forward', 'numbers': ['+18585550100']}\n"
        "from wsgiref.simple_server import make_server\n"
        "make_server('127.0.0.1', 0, app)\n"
        "make_server('127.0.0.1', 0, Desk())\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import phonecom\n"
        "from phonecom import callcontrol as cc\n"
        "c = phonecom.Client()\n"
        "c.xml.get_call_list.iter(startTime=0)\n"
        "c.xml.get_call_list.iter(startTime=0, endTime=1, clTRID='x')\n"
        "cc.simple_forward(18585550100)\n"
        "x: cc.Command = {'command': 'hangup'}\n"
        "e: cc.Event = 'ringing'\n"
    )
    run = lambda f: subprocess.run([sys.executable, "-m", "mypy", "--strict", str(f)], capture_output=True, text=True)  # noqa: E731
    good = run(ok)
    assert good.returncode == 0, good.stdout
    out = run(bad).stdout
    assert 'Missing named argument "endTime"' in out, out
    assert 'Unexpected keyword argument "clTRID"' in out, out
    assert 'Argument 1 to "simple_forward" has incompatible type "int"' in out, out
    assert out.count("error:") >= 5, out
