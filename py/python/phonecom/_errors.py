"""The exceptions of libphonecom: one base class and one subclass per error kind.

Every error carries the structured fields of the core's error as attributes; ``str()`` is one
line naming the kind, the operation, the HTTP status, the message, the offending fields and the
request id. No attribute and no message ever holds a token, password or key.
"""

from __future__ import annotations

import builtins
from typing import Any, Dict, List, Mapping, Optional, Tuple, Type

__all__ = [
    "PhoneComError",
    "ValidationError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "TransportError",
    "TimeoutError",
    "DecodeError",
    "InternalError",
    "FieldError",
]


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

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (self.to_dict(),))

    def to_dict(self) -> Dict[str, Any]:
        """Every structured field as a JSON-ready dict (the same keys the C and Node bindings use)."""
        return {
            "kind": self.kind,
            "message": self.message,
            "family": self.family,
            "operation": self.operation,
            "status": self.status,
            "upstream_code": self.upstream_code,
            "upstream_message": self.upstream_message,
            "fields": [{"field": f.field, "message": f.message} for f in self.fields],
            "retry_after": self.retry_after,
            "request_id": self.request_id,
            "retryable": self.retryable,
            "raw_body": self.raw_body,
            "attempts": self.attempts,
        }


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
    """The resource does not exist (404)."""

    kind = "not_found"


class ConflictError(PhoneComError):
    """The request conflicts with the resource's state (409)."""

    kind = "conflict"


class RateLimitError(PhoneComError):
    """Too many requests (429); see ``retry_after``."""

    kind = "rate_limited"


class ServerError(PhoneComError):
    """The upstream failed (5xx)."""

    kind = "server"


class TransportError(PhoneComError, builtins.ConnectionError):
    """The connection failed or was cut (DNS, refused, reset, TLS). Also a ``ConnectionError``."""

    kind = "transport"


class TimeoutError(PhoneComError, builtins.TimeoutError):  # noqa: A001 - the kind's name
    """A timeout, or the call's deadline expired. Also the built-in ``TimeoutError``."""

    kind = "timeout"


class DecodeError(PhoneComError):
    """The response could not be understood (a complete but malformed JSON/XML body); see ``raw_body``.

    A body cut short or a connection reset mid-body is a :class:`TransportError` instead.
    """

    kind = "decode"


class InternalError(PhoneComError):
    """A bug inside libphonecom (a Rust panic), caught before it reached your code.

    The message says where in the library it happened, never what was being processed; nothing
    is printed on stderr. Please report it. The client stays usable.
    """

    kind = "internal"


_BY_KIND: Dict[str, Type[PhoneComError]] = {
    cls.kind: cls
    for cls in (
        ValidationError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        RateLimitError,
        ServerError,
        TransportError,
        TimeoutError,
        DecodeError,
        InternalError,
    )
}


def error_class(kind: str) -> Type[PhoneComError]:
    """The exception class of an error kind (``PhoneComError`` for an unknown one)."""
    return _BY_KIND.get(kind, PhoneComError)


def _rebuild(details: Mapping[str, Any]) -> PhoneComError:
    return _from_native(details)


def _from_native(details: Mapping[str, Any]) -> PhoneComError:
    """Build the exception for the core's ``Error::to_json()`` (called by the native module)."""
    cls = error_class(str(details.get("kind", "")))
    fields = [FieldError(str(f.get("field", "")), str(f.get("message", ""))) for f in details.get("fields") or []]
    return cls(
        str(details.get("message", "")),
        family=details.get("family"),
        operation=details.get("operation"),
        status=details.get("status"),
        upstream_code=details.get("upstream_code"),
        upstream_message=details.get("upstream_message"),
        fields=fields,
        retry_after=details.get("retry_after"),
        request_id=details.get("request_id"),
        retryable=bool(details.get("retryable", False)),
        raw_body=details.get("raw_body"),
        attempts=int(details.get("attempts") or 0),
    )
