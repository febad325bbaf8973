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
