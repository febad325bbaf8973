"""libphonecom for Python: Phone.com's partner APIs and numbers.online, from one client.

>>> import phonecom
>>> client = phonecom.Client.from_env()                                 # doctest: +SKIP
>>> for n in client.v4.list_available_phone_numbers.iter(filters={"npa": "eq:858"}):  # doctest: +SKIP
...     print(n["phone_number"], n["price"])

- :class:`Client` / :class:`AsyncClient`: ``call(name, params)`` for every catalog operation, and
  typed namespaces (``client.v4.create_account_subaccount(...)``) built from the same catalog.
- Exceptions: :class:`PhoneComError` and one subclass per error kind (:class:`InternalError`
  for a bug inside the library).
- Plain functions: :mod:`phonecom.express`, :mod:`phonecom.numbers`.
- The bundled sandbox (a context manager yielding a ready config): :mod:`phonecom.sandbox`.
- Call control (parse Phone.com's requests, render commands, a WSGI helper): :mod:`phonecom.callcontrol`.
- Lists: ``.iter(...)``/``.pages(...)`` of a list operation walk it lazily; ``on_progress=`` gets a
  :class:`Progress` (pages, rows, total) after each page.
- Logging: logger ``phonecom`` (secrets masked).
- Typed entities: :mod:`phonecom.types`.
"""

from __future__ import annotations

from typing import Any

from . import _errors, _native, callcontrol, express, numbers, sandbox, types
from ._client import AsyncClient, AsyncOperation, Client, Namespace, Operation, Response, catalog
from ._paging import AsyncProgressCallback, Progress, ProgressCallback
from ._errors import (
    AuthenticationError,
    ConflictError,
    DecodeError,
    FieldError,
    InternalError,
    NotFoundError,
    PermissionDeniedError,
    PhoneComError,
    RateLimitedError,
    ServerError,
    TimeoutError,
    TransportError,
    ValidationError,
    error_class,
)

__version__: str = _native.__version__

__all__ = [
    "__version__",
    "Client",
    "AsyncClient",
    "Response",
    "Operation",
    "AsyncOperation",
    "Namespace",
    "catalog",
    "Progress",
    "ProgressCallback",
    "AsyncProgressCallback",
    "PhoneComError",
    "ValidationError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitedError",
    "ServerError",
    "TransportError",
    "TimeoutError",
    "DecodeError",
    "InternalError",
    "FieldError",
    "error_class",
    "callcontrol",
    "express",
    "numbers",
    "sandbox",
    "types",
]


def __getattr__(name: str) -> Any:
    """Old names of the exception classes (``phonecom.RateLimitError``), with a DeprecationWarning."""
    return _errors._deprecated(name, stacklevel=3)
