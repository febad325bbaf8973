"""Construction, configuration, the generic call, namespaces and per-call options."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, Dict

import pytest

import phonecom
from conftest import Sandbox


def test_constructors_and_overrides(config: Dict[str, Any], config_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    account = config["v4"]["account_id"]
    assert phonecom.Client(config).v4.get_account()["id"] == account
    assert phonecom.Client(json.dumps(config)).call("v4.get-account")["id"] == account
    assert phonecom.Client.from_file(config_file).v4.get_account()["id"] == account
    assert phonecom.Client.from_file(str(config_file), timeouts={"per_attempt": 5.0}).v4.ping() is not None
    for key, value in [
        ("PHONECOM_V4_BASE_URL", config["v4"]["base_url"]),
        ("PHONECOM_V4_TOKEN", config["v4"]["token"]),
        ("PHONECOM_V4_ACCOUNT_ID", str(account)),
    ]:
        monkeypatch.setenv(key, value)
    assert phonecom.Client.from_env().v4.get_account()["id"] == account
    # overrides merge into the environment's document
    c = phonecom.Client.from_env(v4={"account_id": 999999})
    with pytest.raises(phonecom.NotFoundError):
        c.v4.get_account()


def test_bad_config_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(phonecom.ValidationError, match="unknown field"):
        phonecom.Client({"v4": {"tokn": "x"}})
    with pytest.raises(phonecom.ValidationError, match="not valid JSON"):
        phonecom.Client("{nope")
    with pytest.raises(phonecom.ValidationError, match="config file"):
        phonecom.Client.from_file(tmp_path / "missing.json")
    with pytest.raises(phonecom.ValidationError):
        phonecom.Client(v4={"base_url": "http://example.com/v4"})  # plain http off loopback


def test_a_budget_config_paces_calls_and_a_bad_one_is_refused_naming_the_field(config: Dict[str, Any]) -> None:
    # The sandbox's config line turns the budget off (it limits nothing); this one allows 1 call.
    c = phonecom.Client(config, budget={"store": "memory", "v4": {"per_endpoint": 1, "window_s": 30}})
    assert c.v4.get_account()["id"] == config["v4"]["account_id"]
    with pytest.raises(phonecom.RateLimitedError) as limited:
        c.call("v4.get-account", deadline=0.5)
    assert "local rate budget" in str(limited.value) and limited.value.status is None
    for budget, field in [
        ({"v4": {"window_s": 0}}, "budget.v4.window_s"),
        ({"store": "rediss://127.0.0.1:6379/0"}, "budget.store"),
        ({"store": "redis://127.0.0.1:6379/0"}, "state.key"),
    ]:
        with pytest.raises(phonecom.ValidationError) as info:
            phonecom.Client(config, budget=budget)
        assert [f.field for f in info.value.fields] == [field]


def test_no_config_means_the_defaults_and_none_is_refused() -> None:
    defaults = phonecom.Client()
    assert repr(defaults).startswith("<phonecom.Client v4=https://api.phone.com/v4 (no credentials) oauth=")
    for make in (phonecom.Client, phonecom.AsyncClient):
        with pytest.raises(phonecom.ValidationError) as info:
            make(None)  # type: ignore[arg-type]
        assert [f.field for f in info.value.fields] == ["config"]
        assert "`config` is None" in str(info.value) and "Client() with no argument" in str(info.value)


def test_repr_and_user_agent_hide_secrets(client: phonecom.Client, config: Dict[str, Any]) -> None:
    token = config["v4"]["token"]
    assert token not in repr(client)
    assert str(config["v4"]["account_id"]) in repr(client)
    assert client.user_agent.startswith("libphonecom/") and "python" in client.user_agent
    assert client.redact(f"Bearer {token}") != f"Bearer {token}"
    with pytest.raises(TypeError):
        pickle.dumps(client)


def test_context_manager_closes(config: Dict[str, Any]) -> None:
    with phonecom.Client(config) as c:
        assert not c.closed
        c.v4.ping()
    assert c.closed
    with pytest.raises(RuntimeError, match="closed"):
        c.v4.ping()


def test_generic_call_and_response(client: phonecom.Client) -> None:
    account = client.call("v4.get-account", {})
    assert account["username"] == "sandbox-partner"
    r = client.call_with_response("v4.get-account")
    assert r.status == 200 and r.attempts == 1 and r.request_id
    assert r.data["id"] == account["id"]


def test_namespaces_come_from_the_catalog(client: phonecom.Client) -> None:
    names = {op["name"] for op in phonecom.catalog()}
    assert "v4.create-account-subaccount" in names and "express.signup" in names
    assert "create_account_subaccount" in dir(client.v4)
    assert {"v4", "oauth", "express"} <= set(dir(client))
    op = client.v4.list_available_phone_numbers
    assert op.name == "v4.list-available-phone-numbers" and op.pageable
    assert "filters" in op.doc
    assert client.oauth.user_token.name == "oauth.user-token"
    assert client.express.signup.name == "express.signup"
    with pytest.raises(AttributeError, match="no operation"):
        client.v4.no_such_thing
    with pytest.raises(AttributeError, match="families"):
        client.nofamily
    # every catalog entry is reachable by its Python path
    from phonecom import _naming

    for name in names:
        obj: Any = client
        for part in _naming.path(name):
            obj = getattr(obj, part)
        assert obj.name == name


def test_keyword_names_map_to_parameters(client: phonecom.Client, sandbox: Sandbox) -> None:
    numbers = client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=1)
    mine = numbers["items"][0]["phone_number"]
    client.v4.create_account_phone_number(phone_number=mine)
    sms = client.v4.create_account_sms(from_=mine, to="+18585550100", text="hello")
    assert sms["direction"] == "out"
    sent = [r for r in sandbox.requests() if r["method"] == "POST" and r["path"].endswith("/sms")]
    assert sent[-1]["body"]["from"] == mine


def test_per_call_options(client: phonecom.Client, sandbox: Sandbox) -> None:
    sandbox.queue_fault("status=503", path="/v4/accounts", times=1)
    r = client.call_with_response("v4.get-account")
    assert r.attempts == 2  # retried once
    sandbox.queue_fault("status=503", path="/v4/accounts", times=1)
    with pytest.raises(phonecom.ServerError) as e:
        client.with_options(max_attempts=1).v4.get_account()
    assert e.value.attempts == 1 and e.value.status == 503
    with pytest.raises(phonecom.ValidationError, match="timeout"):
        client.call("v4.ping", timeouts={"per_attempt": -1})


def test_values_without_json_form_are_refused(client: phonecom.Client) -> None:
    with pytest.raises(phonecom.ValidationError) as e:
        client.v4.create_account_subaccount(username="x", password="y", contact={"name": object()})
    assert e.value.fields[0].field == "contact.name"
    assert e.value.attempts == 0
    with pytest.raises(phonecom.ValidationError, match="finite"):
        client.call("v4.list-accounts", {"limit": float("nan")})
    with pytest.raises(phonecom.ValidationError, match="too large"):
        client.call("v4.list-accounts", {"limit": 2**70})


def test_none_leaves_a_parameter_out(client: phonecom.Client, config: Dict[str, Any]) -> None:
    # account_id=None still gets the configured account
    assert client.v4.get_account(account_id=None)["id"] == config["v4"]["account_id"]
    page = client.v4.list_available_phone_numbers(filters=None, sort=None, limit=2)
    assert len(page["items"]) == 2
