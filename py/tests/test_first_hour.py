"""Issue 14, the first hour of a new user, in Python: "did you mean" on a mistyped attribute,
``from_env`` with ``PHONECOM_CONFIG``, the raw exchange (``Response.headers``/``.body``,
``last_response``, the debug log), durations in seconds with errors that name the limit, ``repr``
without secrets, ``app_info`` and per-call headers as the sandbox received them."""

from __future__ import annotations

import json
import logging
import socket
from pathlib import Path
from typing import Any, Dict

import pytest

import phonecom
from conftest import Sandbox


def _clear_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("PHONECOM_") and key != "PHONECOM_SANDBOX_BIN":
            monkeypatch.delenv(key)


# item 1 ---------------------------------------------------------------------------------------


def test_a_mistyped_operation_suggests_the_right_one(client: phonecom.Client) -> None:
    with pytest.raises(AttributeError) as e:
        client.v4.get_acount  # noqa: B018
    message = str(e.value)
    assert "did you mean client.v4.get_account" in message, message
    with pytest.raises(AttributeError, match=r"did you mean client\.xml\.get_phone_number_list"):
        client.xml.get_number_list  # noqa: B018
    assert not hasattr(client.v4, "get_acount")


# item 2 ---------------------------------------------------------------------------------------


def test_from_env_reads_phonecom_config_as_a_path_and_as_json(
    config: Dict[str, Any], config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clear_env(monkeypatch)
    account = config["v4"]["account_id"]
    monkeypatch.setenv("PHONECOM_CONFIG", str(config_file))
    assert phonecom.Client.from_env().v4.get_account()["id"] == account
    monkeypatch.setenv("PHONECOM_CONFIG", json.dumps(config))
    assert phonecom.Client.from_env().v4.get_account()["id"] == account
    # The other variables win over the file's fields.
    monkeypatch.setenv("PHONECOM_V4_ACCOUNT_ID", "999999")
    with pytest.raises(phonecom.NotFoundError):
        phonecom.Client.from_env().v4.get_account()


def test_with_nothing_configured_the_first_call_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_env(monkeypatch)
    client = phonecom.Client.from_env()
    with pytest.raises(phonecom.PhoneComError) as e:
        client.v4.get_account()
    message = str(e.value)
    assert "no credentials were configured" in message, message
    assert "PHONECOM_CONFIG" in message and "PHONECOM_V4_TOKEN" in message, message
    assert e.value.attempts == 0


# item 4 ---------------------------------------------------------------------------------------


def test_a_response_has_its_headers_and_raw_body(client: phonecom.Client) -> None:
    assert client.last_response is None
    r = client.call_with_response("v4.get-account")
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-request-id"] == r.request_id
    assert json.loads(r.body) == r.data
    assert r.body_truncated is False
    assert client.last_response is r
    listed = client.v4.list_account_phone_numbers(limit=1)
    last = client.last_response
    assert last is not None and last is not r and last.data == listed


def test_last_response_masks_a_token_in_a_header(client: phonecom.Client, config: Dict[str, Any]) -> None:
    found = client.v4.create_oauth_authorization(
        client_id=config["oauth"]["client_id"],
        response_type="token",
        scope="account-owner",
        redirect_uri="https://express.phone.com",
    )
    token = found["location"].split("access_token=")[1].split("&")[0]
    assert client.last_response is not None
    location = client.last_response.headers["location"]
    assert "access_token=***" in location and token not in location


def test_debug_log_shows_headers_and_bodies_masked(
    config: Dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    client = phonecom.Client(config, debug_log=True)
    with caplog.at_level(logging.DEBUG, logger="phonecom"):
        client.v4.get_account()
    records = [r for r in caplog.records if r.name == "phonecom"]
    request = next(r for r in records if r.phonecom["kind"] == "request")  # type: ignore[attr-defined]
    response = next(r for r in records if r.phonecom["kind"] == "response")  # type: ignore[attr-defined]
    assert request.phonecom["headers"]["authorization"] == "Bearer ***"  # type: ignore[attr-defined]
    assert "authorization: Bearer ***" in request.getMessage()
    assert json.loads(response.phonecom["body"])["id"] == config["v4"]["account_id"]  # type: ignore[attr-defined]
    assert config["v4"]["token"] not in caplog.text


# item 7 ---------------------------------------------------------------------------------------


def test_durations_are_seconds_and_a_timeout_names_its_limit(config: Dict[str, Any], sandbox: Sandbox) -> None:
    client = phonecom.Client(config, timeouts={"connect": 2.0, "per_attempt": 0.3}, deadline=30.0, retry={"max_attempts": 1})
    sandbox.fault("latency=1500", path="/v4/accounts", times=1)
    with pytest.raises(phonecom.TimeoutError, match="the 300 ms per-attempt timeout elapsed"):
        client.v4.get_account()
    # Per call, the same names.
    client = phonecom.Client(config)
    sandbox.fault("latency=1500", path="/v4/accounts", times=1)
    with pytest.raises(phonecom.TimeoutError, match="the 400 ms deadline for the whole call elapsed"):
        client.call("v4.get-account", deadline=0.4, max_attempts=1)
    sandbox.fault("latency=1500", path="/v4/accounts", times=1)
    with pytest.raises(phonecom.TimeoutError, match="the 250 ms per-attempt"):
        client.with_options(timeouts={"per_attempt": 0.25}, max_attempts=1).v4.get_account()


def test_bad_durations_name_the_field(config: Dict[str, Any], client: phonecom.Client) -> None:
    with pytest.raises(phonecom.ValidationError) as e:
        phonecom.Client(config, timeouts={"per_attempt": -1})
    assert e.value.fields[0].field == "timeouts.per_attempt"
    with pytest.raises(phonecom.ValidationError) as e:
        client.call("v4.get-account", timeouts={"connect": 1.0})
    assert e.value.fields[0].field == "timeouts.connect"
    with pytest.raises(phonecom.ValidationError) as e:
        client.call("v4.get-account", deadline=float("nan"))
    assert e.value.fields[0].field == "deadline"


def test_the_old_spellings_still_work_with_a_deprecation_warning(config: Dict[str, Any]) -> None:
    with pytest.warns(DeprecationWarning, match=r"timeouts=\{'per_attempt': seconds\}"):
        client = phonecom.Client(config, timeouts={"overall_ms": 5000})
    with pytest.warns(DeprecationWarning, match="`timeout` is deprecated"):
        assert client.call("v4.get-account", timeout=5)["id"] == config["v4"]["account_id"]


def test_a_refused_connection_names_host_and_port() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = phonecom.Client(
        {"v4": {"base_url": f"http://127.0.0.1:{port}/v4", "token": "tok_refused", "account_id": 1}, "retry": {"max_attempts": 1}}
    )
    with pytest.raises(phonecom.TransportError, match=f"connection refused by 127.0.0.1:{port}"):
        client.v4.get_account()


# item 8 ---------------------------------------------------------------------------------------


def test_repr_shows_families_and_hosts_never_secrets(client: phonecom.Client, config: Dict[str, Any]) -> None:
    shown = repr(client)
    assert f"v4={config['v4']['base_url']} (account {config['v4']['account_id']})" in shown, shown
    assert f"nol={config['nol']['base_url']}" in shown and "xml=" in shown and "v1=" in shown, shown
    for secret in (config["v4"]["token"], config["nol"]["api_key"], config["xml"]["password"]):
        assert secret not in shown
    assert "v4=https://api.phone.com/v4 (no credentials)" in repr(phonecom.Client())


def test_app_info_and_extra_headers_reach_the_server(config: Dict[str, Any], sandbox: Sandbox) -> None:
    client = phonecom.Client(config, app_info={"name": "AcmePortal", "version": "2.1.0", "url": "https://acme.example"})
    assert client.user_agent.endswith(" AcmePortal/2.1.0 (+https://acme.example)")
    client.call("v4.get-account", headers={"X-Partner-Trace": "trace-77"})
    received = sandbox.requests()[-1]["headers"]
    assert received["user-agent"] == client.user_agent
    assert received["x-partner-trace"] == "trace-77"
    with pytest.raises(phonecom.ValidationError) as e:
        client.call("v4.get-account", headers={"Authorization": "Bearer other-1234"})
    assert e.value.fields[0].field == "headers.Authorization"
    with pytest.raises(phonecom.ValidationError) as e:
        client.call("v4.get-account", headers={"X-Trace": "a\r\nX-Injected: 1"})
    assert e.value.fields[0].field == "headers.X-Trace"
    with pytest.raises(phonecom.ValidationError) as e:
        phonecom.Client(config, app_info={"name": "Acme Portal"})
    assert e.value.fields[0].field == "app_info.name"
