"""Results are typed: every operation whose catalog entry names a `returns` schema returns that
schema's TypedDict in the stubs (v4 list envelopes too, with `iter()` yielding the rows the
catalog's `paging.rows` names), the TypedDicts name the schema's fields, and the sandbox's real
answers fit them."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import phonecom
from phonecom import _naming, types

from conftest import CONTACT

PY = Path(__file__).resolve().parents[1]
STUB = PY / "python" / "phonecom" / "_client.pyi"
UNTYPED = {"Any", "Dict[str, Any]", "List[Any]"}


def _stub_methods() -> Dict[str, Dict[str, str]]:
    """Class name -> method name -> return annotation, as written in the stub."""
    out: Dict[str, Dict[str, str]] = {}
    for node in ast.parse(STUB.read_text()).body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = {
                f.name: ast.unparse(f.returns)
                for f in node.body
                if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.returns is not None
            }
    return out


def _schemas() -> Dict[str, Any]:
    doc: Dict[str, Any] = __import__("json").loads(phonecom._native.catalog_json())
    return doc["schemas"]  # type: ignore[no-any-return]


def _is_typed_dict(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, dict) and hasattr(t, "__required_keys__")


def _resolve(annotation: str) -> Any:
    """The type an annotation of the stub names, from phonecom.types."""
    return eval(annotation, {**vars(typing), **vars(types)})  # noqa: S307 (our own stub)


def _result(name: str, asynchronous: bool = False) -> str:
    prefix = "_AsyncOp_" if asynchronous else "_Op_"
    return _stub_methods()[prefix + "_".join(_naming.path(name))]["__call__"]


def test_every_operation_with_a_schema_has_a_typed_result() -> None:
    methods = _stub_methods()
    schemas = _schemas()
    checked = 0
    for op in phonecom.catalog():
        r = op.get("returns")
        if not r or r not in schemas:
            continue
        for prefix in ("_Op_", "_AsyncOp_"):
            cls = methods[prefix + "_".join(_naming.path(op["name"]))]
            ann = cls["__call__"]
            assert ann not in UNTYPED and "Dict[str, Any]]" not in ann, f"{op['name']} returns {ann}"
            t = _resolve(ann)
            props = set(schemas[r].get("properties") or {})
            if props:
                assert _is_typed_dict(t), f"{op['name']} returns {ann}, not a TypedDict"
                assert set(typing.get_type_hints(t)) == props, op["name"]
            if op.get("pageable"):
                row_ann = cls["iter"]
                assert row_ann.startswith("Iterator[" if prefix == "_Op_" else "AsyncIterator["), row_ann
                row = _resolve(row_ann.split("[", 1)[1][:-1])
                assert _is_typed_dict(row), f"{op['name']}.iter() yields {row_ann}"
                assert cls["pages"].endswith(f"[Page[{row.__name__}]]"), cls["pages"]
            checked += 1
    assert checked > 150


def test_known_results_have_the_documented_fields() -> None:
    # v4.get-account: AccountFull, still importable as phonecom.types.Account.
    assert _result("v4.get-account") == _result("v4.get-account", asynchronous=True) == "AccountFull"
    account = typing.get_type_hints(types.AccountFull)
    assert account["id"] is int and account["name"] is str
    assert account["contact"] is types.ContactAccount
    # Requests take a contact with its required keys (phonecom.types.Contact is that shape).
    assert types.Contact is types.ContactInput
    assert types.ContactInput.__required_keys__ == {"name", "address", "phone", "primary_email"}
    assert types.AddressInput.__required_keys__ == {"line_1", "city", "country"}
    # Keys Phone.com always sends are required in results (so no None check is needed).
    assert {"phone_number", "formatted"} <= types.AvailableNumbersFull.__required_keys__
    # "Otherwise it is NULL": a field whose doc says it may be null is Optional.
    assert account["master_account"] == Optional[types.AccountSummary]
    assert types.Account is types.AccountFull and not types.AccountFull.__required_keys__

    # v4 lists: the envelope's schema, its four paging keys required, `iter()` yielding its
    # items; `price` is a whole number of dollars or "REQUEST_QUOTE".
    assert _result("v4.list-available-phone-numbers") == "ListAvailableNumbers"
    envelope = typing.get_type_hints(types.ListAvailableNumbers)
    assert envelope["items"] == List[types.AvailableNumbersFull]
    assert {"items", "total", "offset", "limit"} <= types.ListAvailableNumbers.__required_keys__
    assert _stub_methods()["_Op_v4_list_available_phone_numbers"]["iter"] == "Iterator[AvailableNumbersFull]"
    assert types.AvailablePhoneNumber is types.AvailableNumbersFull
    price = typing.get_type_hints(types.AvailableNumbersFull)["price"]
    assert price == typing.Union[int, typing.Literal["REQUEST_QUOTE"]]
    assert _result("v4.list-account-sms") == "ListSms"
    sms = typing.get_type_hints(types.Sms)
    assert sms["from"] is str and sms["to"] == List[types.Recipient] and sms["created_epoch"] is int

    # XML API: the reply envelope, its data and the rows, required where the schema says so.
    assert _result("xml.getCallList") == "XmlCallList"
    assert types.XmlCallList.__required_keys__ == {"status", "data"}
    data = typing.get_type_hints(types.XmlCallList)["data"]
    assert data is types.XmlCallListData and types.XmlCallListData.__required_keys__ == {"items"}
    assert typing.get_type_hints(data)["items"] == List[types.XmlCallRecord]
    assert typing.get_type_hints(types.XmlCallRecord)["startTime"] is int

    # Express sign-up: the password is null unless generated.
    assert _result("express.signup") == "Signup"
    signup = typing.get_type_hints(types.Signup)
    assert types.Signup.__required_keys__ == {"account", "username", "token", "recovered"}
    assert signup["password"] == Optional[str] and signup["token"] is types.UserToken

    # numbers.online: its `Account` schema is NolAccount (Account is the v4 one); enums are Literal.
    nol = typing.get_type_hints(types.NolAccount)
    assert nol["status"] == typing.Literal["active", "suspended"] and nol["email"] == Optional[str]


def _fits(value: Any, t: Any, where: str) -> List[str]:
    """Where `value` does not fit the type `t` (empty when it does)."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if t is Any:
        return []
    if origin is typing.Union:
        fits = [_fits(value, a, where) for a in args]
        return [] if any(not f for f in fits) else [f"{where}: {value!r} is none of {t}"]
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} is not one of {args}"]
    if t is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if origin in (list, List):
        if not isinstance(value, list):
            return [f"{where}: {value!r} is not a list"]
        return [e for i, v in enumerate(value) for e in _fits(v, args[0], f"{where}[{i}]")]
    if origin in (dict, Dict) or t is dict:
        return [] if isinstance(value, dict) else [f"{where}: {value!r} is not an object"]
    if _is_typed_dict(t):
        if not isinstance(value, dict):
            return [f"{where}: {value!r} is not an object"]
        errors = [f"{where}: `{k}` is missing" for k in t.__required_keys__ if k not in value]
        hints = typing.get_type_hints(t)
        for k, v in value.items():
            if k in hints:
                errors += _fits(v, hints[k], f"{where}.{k}")
        return errors
    if t is float:
        return [] if isinstance(value, (int, float)) and not isinstance(value, bool) else [f"{where}: {value!r} is not a number"]
    if t is int:
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: {value!r} is not an integer"]
    return [] if isinstance(value, t) else [f"{where}: {value!r} is not {t.__name__}"]


