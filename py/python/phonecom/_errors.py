"""The exceptions of libphonecom: one base class and one subclass per error kind.

Every error carries the structured fields of the core's error as attributes; ``str()`` is one
line naming the kind, the operation, the HTTP status, the message, the offending fields and the
request id. No attribute and no message ever holds a token, password or key.

The kinds, their class names (the same scheme in Python, Node and PHP) and the field list are
generated from the core's table (``core/src/error_table.rs``) by ``scripts/regen.sh``. Old
class names (``RateLimitError``) still work, with a ``DeprecationWarning``.
"""

from __future__ import annotations

import builtins
import warnings
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type


class FieldError(Tuple[str, str]):
    """One rejected field: ``(field, message)``, also as ``.field`` and ``.message``."""

    __slots__ = ()

    def __new__(cls, field: str, message: str) -> "FieldError":
        return super().__new__(cls, (field, message))

    @property
    def field(self) -> str:
        """The field's name as the caller wrote it (``contact.address.country``)."""
        return self[0]

    @property
    def message(self) -> str:
        """The rule it broke."""
        return self[1]

    def __repr__(self) -> str:
        return f"FieldError(field={self[0]!r}, message={self[1]!r})"


class PhoneComError(Exception):
    """Any failure of libphonecom.

    Attributes:
        kind: the stable category (``"validation"``, ``"rate_limited"``, ...).
        message: the full one-line description (also ``str(error)``).
        family: the API family (``v4``, ``oauth``, ``express``, ``xml``, ``v1``, ``nol``).
        operation: the canonical operation name (``v4.create-account-subaccount``).
        status: the HTTP status of the failed response.
        upstream_code: the upstream's own error code.
        upstream_message: the upstream's own message.
        fields: the rejected fields, as :class:`FieldError` pairs.
        retry_after: seconds the upstream asked to wait.
        request_id: the request id of the failed exchange.
        retryable: whether trying again later could succeed.
        raw_body: a bounded prefix of an unparseable response body.
        attempts: how many times the request was sent (0 when refused before sending).
        doc_url: a page that explains the error, when the upstream gave one.
        details: further structured facts the upstream or the library gave (a dict).
    """

    kind: str = "error"

    def __init__(
        self,
        message: str,
        *,
        family: Optional[str] = None,
        operation: Optional[str] = None,
        status: Optional[int] = None,
        upstream_code: Optional[str] = None,
        upstream_message: Optional[str] = None,
        fields: Optional[List[FieldError]] = None,
        retry_after: Optional[float] = None,
        request_id: Optional[str] = None,
        retryable: bool = False,
        raw_body: Optional[str] = None,
        attempts: int = 0,
        doc_url: Optional[str] = None,
        details: Optional[Mapping[str, Any]] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.family = family
        self.operation = operation
        self.status = status
        self.upstream_code = upstream_code
        self.upstream_message = upstream_message
        self.fields: List[FieldError] = list(fields or [])
        self.retry_after = retry_after
        self.request_id = request_id
        self.retryable = retryable
        self.raw_body = raw_body
        self.attempts = attempts
        self.doc_url = doc_url
        self.details: Dict[str, Any] = dict(details or {})

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (self.to_dict(),))

    def to_dict(self) -> Dict[str, Any]:
        """Every structured field as a JSON-ready dict (the keys of the core's error JSON, which
        the C and PHP bindings give as is)."""
        out = {name: getattr(self, name) for name in ERROR_FIELDS}
        out["fields"] = [{"field": f.field, "message": f.message} for f in self.fields]
        out["details"] = dict(self.details)
        return out


# --- generated from core/src/error_table.rs by scripts/regen.sh: do not edit ---

__all__ = [
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
    "ERROR_FIELDS",
]

