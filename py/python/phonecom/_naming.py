"""Python names for catalog entries, shared by the client's namespaces and the stub generator.

``v4.create-account-subaccount`` is ``client.v4.create_account_subaccount``, ``xml.getCallList``
is ``client.xml.get_call_list``, ``v1.menus.create`` is ``client.v1.menus.create``. Parameters
keep their upstream names, except that a name which is not a Python identifier or is a keyword
gets a trailing ``_`` (``from`` is ``from_``).
"""

from __future__ import annotations

import keyword
import re
from typing import Tuple

_NON_WORD = re.compile(r"[^0-9A-Za-z]+")
_LOWER_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")


def attribute(segment: str) -> str:
    """One segment of a canonical name as a snake_case attribute (``getCallList`` -> ``get_call_list``)."""
    s = _NON_WORD.sub("_", segment)
    s = _ACRONYM.sub(r"\1_\2", s)
    s = _LOWER_UPPER.sub(r"\1_\2", s)
    s = s.strip("_").lower()
    if not s or s[0].isdigit():
        s = "op_" + s
    if keyword.iskeyword(s):
        s += "_"
    return s


def path(name: str) -> Tuple[str, ...]:
    """The attribute path of a canonical name: ``("v1", "menus", "create")``."""
    return tuple(attribute(part) for part in name.split("."))


def parameter(name: str) -> str:
    """The keyword argument for a parameter (its own name unless that is not a usable identifier)."""
    if name.isidentifier() and not keyword.iskeyword(name):
        return name
    s = _NON_WORD.sub("_", name).strip("_") or "param"
    if s[0].isdigit():
        s = "p_" + s
    return s + "_"
