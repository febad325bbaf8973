"""The Python stubs and Node's index.d.ts agree on every operation's parameter, walk, result and
row types, and on every result schema's fields: both are read back from the committed files
(``_client.pyi`` and ``_schemas.py`` with :mod:`ast`, ``index.d.ts`` with a small parser of the
TypeScript the generator writes) and brought to one form before they are compared.

The one form: ``int``/``float``/``number`` are "number", ``Any``/``unknown``/``JsonValue`` are
"any", a catalog schema (or its alias) is a reference by its name, any other object is its
fields (name, required, type), ``Optional[T]`` is ``T | null``, unions are sets with literals
merged, ``Mapping``/``Dict``/index signatures are maps, and TypeScript's ``Filters<F>`` and
``Sort<F>`` are the maps they stand for (their key lists are TypeScript's own refinement)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Tuple

import phonecom
from phonecom import _naming

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "py" / "python" / "phonecom"
DTS = ROOT / "node" / "index.d.ts"

Canon = Any
ANY = "any"
NULL = "null"


def union(parts: List[Canon]) -> Canon:
    """One canonical union: nested unions flattened, literals merged, one member unwrapped."""
    flat: List[Canon] = []
    for p in parts:
        flat.extend(p[1] if isinstance(p, tuple) and p[0] == "union" else [p])
    if ANY in flat:
        return ANY
    lits = frozenset(v for p in flat if isinstance(p, tuple) and p[0] == "lit" for v in p[1])
    rest = {p for p in flat if not (isinstance(p, tuple) and p[0] == "lit")}
    if lits:
        rest.add(("lit", lits))
    return next(iter(rest)) if len(rest) == 1 else ("union", frozenset(rest))


def obj(fields: Mapping[str, Tuple[bool, Canon]]) -> Canon:
    return ("object", frozenset((k, req, t) for k, (req, t) in fields.items()))


# ---- Python ----


class Python:
    """The types of ``_schemas.py`` and ``_client.pyi``."""

    def __init__(self, schema_names: FrozenSet[str]) -> None:
        self.schema_names = schema_names
        self.typed_dicts: Dict[str, Dict[str, Tuple[bool, ast.expr]]] = {}
        self.plain: Dict[str, ast.expr] = {}
        for path in (PKG / "_schemas.py", PKG / "_client.pyi"):
            self._read(ast.parse(path.read_text()))

    def _read(self, tree: ast.Module) -> None:
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.bases:
                total = all(not (k.arg == "total" and isinstance(k.value, ast.Constant) and k.value.value is False) for k in node.keywords)
                fields: Dict[str, Tuple[bool, ast.expr]] = {}
                for base in node.bases:
                    if isinstance(base, ast.Name) and base.id in self.typed_dicts:
                        fields.update(self.typed_dicts[base.id])
                for item in node.body:
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        fields[item.target.id] = (total, item.annotation)
                if any(isinstance(b, ast.Name) and (b.id == "TypedDict" or b.id in self.typed_dicts) for b in node.bases):
                    self.typed_dicts[node.name] = fields
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, node.value
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "TypedDict":
                    total = all(not (k.arg == "total" and getattr(k.value, "value", True) is False) for k in value.keywords)
                    spec = value.args[1]
                    assert isinstance(spec, ast.Dict)
                    fields = {}
                    for k, v in zip(spec.keys, spec.values):
                        assert isinstance(k, ast.Constant)
                        ann = ast.parse(v.value, mode="eval").body if isinstance(v, ast.Constant) else v
                        required = total
                        if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name) and ann.value.id == "Required":
                            required, ann = True, ann.slice
                        fields[str(k.value)] = (required, ann)
                    self.typed_dicts[name] = fields
                else:
                    self.plain[name] = value

    def canon(self, e: ast.expr) -> Canon:
        if isinstance(e, ast.Constant):
            if isinstance(e.value, str):
                return self.canon(ast.parse(e.value, mode="eval").body)
            return NULL if e.value is None else ("lit", frozenset([e.value]))
        if isinstance(e, ast.Name):
            scalars = {"str": "string", "int": "number", "float": "number", "bool": "boolean", "Any": ANY}
            if e.id in scalars:
                return scalars[e.id]
            if e.id in self.schema_names or e.id == "FileParam":
                return ("ref", e.id)
            if e.id in self.plain:
                return self.canon(self.plain[e.id])
            if e.id in self.typed_dicts:
                return obj({k: (req, self.canon(t)) for k, (req, t) in self.typed_dicts[e.id].items()})
            raise AssertionError(f"unknown Python type {e.id}")
        if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name):
            args = list(e.slice.elts) if isinstance(e.slice, ast.Tuple) else [e.slice]
            head = e.value.id
            if head == "Optional":
                return union([self.canon(args[0]), NULL])
            if head == "Union":
                return union([self.canon(a) for a in args])
            if head == "Literal":
                return union([("lit", frozenset([a.value])) if a.value is not None else NULL for a in args if isinstance(a, ast.Constant)])
            if head in ("List", "Sequence"):
                return ("array", self.canon(args[0]))
            if head in ("Dict", "Mapping"):
                return ("map", self.canon(args[1]))
            if head in ("Iterator", "AsyncIterator", "Required"):
                return self.canon(args[0])
        raise AssertionError(f"unexpected Python type {ast.unparse(e)}")

    def resolve_ref(self, name: str) -> Canon:
        """A schema's own structure (its TypedDict fields, or the type it aliases)."""
        if name in self.typed_dicts:
            return obj({k: (req, self.canon(t)) for k, (req, t) in self.typed_dicts[name].items()})
        return self.canon(self.plain[name])


