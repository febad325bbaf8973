#!/usr/bin/env python3
"""Generate ``python/phonecom/_client.pyi`` from the core's catalog.

Every catalog operation becomes a typed method of its namespace (``client.v4.create_account_subaccount``)
with its parameters as keyword arguments; lists get ``iter()``/``pages()``; ``AsyncClient``
gets the same surface returning awaitables. The catalog is read from the installed package
(``phonecom._native.catalog_json()``), so build or install the wheel first::

    pip install ./py && python py/tools/gen_stubs.py            # rewrite the stub
    python py/tools/gen_stubs.py --check                          # exit 1 if the stub is stale

``py/tests/test_stubs.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

STUB = Path(__file__).resolve().parent.parent / "python" / "phonecom" / "_client.pyi"

# Upstream response schema -> TypedDict of phonecom.types. Lists are `ListResult[item]`.
ENTITIES = {
    "AccountFull": "Account",
    "AvailableNumbersFull": "AvailablePhoneNumber",
    "PhoneNumberFull": "PhoneNumber",
    "SmsFull": "Sms",
    "CallFull": "Call",
    "CallLogFull": "CallLog",
    "UserToken": "UserToken",
    "Signup": "Signup",
    "XmlCallList": "XmlCallList",
}
LISTS = {
    "ListAccounts": "Account",
    "ListAvailableNumbers": "AvailablePhoneNumber",
    "ListPhoneNumbers": "PhoneNumber",
    "ListSms": "Sms",
    "ListCallLogs": "CallLog",
}
# Lists walked by something other than limit/offset (the core's `Pages`, core/src/v4/list.rs):
# result schema -> (item type, the keyword arguments of iter()/pages()).
WALKS = {
    "XmlCallList": (
        "XmlCallRecord",
        "self, *, startTime: int, endTime: int, limit: Optional[int] = ...",
        "Every call from ``startTime`` to ``endTime`` (Unix epoch seconds, both included), each once,\n"
        "oldest window first: the range is fetched window by window, and a window that comes back\n"
        "full (500 rows) is split in two. ``limit`` is the page size (default 100).",
    ),
}
# Object parameters that are contacts.
CONTACT_PARAMS = {"contact", "billing_contact"}


def _naming() -> Any:
    from phonecom import _naming

    return _naming


def load_catalog() -> Dict[str, Any]:
    from phonecom import _native

    doc: Dict[str, Any] = json.loads(_native.catalog_json())
    return doc


def param_type(family: str, p: Mapping[str, Any]) -> str:
    t = p["type"]
    if t == "string":
        allowed = p.get("enum") or []
        return "Literal[" + ", ".join(json.dumps(a) for a in allowed) + "]" if allowed else "str"
    if t == "integer":
        return "int"
    if t == "number":
        return "float"
    if t == "boolean":
        return "bool"
    if t == "array":
        return "Sequence[Any]"
    if t == "object":
        return "Contact" if p["name"] in CONTACT_PARAMS else "Mapping[str, Any]"
    if t == "file":
        return "FileParam"
    # Keys stay `str` (Mapping is invariant in its key type, so Literal keys would refuse a
    # plain dict variable); the allowed fields are listed in the docstring.
    if t == "filters":
        return "Mapping[str, Union[str, Sequence[str]]]"
    if t == "sort":
        return "Mapping[str, str]"
    raise SystemExit(f"gen_stubs: unknown parameter type {t!r} of {p['name']}")


def returns(op: Mapping[str, Any], schemas: Mapping[str, Any]) -> Tuple[str, Optional[str]]:
    """(result type, item type for lists)."""
    r = op.get("returns")
    if r in WALKS:
        return ENTITIES[r], WALKS[r][0]
    if r in ENTITIES:
        return ENTITIES[r], None
    if r in LISTS:
        return f"ListResult[{LISTS[r]}]", LISTS[r]
    if op.get("pageable") or (r or "").startswith("List"):
        return "ListResult[Dict[str, Any]]", "Dict[str, Any]"
    schema = schemas.get(r) if r else None
    if schema is None:
        return "Any", None
    if schema.get("type") == "object" or "properties" in schema:
        return "Dict[str, Any]", None
    if schema.get("type") == "array":
        return "List[Any]", None
    return "Any", None


def docstring(text: str, indent: str) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        # A quote right before the closing triple quote would end the string early.
        text = text[:-1] + '\\"'
    lines = [(indent + line) if line else "" for line in text.splitlines()]
    lines[0] = lines[0][len(indent):]
    return indent + '"""' + "\n".join(lines) + '"""'


def op_doc(op: Mapping[str, Any], naming: Any) -> str:
    lines = [op["doc"].rstrip(".") + ".", "", f"``{op['name']}``: {op['method']} {op['path']}"]
    documented = [p for p in op["params"] if p.get("doc")]
    if documented:
        lines.append("")
        for p in documented:
            extra = ""
            if p.get("fields"):
                extra = f" (fields: {', '.join(p['fields'])})"
            lines.append(f"{naming.parameter(p['name'])}: {p['doc']}{extra}")
    return "\n".join(lines)


def signature(op: Mapping[str, Any], naming: Any) -> str:
    required: List[str] = []
    optional: List[str] = []
    seen = set()
    for p in op["params"]:
        name = naming.parameter(p["name"])
        # A name listed twice (a path and a body field of one name) is one keyword: the first
        # entry, as the core's `Operation::param` reads it.
        if name in seen:
            continue
        seen.add(name)
        ty = param_type(op["family"], p)
        # A parameter the configuration fills when left out (v4 `account_id`) is optional.
        if p.get("required") and not p.get("prefilled"):
            required.append(f"{name}: {ty}")
        else:
            optional.append(f"{name}: Optional[{ty}] = ...")
    params = required + optional
    return "self, *, " + ", ".join(params) if params else "self"


def class_name(prefix: str, path: Tuple[str, ...]) -> str:
    return prefix + "_".join(path)


def generate() -> str:
    naming = _naming()
    doc = load_catalog()
    ops = {op["name"]: op for op in doc["operations"]}
    tree: Dict[str, Any] = {}
    for name in sorted(ops):
        node = tree
        parts = naming.path(name)
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise SystemExit(f"gen_stubs: {name} clashes with another entry")
        if parts[-1] in node:
            raise SystemExit(f"gen_stubs: two entries are named {'.'.join(parts)} in Python")
        node[parts[-1]] = name

    out: List[str] = [
        "# Generated by py/tools/gen_stubs.py from the core's catalog. Do not edit: rerun the script.",
        f"# {len(ops)} operations.",
        "import os",
        "from typing import Any, AsyncIterator, Dict, Iterator, List, Literal, Mapping, Optional, Sequence, Union",
        "",
        "from .types import (",
        "    Account,",
        "    AvailablePhoneNumber,",
        "    Call,",
        "    CallLog,",
        "    Contact,",
        "    FileParam,",
        "    ListResult,",
        "    Page,",
        "    PhoneNumber,",
        "    Signup,",
        "    Sms,",
        "    UserToken,",
        "    XmlCallList,",
        "    XmlCallRecord,",
        ")",
        "",
        '__all__ = ["Client", "AsyncClient", "Response", "Operation", "AsyncOperation", "Namespace", "catalog"]',
        "",
        "def catalog() -> List[Dict[str, Any]]: ...",
        "",
        "class Response:",
        "    data: Any",
        "    status: int",
        "    request_id: str",
        "    attempts: int",
        "    def __init__(self, data: Any, status: int, request_id: str, attempts: int) -> None: ...",
        "",
        "class _OperationInfo:",
        "    name: str",
        "    @property",
        "    def doc(self) -> str: ...",
        "    @property",
        "    def spec(self) -> Dict[str, Any]: ...",
        "    @property",
        "    def pageable(self) -> bool: ...",
        "",
        "class Operation(_OperationInfo):",
        "    def __call__(self, **params: Any) -> Any: ...",
        "    def iter(self, **params: Any) -> Iterator[Any]: ...",
        "    def pages(self, **params: Any) -> Iterator[Page[Any]]: ...",
        "",
        "class AsyncOperation(_OperationInfo):",
        "    async def __call__(self, **params: Any) -> Any: ...",
        "    def iter(self, **params: Any) -> AsyncIterator[Any]: ...",
        "    def pages(self, **params: Any) -> AsyncIterator[Page[Any]]: ...",
        "",
        "class Namespace:",
        "    def __dir__(self) -> List[str]: ...",
        "",
    ]

    # One class per operation, sync and async.
    for name in sorted(ops):
        op = ops[name]
        path = naming.path(name)
        result, item = returns(op, doc.get("schemas", {}))
        sig = signature(op, naming)
        ds = docstring(op_doc(op, naming), "        ")
        for asynchronous in (False, True):
            cls = class_name("_AsyncOp_" if asynchronous else "_Op_", path)
            out.append(f"class {cls}(_OperationInfo):")
            if asynchronous:
                out.append(f"    async def __call__({sig}) -> {result}:")
            else:
                out.append(f"    def __call__({sig}) -> {result}:")
            out.append(ds)
            out.append("        ...")
            if item is not None and op.get("pageable"):
                it = "AsyncIterator" if asynchronous else "Iterator"
                walk = WALKS.get(op.get("returns") or "")
                row_doc = "Every row of the list, fetched a page at a time (``limit`` is the page size)."
                walk_sig = sig
                if walk is not None:
                    walk_sig, row_doc = walk[1], walk[2]
                out.append(f"    def iter({walk_sig}) -> {it}[{item}]:")
                out.append(docstring(row_doc, "        "))
                out.append("        ...")
                out.append(f"    def pages({walk_sig}) -> {it}[Page[{item}]]:")
                out.append(docstring("The list page by page.", "        "))
                out.append("        ...")
            out.append("")

    # Namespaces, deepest first so that every class is defined before use.
    def namespaces(node: Mapping[str, Any], path: Tuple[str, ...], asynchronous: bool) -> None:
        for key in sorted(node):
            child = node[key]
            if isinstance(child, dict):
                namespaces(child, path + (key,), asynchronous)
        prefix = "_AsyncNs_" if asynchronous else "_Ns_"
        cls = class_name(prefix, path)
        out.append(f"class {cls}(Namespace):")
        for key in sorted(node):
            child = node[key]
            if isinstance(child, dict):
                out.append(f"    {key}: {class_name(prefix, path + (key,))}")
            else:
                op_prefix = "_AsyncOp_" if asynchronous else "_Op_"
                out.append(f"    {key}: {class_name(op_prefix, naming.path(child))}")
        out.append("")

    for family in sorted(tree):
        namespaces(tree[family], (family,), False)
        namespaces(tree[family], (family,), True)

    for asynchronous in (False, True):
        cls = "AsyncClient" if asynchronous else "Client"
        prefix = "_AsyncNs_" if asynchronous else "_Ns_"
        aw = "async def" if asynchronous else "def"
        out += [
            f"class {cls}:",
            *[f"    {family}: {prefix}{family}" for family in sorted(tree)],
            "    def __init__(self, config: Union[None, str, Mapping[str, Any]] = None, **overrides: Any) -> None: ...",
            "    @classmethod",
            f"    def from_env(cls, **overrides: Any) -> {cls}: ...",
            "    @classmethod",
            f'    def from_file(cls, path: Union[str, "os.PathLike[str]"], **overrides: Any) -> {cls}: ...',
            f"    {aw} call(self, name: str, params: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, deadline: Optional[float] = None, max_attempts: Optional[int] = None) -> Any: ...",
            f"    {aw} call_with_response(self, name: str, params: Optional[Mapping[str, Any]] = None, *, timeout: Optional[float] = None, deadline: Optional[float] = None, max_attempts: Optional[int] = None) -> Response: ...",
            f"    def with_options(self, *, timeout: Optional[float] = None, deadline: Optional[float] = None, max_attempts: Optional[int] = None) -> {cls}: ...",
            f"    def with_v4_token(self, token: str, account_id: Optional[int] = None) -> {cls}: ...",
            "    @property",
            "    def user_agent(self) -> str: ...",
            "    def redact(self, text: str) -> str: ...",
            "    @property",
            "    def closed(self) -> bool: ...",
        ]
        if asynchronous:
            out += [
                "    async def aclose(self) -> None: ...",
                "    async def __aenter__(self) -> AsyncClient: ...",
                "    async def __aexit__(self, *exc: Any) -> None: ...",
            ]
        else:
            out += [
                "    def close(self) -> None: ...",
                "    def __enter__(self) -> Client: ...",
                "    def __exit__(self, *exc: Any) -> None: ...",
            ]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed stub differs")
    ap.add_argument("--output", type=Path, default=STUB)
    args = ap.parse_args()
    text = generate()
    if args.check:
        current = args.output.read_text() if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run python py/tools/gen_stubs.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
