#!/usr/bin/env python3
"""Generate ``python/phonecom/_client.pyi`` and ``python/phonecom/_schemas.py`` from the core's catalog.

Every catalog result schema becomes a ``TypedDict`` in ``_schemas.py`` (re-exported by
``phonecom.types``): keys the schema requires are required, the others may be missing
(``total=False``), fields that may be null are ``Optional`` (see ``nullable``), nested objects get
TypedDicts named after their path (``XmlCallList.data`` is ``XmlCallListData``), arrays are
``List[...]``, small enums ``Literal[...]``. Every catalog operation becomes a typed method of its
namespace (``client.v4.create_account_subaccount``) with its parameters as keyword arguments and
its result typed by its ``returns`` schema; lists get ``iter()``/``pages()`` yielding the rows the
catalog's ``paging.rows`` names (with the walk's own parameters when ``paging.walk`` lists them);
``AsyncClient`` gets the same surface returning awaitables. Everything comes from the catalog:
this script knows no family, operation or schema by name (corrections to the upstream's schemas
are made in tools/gen_schemas.py, so index.d.ts gets them too; py/tests/test_types_agree.py
checks that the two agree). The catalog is
read from the installed package (``phonecom._native.catalog_json()``), so build or install the
wheel first::

    pip install ./py && python py/tools/gen_stubs.py            # rewrite both files
    python py/tools/gen_stubs.py --check                          # exit 1 if either file is stale

``py/tests/test_stubs.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

PACKAGE = Path(__file__).resolve().parent.parent / "python" / "phonecom"
STUB = PACKAGE / "_client.pyi"
SCHEMAS = PACKAGE / "_schemas.py"

# The request type of an object parameter whose catalog entry names no `schema`.
OBJECT_PARAM = "Mapping[str, Any]"
# Options every call() form takes (seconds, as Client.call documents).
CALL_OPTIONS = "*, timeouts: Optional[Mapping[str, float]] = None, deadline: Optional[float] = None, max_attempts: Optional[int] = None, headers: Optional[Mapping[str, str]] = None, timeout: Optional[float] = None"


def _naming() -> Any:
    from phonecom import _naming

    return _naming


def load_catalog() -> Dict[str, Any]:
    from phonecom import _native

    doc: Dict[str, Any] = json.loads(_native.catalog_json())
    return doc


def param_type(p: Mapping[str, Any], schema_names: Optional[Mapping[str, str]] = None) -> str:
    """The Python type of a catalog parameter; an object parameter with a `schema` is that
    schema's TypedDict (its required keys required), given the schema -> Python name map."""
    t = p["type"]
    if t == "string":
        allowed = p.get("enum") or []
        return "Literal[" + ", ".join(json.dumps(a) for a in allowed) + "]" if allowed else "str"
    if t == "integer":
        allowed = p.get("enum") or []
        numeric = allowed and all(str(v).lstrip("-").isdigit() for v in allowed)
        return "Literal[" + ", ".join(str(int(v)) for v in allowed) + "]" if numeric else "int"
    if t == "number":
        return "float"
    if t == "boolean":
        if p.get("enum"):
            # Only some values are accepted (a one-way `disabled: true`).
            return "Literal[" + ", ".join(str(v == "true") for v in p["enum"]) + "]"
        # A Y/N flag (v1 flags, v4 media's is_temparary) is also taken in its wire form.
        return 'Union[bool, Literal["Y", "N"]]' if p.get("format") == "yn" else "bool"
    if t == "array":
        return "Sequence[Any]"
    if t == "object":
        schema = p.get("schema")
        return (schema_names or {}).get(schema, OBJECT_PARAM) if schema else OBJECT_PARAM
    if t == "file":
        return "FileParam"
    # Keys stay `str` (Mapping is invariant in its key type, so Literal keys would refuse a
    # plain dict variable); the allowed fields are listed in the docstring.
    if t == "filters":
        # A filter the specification types as a bare boolean (v4 voicemail's is_new) takes a bool.
        if p.get("boolean_fields"):
            return "Mapping[str, Union[str, bool, Sequence[str]]]"
        return "Mapping[str, Union[str, Sequence[str]]]"
    if t == "sort":
        return 'Mapping[str, Literal["asc", "desc"]]'
    raise SystemExit(f"gen_stubs: unknown parameter type {t!r} of {p['name']}")


