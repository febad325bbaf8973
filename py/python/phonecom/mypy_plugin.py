"""A mypy plugin that checks the operation name of ``client.call("...")`` when it is written out.

The stubs give ``call`` and ``call_with_response`` one overload per operation (its name as a
``Literal``, its parameters and its result) and a last one taking any ``str``, so that a name held
in a variable still type-checks. Python's type system cannot tell a misspelt literal from a
variable, so without this plugin ``client.call("v4.get-acount")`` falls to the ``str`` overload,
and so does a known name called with parameters that do not fit. With it, mypy reports both::

    client.call("v4.get-acount")
    # error: "v4.get-acount" is not a phonecom operation (did you mean "v4.get-account"?)
    client.call("express.signup", {"partner": "acme", "user_id": "1", "contact": {"name": "x"}})
    # error: Argument 2 to "call" of "Client" has incompatible type ...

Enable it in the project's mypy configuration (``pyproject.toml``)::

    [tool.mypy]
    plugins = ["phonecom.mypy_plugin"]
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from typing import Callable, FrozenSet, List, Optional, Type

from mypy.nodes import StrExpr
from mypy.plugin import MethodSigContext, Plugin
from mypy.types import CallableType, Instance, UninhabitedType, get_proper_type

_METHODS = frozenset(
    f"phonecom._client.{cls}.{method}"
    for cls in ("Client", "AsyncClient")
    for method in ("call", "call_with_response")
)


@lru_cache(maxsize=1)
def operation_names() -> FrozenSet[str]:
    """Every canonical operation name, from the installed package's catalog."""
    from phonecom import _native

    return frozenset(op["name"] for op in json.loads(_native.catalog_json())["operations"])


def _is_str_form(sig: CallableType) -> bool:
    """Whether this overload is the last one, whose `name` is any `str`."""
    if not sig.arg_types:
        return False
    name = get_proper_type(sig.arg_types[0])
    return isinstance(name, Instance) and name.type.fullname == "builtins.str" and name.last_known_value is None


def _check_call(ctx: MethodSigContext) -> CallableType:
    sig = ctx.default_signature
    name_args = ctx.args[0] if ctx.args else []
    literal = name_args[0].value if len(name_args) == 1 and isinstance(name_args[0], StrExpr) else None
    if literal is None or not _is_str_form(sig):
        return sig
    if literal not in operation_names():
        close = difflib.get_close_matches(literal, sorted(operation_names()), n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        ctx.api.fail(f'"{literal}" is not a phonecom operation{hint}', ctx.context)
        return sig
    # A known name: only its own overload may match, so its parameters are checked.
    return sig.copy_modified(arg_types=[UninhabitedType(), *sig.arg_types[1:]])


class PhonecomPlugin(Plugin):
    """Checks written-out operation names of ``call`` and ``call_with_response``."""

    def get_method_signature_hook(self, fullname: str) -> Optional[Callable[[MethodSigContext], CallableType]]:
        return _check_call if fullname in _METHODS else None


def plugin(version: str) -> Type[Plugin]:
    """mypy's entry point."""
    return PhonecomPlugin


__all__: List[str] = ["plugin", "PhonecomPlugin", "operation_names"]