#: Every field of the core's error JSON, in its order; each is an attribute of PhoneComError.
ERROR_FIELDS: Tuple[str, ...] = (
    "kind",  # the stable category (`validation`, `rate_limited`, ...)
    "message",  # the full one-line description
    "family",  # the API family (`v4`, `oauth`, `express`, `xml`, `v1`, `nol`)
    "operation",  # the canonical operation name (`v4.create-account-subaccount`)
    "status",  # the HTTP status of the failed response
    "upstream_code",  # the upstream's own error code
    "upstream_message",  # the upstream's own message
    "fields",  # the rejected fields, each a field name and the rule it broke
    "retry_after",  # seconds the upstream (or the local rate budget) asked to wait
    "request_id",  # the request id of the failed exchange
    "retryable",  # whether trying again later could succeed
    "raw_body",  # a bounded prefix of a response body that could not be understood
    "attempts",  # how many times the request was sent (0 when refused before sending)
    "doc_url",  # a page that explains the error, when the upstream gave one
    "details",  # further structured facts the upstream or the library gave (an object)
)


class ValidationError(PhoneComError, ValueError):
    """Bad input, refused before sending (naming the field and the rule), or refused by the upstream (400/422)."""

    kind = "validation"


class AuthenticationError(PhoneComError):
    """Missing or wrong credentials (401)."""

    kind = "authentication"


class PermissionDeniedError(PhoneComError):
    """Valid credentials, but not allowed to do this (403, 402-style refusals)."""

    kind = "permission"


class NotFoundError(PhoneComError):
    """The resource does not exist (404, 410)."""

    kind = "not_found"


class ConflictError(PhoneComError):
    """The request conflicts with the resource's state (409)."""

    kind = "conflict"


class RateLimitedError(PhoneComError):
    """Too many requests (429, or the local rate budget); see retry_after."""

    kind = "rate_limited"


class ServerError(PhoneComError):
    """The upstream failed (5xx)."""

    kind = "server"


class TransportError(PhoneComError, builtins.ConnectionError):
    """The connection failed or was cut (DNS, refused, reset, TLS, a body cut short)."""

    kind = "transport"


class TimeoutError(PhoneComError, builtins.TimeoutError):  # noqa: A001 - the kind's name
    """A timeout, or the call's deadline expired."""

    kind = "timeout"


class DecodeError(PhoneComError):
    """A complete response could not be understood (malformed JSON or XML); see raw_body."""

    kind = "decode"


class InternalError(PhoneComError):
    """A bug inside libphonecom (a Rust panic), caught at the binding's boundary; please report it."""

    kind = "internal"


_BY_KIND: Dict[str, Type[PhoneComError]] = {
    "validation": ValidationError,
    "authentication": AuthenticationError,
    "permission": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "rate_limited": RateLimitedError,
    "server": ServerError,
    "transport": TransportError,
    "timeout": TimeoutError,
    "decode": DecodeError,
    "internal": InternalError,
}

#: Old class names, still importable with a DeprecationWarning: old name -> current class.
_DEPRECATED: Dict[str, Type[PhoneComError]] = {
    "RateLimitError": RateLimitedError,
}
# --- end of generated code ---


def error_class(kind: str) -> Type[PhoneComError]:
    """The exception class of an error kind (``PhoneComError`` for an unknown one)."""
    return _BY_KIND.get(kind, PhoneComError)


def _rebuild(details: Mapping[str, Any]) -> PhoneComError:
    return _from_native(details)


def __getattr__(name: str) -> Type[PhoneComError]:
    """The old class names (``RateLimitError``), with a DeprecationWarning naming the new one."""
    return _deprecated(name, stacklevel=3)


def _deprecated(name: str, stacklevel: int) -> Type[PhoneComError]:
    """The class an old name stands for, warning where it was used (``stacklevel``)."""
    cls = _DEPRECATED.get(name)
    if cls is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"phonecom.{name} is deprecated: use phonecom.{cls.__name__} (the same class)",
        DeprecationWarning,
        stacklevel=stacklevel,
    )
    return cls


def _from_native(details: Mapping[str, Any]) -> PhoneComError:
    """Build the exception for the core's ``Error::to_json()`` (called by the native module)."""
    cls = error_class(str(details.get("kind", "")))
    fields = [FieldError(str(f.get("field", "")), str(f.get("message", ""))) for f in details.get("fields") or []]
    extra: Dict[str, Any] = {name: details.get(name) for name in ERROR_FIELDS if name not in ("kind", "message", "fields")}
    extra["retryable"] = bool(extra["retryable"])
    extra["attempts"] = int(extra["attempts"] or 0)
    return cls(str(details.get("message", "")), fields=fields, **extra)