# (operation, parameters, whether the seeded sandbox answers rows)
CALLS: List[Tuple[str, Dict[str, Any], bool]] = [
    ("v4.get-account", {}, False),
    ("v4.list-available-phone-numbers", {"limit": 200}, True),
    ("v4.list-accounts", {}, True),
    ("v4.list-account-applications", {}, True),
    ("v4.list-account-schedules", {}, True),
    ("v4.list-account-oauth-clients", {}, True),
    ("xml.getCallList", {"startTime": 1707868800, "endTime": 1707955199}, True),  # 2024-02-14
    ("express.signup", {"partner": "acme", "user_id": "typed", "contact": CONTACT}, False),
    ("nol.getAccount", {}, False),
    ("nol.listAccountKeys", {}, False),
    ("nol.listTenants", {}, False),
    ("nol.getSigning", {}, False),
]


@pytest.mark.parametrize("name,params,has_rows", CALLS, ids=[c[0] for c in CALLS])
def test_sandbox_results_fit_their_types(client: phonecom.Client, name: str, params: Dict[str, Any], has_rows: bool) -> None:
    t = _resolve(_result(name))
    result = client.call(name, params)
    assert _fits(result, t, name) == []
    rows = result.get("items") or (result.get("data") or {}).get("items") or []
    # Rows are checked one by one: an empty list would prove nothing.
    assert bool(rows) == has_rows, name
    if name == "v4.list-available-phone-numbers":
        # Both forms of `price` occur, and both fit.
        assert {type(r.get("price")) for r in rows} >= {int, str}, "the sandbox quotes some numbers"