# The row type of a list whose result has no schema (its rows are objects).
UNTYPED_ROW = "Dict[str, Any]"


def returns(op: Mapping[str, Any], types: "SchemaTypes") -> Tuple[str, Optional[str]]:
    """(result type, row type for lists): the `returns` schema's type (`Any` without one), and
    for an operation with `paging` the type of the array its `paging.rows` path leads to."""
    r = op.get("returns")
    schema = types.schemas.get(r) if r else None
    name = types.names[str(r)] if isinstance(schema, dict) else "Any"
    paging = op.get("paging")
    if not paging:
        return name, None
    rows: Any = schema
    for key in paging["rows"]:
        if isinstance(rows, dict) and "ref" in rows:
            rows = types.schemas.get(rows["ref"])
        rows = ((rows or {}).get("properties") or {}).get(key) if isinstance(rows, dict) else None
    if not isinstance(rows, dict) or rows.get("type") != "array":
        if schema is not None:
            raise SystemExit(f"gen_stubs: {op['name']}: paging.rows {paging['rows']} is no array of {r}")
        return name, UNTYPED_ROW
    return name, types.type_of(rows.get("items"), name, "itemsItem")


def walk_params(op: Mapping[str, Any]) -> List[Mapping[str, Any]]:
    """The parameters of a walk of `op` when they are its own (`paging.walk`), else none."""
    return list((op.get("paging") or {}).get("walk") or [])


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


def signature(params: Sequence[Mapping[str, Any]], naming: Any, schema_names: Optional[Mapping[str, str]] = None) -> str:
    """The keyword-only signature of a method taking `params` (catalog parameters)."""
    required: List[str] = []
    optional: List[str] = []
    seen = set()
    for p in params:
        name = naming.parameter(p["name"])
        # A name listed twice (a path and a body field of one name) is one keyword: the first
        # entry, as the core's `Operation::param` reads it.
        if name in seen:
            continue
        seen.add(name)
        ty = param_type(p, schema_names)
        # A parameter the configuration fills when left out (v4 `account_id`) is optional.
        if p.get("required") and not p.get("prefilled"):
            required.append(f"{name}: {ty}")
        else:
            optional.append(f"{name}: Optional[{ty}] = ...")
    keywords = required + optional
    return "self, *, " + ", ".join(keywords) if keywords else "self"


def class_name(prefix: str, path: Tuple[str, ...]) -> str:
    return prefix + "_".join(path)


def params_typed_dict(op: Mapping[str, Any], name: str, schema_names: Mapping[str, str]) -> Tuple[str, bool]:
    """(the functional TypedDict of `op`'s parameters as ``call()`` takes them, whether any key is
    required): keys by their catalog name, the required ones (not prefilled) ``Required``."""
    entries: List[str] = []
    seen: Set[str] = set()
    any_required = False
    for p in op["params"]:
        if p["name"] in seen:
            continue
        seen.add(p["name"])
        ty = param_type(p, schema_names)
        if p.get("required") and not p.get("prefilled"):
            ty, any_required = f"Required[{ty}]", True
        entries.append(f"{json.dumps(p['name'])}: {ty}")
    return f"{name} = TypedDict({json.dumps(name)}, {{{', '.join(entries)}}}, total=False)", any_required


def call_overloads(ops: Mapping[str, Any], results: Mapping[str, Tuple[str, Optional[str]]], naming: Any, asynchronous: bool) -> List[str]:
    """``call``/``call_with_response`` of a client: one overload per operation (its name as a
    ``Literal``, its parameters' TypedDict, its result type), then the ``str`` form for a name in a
    variable. ``phonecom.mypy_plugin`` makes a literal name that is no operation an error (and
    keeps a known literal name from falling back to the ``str`` form)."""
    aw = "async def" if asynchronous else "def"
    out: List[str] = []
    for method, wrap in (("call", "{}"), ("call_with_response", "Response")):
        for name in sorted(ops):
            typed = class_name("_P_", naming.path(name))
            params = f"params: {typed}" if ops[name]["_required"] else f"params: Optional[{typed}] = None"
            result = results[name][0] if wrap == "{}" else "Response"
            out += ["    @overload", f"    {aw} {method}(self, name: Literal[{json.dumps(name)}], {params}, {CALL_OPTIONS}) -> {result}: ..."]
        result = "Any" if wrap == "{}" else "Response"
        out += ["    @overload", f"    {aw} {method}(self, name: str, params: Optional[Mapping[str, Any]] = None, {CALL_OPTIONS}) -> {result}: ..."]
    return out


