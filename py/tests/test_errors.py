"""Every error kind as its exception class, with the structured fields, and no secret anywhere."""

from __future__ import annotations

import json
import pickle
import socket
from typing import Any, Dict, Type

import pytest

import phonecom
from phonecom import _native
from conftest import Sandbox, config_secrets, leaks

ALL = {
    "validation": phonecom.ValidationError,
    "authentication": phonecom.AuthenticationError,
    "permission": phonecom.PermissionDeniedError,
    "not_found": phonecom.NotFoundError,
    "conflict": phonecom.ConflictError,
    "rate_limited": phonecom.RateLimitedError,
    "server": phonecom.ServerError,
    "transport": phonecom.TransportError,
    "timeout": phonecom.TimeoutError,
    "decode": phonecom.DecodeError,
}


def _no_secret(err: phonecom.PhoneComError, config: Dict[str, Any]) -> None:
    text = " ".join([str(err), repr(err), repr(err.to_dict()), json.dumps(err.to_dict())])
    assert leaks(text, config_secrets(config)) == []


def test_one_class_per_kind() -> None:
    assert set(_native.error_kinds()) == set(ALL)
    # One more kind than the core's: a bug inside the library, caught at the boundary.
    for kind, cls in {**ALL, "internal": phonecom.InternalError}.items():
        assert issubclass(cls, phonecom.PhoneComError) and cls.kind == kind
        assert phonecom.error_class(kind) is cls
    assert issubclass(phonecom.ValidationError, ValueError)
    assert issubclass(phonecom.TimeoutError, TimeoutError)
    assert issubclass(phonecom.TransportError, ConnectionError)


def _expect(cls: Type[phonecom.PhoneComError], fn: Any, config: Dict[str, Any]) -> phonecom.PhoneComError:
    with pytest.raises(cls) as info:
        fn()
    err = info.value
    assert type(err) is cls, f"{type(err).__name__}: {err}"
    assert str(err).startswith(f"[{cls.kind}]")
    assert err.to_dict()["kind"] == cls.kind
    _no_secret(err, config)
    clone = pickle.loads(pickle.dumps(err))
    assert type(clone) is cls and clone.to_dict() == err.to_dict()
    return err


def test_validation_before_sending(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.clear_requests()
    err = _expect(
        phonecom.ValidationError,
        lambda: client.v4.create_account_sms(from_="123", to="+18585550100", text="x" * 2000, bogus=1),
        config,
    )
    fields = {f.field for f in err.fields}
    assert {"from", "bogus"} <= fields
    assert err.attempts == 0 and err.status is None and err.operation == "v4.create-account-sms"
    assert "`from`" in str(err)
    with pytest.raises(phonecom.ValidationError, match="unknown operation"):
        client.call("v4.no-such-operation")
    with pytest.raises(phonecom.ValidationError, match="params must be a JSON object"):
        client.call("v4.get-account", [1, 2])  # type: ignore[arg-type]
    assert sandbox.requests() == []


def test_validation_from_the_upstream(client: phonecom.Client, config: Dict[str, Any]) -> None:
    client.v4.create_account_subaccount(username="dup-user", password="Secret-password-1")
    err = _expect(
        phonecom.ValidationError,
        lambda: client.v4.create_account_subaccount(username="dup-user", password="Secret-password-1"),
        config,
    )
    assert err.status == 422 and err.family == "v4" and err.request_id
    assert any(f.field == "username" for f in err.fields)
    assert "Secret-password-1" not in str(err)


def test_authentication(config: Dict[str, Any]) -> None:
    bad = phonecom.Client(config, v4={"token": "sbx_wrong_token_0123456789"})
    err = _expect(phonecom.AuthenticationError, bad.v4.get_account, config)
    assert err.status == 401 and "sbx_wrong_token_0123456789" not in str(err)


def test_permission(client: phonecom.Client, config: Dict[str, Any]) -> None:
    from conftest import CONTACT

    done = client.express.signup(partner="acme", user_id="42", contact=CONTACT)
    user = client.with_v4_token(done["token"]["access_token"], done["account"]["id"])
    err = _expect(phonecom.PermissionDeniedError, lambda: user.v4.get_account(account_id=config["v4"]["account_id"]), config)
    assert err.status == 403
    assert done["token"]["access_token"] not in str(err)


def test_not_found(client: phonecom.Client, config: Dict[str, Any]) -> None:
    err = _expect(phonecom.NotFoundError, lambda: client.v4.get_account_phone_number(number_id=987654), config)
    assert err.status == 404 and not err.retryable


def test_conflict(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("status=409", method="POST", times=1)
    err = _expect(phonecom.ConflictError, lambda: client.v4.create_account_subaccount(username="c1", password="Pw-0123456789abc"), config)
    assert err.status == 409 and err.attempts == 1


def test_rate_limited(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("status=429;retry_after=7", path="/v4/accounts", times=1)
    err = _expect(phonecom.RateLimitedError, lambda: client.with_options(max_attempts=1).v4.get_account(), config)
    assert err.status == 429 and err.retry_after == 7.0 and err.retryable
    assert "retry after 7.0s" in str(err)


def test_server(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("status=500", path="/v4/accounts", times=5)
    err = _expect(phonecom.ServerError, lambda: client.with_options(max_attempts=2).v4.get_account(), config)
    assert err.status == 500 and err.attempts == 2 and err.retryable


def test_transport(config: Dict[str, Any]) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = phonecom.Client(config, v4={"base_url": f"http://127.0.0.1:{port}/v4"}, retry={"max_attempts": 1})
    err = _expect(phonecom.TransportError, down.v4.get_account, config)
    assert err.retryable and isinstance(err, ConnectionError)


def test_timeout(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("latency=1500", path="/v4/accounts", times=1)
    err = _expect(phonecom.TimeoutError, lambda: client.call("v4.get-account", timeouts={"per_attempt": 0.3}, max_attempts=1), config)
    assert isinstance(err, TimeoutError)


def test_decode(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("malformed", path="/v4/accounts", times=1)
    err = _expect(phonecom.DecodeError, lambda: client.with_options(max_attempts=1).v4.get_account(), config)
    assert err.raw_body and len(err.raw_body) <= 2048
