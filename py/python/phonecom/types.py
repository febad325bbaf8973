"""Typed shapes of results, as ``TypedDict``s.

Results are plain dicts: these classes only tell a type checker (and the reader) which keys
are documented. Every result schema of the catalog has one, by the schema's name
(``AccountFull``, ``SmsFull``, ``XmlCallList``, ``NolGetAccountResponse`` ...; nested objects are
named after their path, e.g. ``XmlCallListData``), generated into ``phonecom._schemas`` by
``py/tools/gen_stubs.py``. A key the schema requires is required; any other key may be missing
(``total=False``), and the dicts may hold more keys than these. The older names stay as aliases:
``Account`` (``AccountFull``), ``AvailablePhoneNumber`` (``AvailableNumbersFull``),
``PhoneNumber``, ``Sms``, ``Call``, ``CallLog`` (the ``...Full`` schemas). ``Contact`` is
``ContactInput``, the contact requests take (``name``, ``address``, ``phone`` and
``primary_email`` required; a result's contact is ``ContactAccount``).

>>> from phonecom.types import AvailablePhoneNumber
>>> def area_codes(numbers: "list[AvailablePhoneNumber]") -> "set[str]":
...     return {n["npa"] for n in numbers if "npa" in n}
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Dict, Generic, List, Optional, TypedDict, TypeVar, Union

from . import _schemas
from ._schemas import *  # noqa: F403 (every schema's TypedDict)

__all__ = [
    "ListResult",
    "Page",
    "FileDict",
    "FileParam",
]
__all__ += _schemas.__all__

T = TypeVar("T")


if sys.version_info >= (3, 11) or TYPE_CHECKING:

    class ListResult(TypedDict, Generic[T], total=False):
        """One v4 list response: ``items`` plus the paging fields."""

        filters: Dict[str, Any]
        sort: Dict[str, Any]
        total: int
        offset: int
        limit: int
        items: List[T]

    class Page(TypedDict, Generic[T]):
        """One page of a lazily walked list."""

        items: List[T]
        total: Optional[int]
        offset: int
        limit: int
        request_id: str

else:  # Python 3.9 and 3.10 cannot make a TypedDict generic; a dict is the same shape at run time.

    class ListResult(Dict[str, Any]):  # type: ignore[no-redef]
        """One v4 list response: ``items`` plus the paging fields."""

    class Page(Dict[str, Any]):  # type: ignore[no-redef]
        """One page of a lazily walked list."""


class FileDict(TypedDict, total=False):
    """A file parameter given inline: ``filename`` and ``content_base64`` (``bytes`` are encoded for you)."""

    filename: str
    content_base64: Union[str, bytes]
    path: str


FileParam = Union["os.PathLike[str]", FileDict]
"""A file parameter: a path (``pathlib.Path``) or a :class:`FileDict`."""