# ---- Result schemas -> TypedDicts (phonecom/_schemas.py) ----

def aliases(schemas: Mapping[str, Any]) -> Dict[str, str]:
    """Other public names of the schemas (their `aliases`): alias -> schema name."""
    return {a: name for name, s in schemas.items() if isinstance(s, dict) for a in s.get("aliases") or []}


# Names a schema may not take: the hand-written part of phonecom.types, the typing names the
# generated code uses, and the names _client.pyi defines.
RESERVED = {
    "T", "ListResult", "Page", "FileDict", "FileParam", "TypedDict", "annotations",
    "Any", "Dict", "List", "Literal", "Optional", "Union",
    "AsyncIterator", "Iterator", "Mapping", "Sequence", "os",
    "Client", "AsyncClient", "Response", "Operation", "AsyncOperation", "Namespace", "catalog",
}
# Enums up to this many values become a Literal; longer ones stay `str`/`int`.
MAX_LITERAL = 16
# Scalar schema types.
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def pascal(name: str) -> str:
    parts = [p for p in "".join(c if c.isalnum() else " " for c in name).split() if p]
    return "".join(p[0].upper() + p[1:] for p in parts) or "Field"


def literal(values: Sequence[Any]) -> Optional[str]:
    """`Literal[...]` of small enums of strings, integers, booleans and null; None otherwise."""
    if not values or len(values) > MAX_LITERAL:
        return None
    out = []
    for v in values:
        if isinstance(v, bool) or v is None:
            out.append(repr(v))
        elif isinstance(v, (str, int)):
            out.append(json.dumps(v))
        else:
            return None
    return "Literal[" + ", ".join(out) + "]"


def comment(text: str, indent: str) -> List[str]:
    return [indent + "# " + line for line in textwrap.wrap(" ".join(text.split()), 96 - len(indent))]


