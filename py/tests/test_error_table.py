"""The exception classes come from the core's error table (core/src/error_table.rs): one class
per kind named by the scheme every language shares, every field of the core's error JSON as an
attribute (``doc_url`` and ``details`` included), and the old names as deprecated aliases."""

from __future__ import annotations

import pickle
import warnings
from typing import Any, Dict

import pytest

import phonecom
from phonecom import _errors

# The cross-language table (README "Errors"): kind -> Python class name.
EXPECTED = {
    "validation": "ValidationError",
    "authentication": "AuthenticationError",
    "permission": "PermissionDeniedError",
    "not_found": "NotFoundError",
    "conflict": "ConflictError",
    "rate_limited": "RateLimitedError",
    "server": "ServerError",
    "transport": "TransportError",
    "timeout": "TimeoutError",
    "decode": "DecodeError",
    "internal": "InternalError",
}


def test_every_core_kind_has_its_class_under_the_shared_name() -> None:
    assert set(phonecom._native.error_kinds()) | {"internal"} == set(EXPECTED)
    for kind, name in EXPECTED.items():
        cls = getattr(phonecom, name)
        assert phonecom.error_class(kind) is cls and cls.kind == kind
        assert issubclass(cls, phonecom.PhoneComError) and name in phonecom.__all__


def test_the_old_name_is_the_same_class_with_a_deprecation_warning() -> None:
    with pytest.warns(DeprecationWarning, match="RateLimitedError"):
        old = phonecom.RateLimitError
    assert old is phonecom.RateLimitedError
    with pytest.warns(DeprecationWarning):
        from phonecom import RateLimitError  # noqa: F401
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert phonecom.RateLimitedError.kind == "rate_limited"  # the new name never warns
    with pytest.raises(AttributeError):
        phonecom.NoSuchError  # noqa: B018


def test_to_dict_has_exactly_the_core_fields() -> None:
    err = phonecom.ValidationError("x", doc_url="https://docs.example/e", details={"a": 1})
    assert tuple(err.to_dict()) == _errors.ERROR_FIELDS
    assert err.to_dict()["doc_url"] == "https://docs.example/e" and err.to_dict()["details"] == {"a": 1}
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is phonecom.ValidationError and again.details == {"a": 1}


def test_an_upstream_doc_url_reaches_python(config: Dict[str, Any]) -> None:
    wrong = phonecom.Client(config, v1={"api_key": "v1-wrong-key-0123456789"}, retry={"max_attempts": 1})
    with pytest.raises(phonecom.AuthenticationError) as e:
        wrong.v1.menus.list()
    assert (e.value.doc_url or "").startswith("https://docs.phone.com/"), e.value.to_dict()


def test_details_of_a_local_rate_budget_refusal_reach_python(config: Dict[str, Any]) -> None:
    paced = phonecom.Client(config, budget={"store": "memory", "v4": {"per_endpoint": 1, "window_s": 30}})
    paced.v4.get_account()
    with pytest.raises(phonecom.RateLimitedError) as e:
        paced.call("v4.get-account", deadline=0.5)
    assert e.value.details["source"] == "local_budget" and e.value.details["wait_ms"] > 0