def _mypy(path: Path) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", str(path)], capture_output=True, text=True)


def test_type_checker_uses_the_result_types(tmp_path: Path) -> None:
    import importlib.util

    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (py/tests/run.sh installs it)")
    ok = tmp_path / "ok.py"
    ok.write_text(
        "from typing import List, Optional, Union\n"
        "import phonecom\n"
        "from phonecom.types import Account, AccountFull, Recipient, XmlCallRecord\n"
        "c = phonecom.Client()\n"
        "a: Account = c.v4.get_account()\n"
        "full: AccountFull = a\n"
        "i: int = a['id']\n"
        "master = c.v4.get_account()['master_account']\n"
        "n: str = master['name'] if master else 'none'\n"
        "for num in c.v4.list_available_phone_numbers.iter():\n"
        "    price: Union[int, str] = num['price']\n"
        "sms = c.v4.create_account_sms(from_='+18585550100', to='+18585550101', text='hi')\n"
        "sender: str = sms['from']\n"
        "to: List[Recipient] = sms['to']\n"
        "rows: List[XmlCallRecord] = c.xml.get_call_list(startTime=0, endTime=1)['data']['items']\n"
        "done = c.express.signup(partner='p', user_id='1', contact={'name': 'n', 'address': {'line_1': '1 St', 'city': 'Paris', 'country': 'FR'}, 'phone': '+33142000000', 'primary_email': 'n@example.com'})\n"
        "pw: Optional[str] = done['password']\n"
        "email: Optional[str] = c.nol.get_account()['account']['email']\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import phonecom\n"
        "c = phonecom.Client()\n"
        "c.v4.get_account()['no_such_key']\n"
        "s: str = c.v4.get_account()['id']\n"
        "c.v4.get_account()['master_account']['name']\n"
        "for num in c.v4.list_available_phone_numbers.iter():\n"
        "    p: int = num['price']\n"
        "pw: str = c.express.signup(partner='p', user_id='1', contact={'name': 'n', 'address': {'line_1': '1 St', 'city': 'Paris', 'country': 'FR'}, 'phone': '+33142000000', 'primary_email': 'n@example.com'})['password']\n"
    )
    good = _mypy(ok)
    assert good.returncode == 0, good.stdout
    out = _mypy(bad).stdout
    assert '"AccountFull" has no key "no_such_key"' in out, out
    assert 'expression has type "int", variable has type "str"' in out, out
    assert 'expression has type "int | Literal[\'REQUEST_QUOTE\']", variable has type "int"' in out, out
    assert 'expression has type "str | None", variable has type "str"' in out, out
    assert 'Value of type "AccountSummary | None" is not indexable' in out, out