class SchemaTypes:
    """Python types for the catalog's result schemas: one TypedDict per object schema (nested
    objects get their own, named after the path to them), `List[...]` for arrays, `Literal` for
    small enums, `Optional` where the schema says nullable, `ref` by name."""

    def __init__(self, schemas: Mapping[str, Any]) -> None:
        self.schemas = schemas
        self.aliases = aliases(schemas)
        self.taken = set(RESERVED) | set(self.aliases)
        self.names: Dict[str, str] = {}
        for name in sorted(schemas):
            if not name.isidentifier() or keyword.iskeyword(name) or name in self.taken:
                raise SystemExit(f"gen_stubs: schema {name} cannot be a Python name here: rename it in tools/gen_schemas.py")
            self.taken.add(name)
            self.names[name] = name
        self.memo: Dict[Tuple[int, bool], str] = {}
        self.classes: List[str] = []  # TypedDict definitions, in order
        self.plain: List[Tuple[str, str]] = []  # (name, type) of non-object schemas
        self.typed_dicts: set[str] = set()
        for name in sorted(schemas):
            s = schemas[name]
            py = self.names[name]
            if self.is_object(s):
                self.typed_dict(py, s, name)
            else:
                bare = isinstance(s, dict) and "ref" in s and not s.get("nullable")
                self.plain.append((py, self.ref(s["ref"], False) if bare else self.type_of(s, py, "Item", quote=True)))

    @staticmethod
    def is_object(s: Any) -> bool:
        return isinstance(s, dict) and bool(s.get("properties") or s.get("allOf")) and "ref" not in s

    def claim(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self.taken:
            candidate, n = f"{name}{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def ref(self, name: str, quote: bool) -> str:
        py = self.names.get(name)
        if py is None:
            return "Any"  # a dangling ref: the catalog tests refuse these, but never fail here
        return repr(py) if quote else py

    def type_of(self, s: Any, owner: str, hint: str, quote: bool = False) -> str:
        """The type of a schema found at `owner`.`hint` (names its nested TypedDicts)."""
        if not isinstance(s, dict):
            return "Any"
        # The same schema object always gets the same type (the list envelope's row type is
        # asked for again when typing the operation).
        memo = (id(s), quote)
        if memo in self.memo:
            return self.memo[memo]
        t = self._type_of(s, owner, hint, quote)
        if s.get("nullable") and t != "Any" and not t.startswith("Optional["):
            t = f"Optional[{t}]"
        self.memo[memo] = t
        return t

    def _type_of(self, s: Mapping[str, Any], owner: str, hint: str, quote: bool) -> str:
        if "ref" in s:
            return self.ref(s["ref"], quote)
        lit = literal(s.get("enum") or [])
        if lit is not None:
            return lit
        if s.get("anyOf"):
            parts = [self.type_of(p, owner, hint, quote) for p in s["anyOf"]]
            return "Union[" + ", ".join(dict.fromkeys(parts)) + "]"
        ty = s.get("type")
        if ty in SCALARS:
            return SCALARS[ty]
        if ty == "array":
            return f"List[{self.type_of(s.get('items'), owner, hint + 'Item', quote)}]"
        if self.is_object(s):
            name = self.claim(owner + pascal(hint))
            self.typed_dict(name, s, None, f"In :class:`{owner}` (``{hint}``).")
            return repr(name) if quote else name
        if ty == "object" or "additionalProperties" in s:
            extra = s.get("additionalProperties")
            value = self.type_of(extra, owner, hint + "Value", quote) if extra else "Any"
            return f"Dict[str, {value}]"
        return "Any"

    def typed_dict(self, name: str, s: Mapping[str, Any], schema_name: Optional[str], where: str = "") -> None:
        """Emit `name` as a TypedDict: required keys total, the others total=False."""
        self.typed_dicts.add(name)
        props: Dict[str, Any] = {}
        required: set[str] = set(s.get("required") or [])
        bases: List[str] = []
        for part in s.get("allOf") or []:
            if isinstance(part, dict) and "ref" in part:
                target = self.schemas.get(part["ref"])
                if self.is_object(target):
                    bases.append(self.names[part["ref"]])
            elif isinstance(part, dict):
                props.update(part.get("properties") or {})
                required |= set(part.get("required") or [])
        props.update(s.get("properties") or {})
        fields: List[Field] = []
        for key, prop in props.items():
            # Nullable props are Optional (type_of); others may be missing but are never null.
            ty = self.type_of(prop, name, key)
            doc = prop.get("doc", "") if isinstance(prop, dict) else ""
            fields.append((key, ty, key in required, doc))
        doc = s.get("doc") or (f"The ``{schema_name}`` schema." if schema_name else where)
        doc = "\n".join(textwrap.wrap(" ".join(doc.split()), 96))
        # A key that is not an identifier, or that names a type the annotations use (the class
        # body would shadow it), needs the functional form.
        used = {w for _, ty, _, _ in fields for w in re.findall(r"[A-Za-z_]\w*", ty)}
        functional = any(not k.isidentifier() or keyword.iskeyword(k) or k in used for k, *_ in fields)
        req = [f for f in fields if f[2]]
        opt = [f for f in fields if not f[2]]
        lines: List[str] = []
        if functional:
            for part, suffix, flag in ((req, "Required", ""), (opt, "Optional", ", total=False")):
                if part:
                    pname = self.claim(f"_{name}{suffix}")
                    lines += [f"{pname} = TypedDict(", f"    {json.dumps(pname)},", "    {"]
                    lines += fields_lines(part, "        ", True)
                    lines += ["    }" + flag + ",", ")", "", ""]
                    bases.append(pname)
            lines += [f"class {name}({', '.join(bases)}):", docstring(doc, "    ")]
        else:
            if req and opt:
                rname = self.claim(f"_{name}Required")
                lines += [f"class {rname}({', '.join(bases) or 'TypedDict'}):"]
                lines += fields_lines(req, "    ", False) + ["", ""]
                bases = [rname]
            own = opt if opt else req
            total = "" if (req and not opt) else ", total=False"
            lines += [f"class {name}({', '.join(bases) or 'TypedDict'}{total}):", docstring(doc, "    ")]
            if own:
                lines += [""] + fields_lines(own, "    ", False)
        self.classes.append("\n".join(lines).rstrip() + "\n")


Field = Tuple[str, str, bool, str]


def fields_lines(fields: List[Field], indent: str, as_dict: bool) -> List[str]:
    """Class-body lines (`key: type`) or dict entries (`"key": "type",`), each after its doc."""
    out: List[str] = []
    for key, ty, _, doc in fields:
        if doc:
            out += comment(doc, indent)
        out.append(f"{indent}{json.dumps(key)}: {ty!r}," if as_dict else f"{indent}{key}: {ty}")
    return out


def schemas_module(types: SchemaTypes) -> str:
    """The text of ``phonecom/_schemas.py``."""
    public = sorted(n for n in types.typed_dicts | {a for a, _ in types.plain} | set(types.aliases) if not n.startswith("_"))
    out = [
        '"""The catalog\'s result schemas as ``TypedDict``s (import them from :mod:`phonecom.types`).',
        "",
        "Generated by py/tools/gen_stubs.py from the core's catalog. Do not edit: rerun the script.",
        "Results are plain dicts: a key the schema requires is required here, every other key may be",
        "missing, and the dicts may hold keys the schema does not name.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any, Dict, List, Literal, Optional, TypedDict, Union",
        "",
        "__all__ = [",
        *[f"    {json.dumps(n)}," for n in public],
        "]",
        "",
    ]
    for cls in types.classes:
        out += ["", cls]
    # Aliases after the classes; one that is another schema's name after that schema.
    done: Set[str] = set(types.typed_dicts)
    pending = list(types.plain)
    while pending:
        ready = [(n, t) for n, t in pending if t not in types.names.values() or t in done]
        if not ready:
            ready = [(n, "Any") for n, _ in pending]
        for n, t in ready:
            doc = types.schemas.get(next((k for k, v in types.names.items() if v == n), ""), {})
            out += ["", *comment(str(doc.get("doc") or "") if isinstance(doc, dict) else "", ""), f"{n} = {t}"]
            done.add(n)
        pending = [p for p in pending if p[0] not in done]
    out += ["", "# Other public names of schemas (their catalog `aliases`)."]
    for public_name, target in sorted(types.aliases.items()):
        out.append(f"{public_name} = {types.names[target]}")
    return "\n".join(out).rstrip("\n") + "\n"


def generate(doc: Optional[Mapping[str, Any]] = None) -> Dict[Path, str]:
    """Both files' text, by path, from the catalog (the installed package's when `doc` is None)."""
    naming = _naming()
    if doc is None:
        doc = load_catalog()
    types = SchemaTypes(doc.get("schemas") or {})
    ops = {op["name"]: op for op in doc["operations"]}
    results = {name: returns(op, types) for name, op in ops.items()}
    param_types = [param_type(p, types.names) for op in ops.values() for p in op["params"] + walk_params(op)]
    used = sorted(
        {w for t in [t for r in results.values() for t in r if t] + param_types for w in re.findall(r"[A-Za-z_]\w*", t)}
        & (set(types.names.values()) | types.typed_dicts)
    )
    schema_names = dict(types.names)
    params_defs: List[str] = []
    for name in sorted(ops):
        text, required = params_typed_dict(ops[name], class_name("_P_", naming.path(name)), schema_names)
        params_defs.append(text)
        ops[name] = {**ops[name], "_required": required}
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
        "from typing import Any, AsyncIterator, Dict, Iterator, List, Literal, Mapping, Optional, Sequence, TypedDict, Union, overload",
        "",
        "from typing_extensions import Required",
        "",
        "from ._paging import AsyncProgressCallback, ProgressCallback",
        "from .types import (",
        *[f"    {n}," for n in sorted(set(used) | {"FileParam", "Page"})],
        ")",
        "",
        '__all__ = ["Client", "AsyncClient", "Response", "Operation", "AsyncOperation", "Namespace", "catalog"]',
        "",
        "def catalog() -> List[Dict[str, Any]]: ...",
        "",
        "# The parameters of each operation as call() takes them (keys by their catalog name).",
        *params_defs,
        "",
        "class Response:",
        "    data: Any",
        "    @property",
        "    def status(self) -> int: ...",
        "    @property",
        "    def request_id(self) -> str: ...",
        "    @property",
        "    def attempts(self) -> int: ...",
        "    @property",
        "    def headers(self) -> Dict[str, str]: ...",
        "    @property",
        "    def body(self) -> str: ...",
        "    @property",
        "    def body_truncated(self) -> bool: ...",
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
        "    def iter(self, *, on_progress: Optional[ProgressCallback] = ..., **params: Any) -> Iterator[Any]: ...",
        "    def pages(self, *, on_progress: Optional[ProgressCallback] = ..., **params: Any) -> Iterator[Page[Any]]: ...",
        "",
        "class AsyncOperation(_OperationInfo):",
        "    async def __call__(self, **params: Any) -> Any: ...",
        "    def iter(self, *, on_progress: Optional[AsyncProgressCallback] = ..., **params: Any) -> AsyncIterator[Any]: ...",
        "    def pages(self, *, on_progress: Optional[AsyncProgressCallback] = ..., **params: Any) -> AsyncIterator[Page[Any]]: ...",
        "",
        "class Namespace:",
        "    def __dir__(self) -> List[str]: ...",
        "",
    ]

    # One class per operation, sync and async.
    for name in sorted(ops):
        op = ops[name]
        path = naming.path(name)
        result, item = results[name]
        sig = signature(op["params"], naming, schema_names)
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
            if item is not None:
                it = "AsyncIterator" if asynchronous else "Iterator"
                paging = op["paging"]
                row_doc = paging.get("doc") or "Every row of the list, fetched a page at a time (``limit`` is the page size)."
                walk_sig = signature(paging["walk"], naming, schema_names) if paging.get("walk") else sig
                callback = "AsyncProgressCallback" if asynchronous else "ProgressCallback"
                walk_sig += f", on_progress: Optional[{callback}] = ..."
                if "*" not in [part.strip() for part in walk_sig.split(",")]:
                    walk_sig = walk_sig.replace("self", "self, *", 1)
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
        # AsyncClient's calls at once (see phonecom._async).
        bound = " *, max_concurrency: int = ...," if asynchronous else ""
        out += [
            f"class {cls}:",
            *[f"    {family}: {prefix}{family}" for family in sorted(tree)],
            "    # Left out: the defaults (production hosts, no credentials). None is refused (ValidationError).",
            f"    def __init__(self, config: Union[str, Mapping[str, Any]] = ...,{bound} **overrides: Any) -> None: ...",
            "    @classmethod",
            f"    def from_env(cls,{bound} **overrides: Any) -> {cls}: ...",
            "    @classmethod",
            f'    def from_file(cls, path: Union[str, "os.PathLike[str]"],{bound} **overrides: Any) -> {cls}: ...',
            *call_overloads(ops, results, naming, asynchronous),
            f"    def with_options(self, *, timeouts: Optional[Mapping[str, float]] = None, deadline: Optional[float] = None, max_attempts: Optional[int] = None, headers: Optional[Mapping[str, str]] = None, timeout: Optional[float] = None) -> {cls}: ...",
            f"    def with_v4_token(self, token: str, account_id: Optional[int] = None) -> {cls}: ...",
            f"    def with_nol_key(self, key: str) -> {cls}: ...",
            "    @property",
            "    def user_agent(self) -> str: ...",
            "    def redact(self, text: str) -> str: ...",
            "    @property",
            "    def closed(self) -> bool: ...",
            "    @property",
            "    def last_response(self) -> Optional[Response]: ...",
        ]
        if asynchronous:
            out += [
                "    @property",
                "    def max_concurrency(self) -> int: ...",
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
    return {STUB: "\n".join(out).rstrip("\n") + "\n", SCHEMAS: schemas_module(types)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--check", action="store_true", help="exit 1 when a committed file differs")
    args = ap.parse_args()
    files = generate()
    if args.check:
        stale = [path for path, text in files.items() if not path.exists() or path.read_text() != text]
        for path in stale:
            print(f"{path} is stale: run python py/tools/gen_stubs.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.write_text(text)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