# ---- TypeScript ----

TOKEN = re.compile(r"\s*(?:(/\*.*?\*/)|(//[^\n]*)|('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*)|(.))", re.S)


def tokens(text: str) -> List[str]:
    out = []
    for m in TOKEN.finditer(text):
        if m.group(1) or m.group(2):
            continue
        tok = next((g for g in m.groups()[2:] if g is not None), None)
        if tok is not None and tok.strip():
            out.append(tok)
    return out


class TypeScript:
    """The generated part of ``index.d.ts``: interfaces and type aliases, as parsed types."""

    def __init__(self, text: str, schema_names: FrozenSet[str]) -> None:
        self.schema_names = schema_names
        self.decls: Dict[str, Any] = {}
        self.t = tokens(text.split("do not edit below this line", 1)[1])
        self.i = 0
        while self.i < len(self.t):
            if self.t[self.i] == "export" and self.t[self.i + 1] in ("interface", "type"):
                kind, name = self.t[self.i + 1], self.t[self.i + 2]
                self.i += 3
                if kind == "interface":
                    self.decls[name] = self.object()
                else:
                    self.expect("=")
                    self.decls[name] = self.type()
                    self.expect(";")
            else:
                self.i += 1

    def expect(self, tok: str) -> None:
        assert self.t[self.i] == tok, f"expected {tok!r} at {self.t[self.i:self.i + 8]}"
        self.i += 1

    def type(self) -> Any:
        parts = [self.intersection()]
        while self.t[self.i] == "|":
            self.i += 1
            parts.append(self.intersection())
        return ("|", parts) if len(parts) > 1 else parts[0]

    def intersection(self) -> Any:
        parts = [self.postfix()]
        while self.t[self.i] == "&":
            self.i += 1
            parts.append(self.postfix())
        return ("&", parts) if len(parts) > 1 else parts[0]

    def postfix(self) -> Any:
        t = self.primary()
        while self.t[self.i] == "[" and self.t[self.i + 1] == "]":
            self.i += 2
            t = ("[]", t)
        return t

    def primary(self) -> Any:
        tok = self.t[self.i]
        self.i += 1
        if tok == "keyof":
            return ("keyof", self.primary())
        if tok == "(":
            t = self.type()
            self.expect(")")
            return t
        if tok == "{":
            self.i -= 1
            return self.object()
        if tok[0] in "'\"":
            return ("lit", json.loads(tok) if tok[0] == '"' else tok[1:-1])
        if re.fullmatch(r"-?\d+(\.\d+)?", tok):
            return ("lit", json.loads(tok))
        if tok in ("true", "false"):
            return ("lit", tok == "true")
        if self.t[self.i] == "<":
            self.i += 1
            args = [self.type()]
            while self.t[self.i] == ",":
                self.i += 1
                args.append(self.type())
            self.expect(">")
            return ("generic", tok, args)
        return ("name", tok)

    def object(self) -> Any:
        self.expect("{")
        fields: Dict[str, Tuple[bool, Any]] = {}
        index = None
        while self.t[self.i] != "}":
            if self.t[self.i] == "readonly":
                self.i += 1
            if self.t[self.i] == "[":
                self.i += 4  # [ key : string
                self.expect("]")
                self.expect(":")
                index = self.type()
            else:
                key = self.t[self.i]
                key = json.loads(key) if key[0] == '"' else key
                self.i += 1
                required = self.t[self.i] != "?"
                if not required:
                    self.i += 1
                self.expect(":")
                fields[key] = (required, self.type())
            if self.t[self.i] in (";", ","):
                self.i += 1
        self.expect("}")
        return ("obj", fields, index)

    def canon(self, t: Any) -> Canon:
        kind = t[0]
        if kind == "lit":
            return ("lit", frozenset([t[1]]))
        if kind == "|":
            return union([self.canon(p) for p in t[1]])
        if kind == "[]":
            return ("array", self.canon(t[1]))
        if kind == "obj":
            if t[2] is not None and not t[1]:
                return ("map", self.canon(t[2]))
            return obj({k: (req, self.canon(v)) for k, (req, v) in t[1].items()})
        if kind == "&":
            # `Filters<F> & { flag?: boolean }`: a filter map whose named flags take a boolean.
            base, *flags = [self.canon(p) for p in t[1]]
            extra = [v for f in flags for _, _, v in f[1]]
            assert base[0] == "map", t
            return ("map", union([base[1]] + extra))
        if kind == "generic":
            name, args = t[1], t[2]
            if name == "Filters":
                return ("map", union(["string", ("array", "string")]))
            if name == "Sort":
                return ("map", ("lit", frozenset(["asc", "desc"])))
            if name == "Array":
                return ("array", self.canon(args[0]))
            raise AssertionError(f"unexpected generic {name}")
        name = t[1]
        scalars = {"string": "string", "number": "number", "boolean": "boolean", "null": NULL,
                   "unknown": ANY, "JsonValue": ANY, "never": "never", "object": ("map", ANY)}
        if name in scalars:
            return scalars[name]
        if name in self.schema_names or name == "FileParam":
            return ("ref", name)
        if name in self.decls:
            return self.canon(self.decls[name])
        raise AssertionError(f"unknown TypeScript type {name}")