def _generator() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_stubs", PY / "tools" / "gen_stubs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Shapes the committed catalog does not use today, but a regenerated one may.
ODD_SCHEMAS: Dict[str, Any] = {
    "Base": {"type": "object", "properties": {"id": {"type": "integer"}}, "required": ["id"]},
    "Mixed": {
        "type": "object",
        "doc": "Required and optional keys, keys that are not Python names, nesting.",
        "required": ["from", "kind"],
        "properties": {
            "from": {"type": "string"},
            "class": {"type": "string", "nullable": True},
            "kind": {"type": "string", "enum": ["a", "b"]},
            "many": {"type": "string", "enum": [str(i) for i in range(40)]},
            "codes": {"type": "integer", "enum": [1, 2]},
            "rows": {"type": "array", "items": {"type": "object", "properties": {"x-y": {"type": "number"}}}},
            "meta": {"type": "object", "additionalProperties": {"ref": "Base"}},
            "blob": {"type": "object"},
            "anything": {"doc": "No type at all"},
            "dangling": {"ref": "NoSuchSchema"},
            "str": {"type": "integer", "doc": "Shadows a type name"},
        },
    },
    "Derived": {"allOf": [{"ref": "Base"}, {"type": "object", "properties": {"extra": {"type": "boolean"}}}]},
    "Names": {"type": "array", "items": {"type": "string"}},
    "Same": {"ref": "Base"},
    "Page": {"type": "object", "properties": {"n": {"type": "integer"}}},
}


def test_generator_types_any_schema_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gen = _generator()
    # A schema name Python cannot take is renamed where the schemas are made (gen_schemas.py).
    with pytest.raises(SystemExit, match="schema Page cannot be a Python name here: rename it in tools/gen_schemas.py"):
        gen.SchemaTypes(ODD_SCHEMAS)
    schema_types = gen.SchemaTypes({("OddPage" if k == "Page" else k): v for k, v in ODD_SCHEMAS.items()})
    module = tmp_path / "odd_schemas.py"
    module.write_text(gen.schemas_module(schema_types))
    # The module imports and its annotations resolve at run time ...
    import importlib.util

    spec = importlib.util.spec_from_file_location("odd_schemas", module)
    assert spec is not None and spec.loader is not None
    odd = importlib.util.module_from_spec(spec)
    sys.modules["odd_schemas"] = odd
    try:
        spec.loader.exec_module(odd)
        mixed = typing.get_type_hints(odd.Mixed)
        assert odd.Mixed.__required_keys__ == {"from", "kind"}
        assert mixed["class"] == Optional[str] and mixed["kind"] == typing.Literal["a", "b"]
        assert mixed["many"] is str and mixed["codes"] == typing.Literal[1, 2]
        row, base = odd.MixedRowsItem, odd.Base
        assert mixed["rows"] == List[row] and typing.get_type_hints(row)["x-y"] is float  # type: ignore[valid-type]
        assert mixed["meta"] == Dict[str, base] and mixed["blob"] == Dict[str, Any]  # type: ignore[valid-type]
        assert mixed["anything"] is Any and mixed["dangling"] is Any and mixed["str"] is int
        assert set(typing.get_type_hints(odd.Derived)) == {"id", "extra"} and odd.Derived.__required_keys__ == {"id"}
        assert odd.Names == List[str] and odd.Same is odd.Base and "n" in typing.get_type_hints(odd.OddPage)
    finally:
        del sys.modules["odd_schemas"]
    # ... and a type checker reads it the same way.
    use = tmp_path / "use_odd.py"
    use.write_text(
        "from odd_schemas import Derived, Mixed\n"
        "m: Mixed = {'from': 'x', 'kind': 'a'}\n"
        "d: Derived = {'id': 1, 'extra': True}\n"
        "x: float = m['rows'][0]['x-y']\n"
        "bad: Mixed = {'from': 'x', 'kind': 'c'}\n"
    )
    monkeypatch.chdir(tmp_path)
    out = _mypy(use).stdout
    assert out.count("error:") == 1, out
    assert 'use_odd.py:5: error: Incompatible types (expression has type "Literal[\'c\']", TypedDict item "kind"' in out, out
    assert "odd_schemas.py" not in out, out