# ---- the comparison ----


def load() -> Tuple[Dict[str, Any], Python, TypeScript]:
    doc: Dict[str, Any] = json.loads(phonecom._native.catalog_json())
    names = frozenset(doc["schemas"])
    aliases = frozenset(a for s in doc["schemas"].values() for a in s.get("aliases") or [])
    return doc, Python(names), TypeScript(DTS.read_text(), names | aliases)


def test_every_result_schema_has_the_same_fields_and_aliases() -> None:
    doc, py, ts = load()
    for name, schema in doc["schemas"].items():
        assert py.resolve_ref(name) == ts.canon(ts.decls[name]), name
        for alias in schema.get("aliases") or []:
            assert py.canon(py.plain[alias]) == ("ref", name), alias
            assert ts.canon(ts.decls[alias]) == ("ref", name), alias


def test_every_operation_has_the_same_parameters_walk_result_and_rows() -> None:
    doc, py, ts = load()
    operations = ts.decls["Operations"][1]
    pyi = {n.name: n for n in ast.parse((PKG / "_client.pyi").read_text()).body if isinstance(n, ast.ClassDef)}
    for op in doc["operations"]:
        path = _naming.path(op["name"])
        entry = operations[op["name"]][1][1]
        params = ts.canon(entry["params"][1])
        assert py.canon(ast.Name("_P_" + "_".join(path))) == params, f"{op['name']} parameters"
        methods = {f.name: f for f in pyi["_Op_" + "_".join(path)].body if isinstance(f, ast.FunctionDef)}
        call = methods["__call__"]
        assert call.returns is not None
        assert py.canon(call.returns) == ts.canon(entry["result"][1]), f"{op['name']} result"
        if op.get("paging"):
            it = methods["iter"]
            assert it.returns is not None
            assert py.canon(it.returns) == ts.canon(entry["item"][1]), f"{op['name']} rows"
            walk = {a.arg: a.annotation for a in it.args.kwonlyargs if a.arg != "on_progress"}
            defaults = {a.arg for a, d in zip(it.args.kwonlyargs, it.args.kw_defaults) if d is not None}
            py_walk = obj({k: (k not in defaults, py.canon(v)) for k, v in walk.items()})
            ts_walk = ts.canon(entry["walk"][1])
            # Optional keyword arguments are Optional[T] = ...; the TypeScript key is `k?: T`.
            ts_fields = {k: (req, t if req else union([t, NULL])) for k, req, t in ts_walk[1]}
            by_py_name = {_naming.parameter(k): v for k, v in ts_fields.items()}
            assert py_walk == obj(by_py_name), f"{op['name']} walk parameters"
        else:
            assert "iter" not in methods, op["name"]


def test_known_corrections_reach_both_languages() -> None:
    _, py, ts = load()
    price = dict((k, t) for k, _, t in py.resolve_ref("AvailableNumbersFull")[1])["price"]
    assert price == union(["number", ("lit", frozenset(["REQUEST_QUOTE"]))])
    ts_price = dict((k, t) for k, _, t in ts.canon(ts.decls["AvailableNumbersFull"])[1])["price"]
    assert ts_price == price
    signup = {k: (req, t) for k, req, t in ts.canon(ts.decls["Signup"])[1]}
    assert signup["password"] == (False, union(["string", NULL]))
