"""The partner sign-up flow (Express Sign-Up) and the local express helpers."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

import phonecom
from phonecom import express
from conftest import CONTACT, Sandbox


def test_signup_creates_the_subaccount_and_returns_the_token(client: phonecom.Client, config: Dict[str, Any]) -> None:
    done = client.express.signup(partner="acme", user_id="12345", contact=CONTACT)
    assert done["username"] == "acme-12345"
    assert done["recovered"] is False
    assert len(done["password"]) == express.PASSWORD_LENGTH
    token = done["token"]
    assert token["token_type"] == "Bearer" and token["access_token"]
    account_id = done["account"]["id"]
    # the user's token acts on the user's own account only
    user = client.with_v4_token(token["access_token"], account_id)
    assert user.v4.get_account()["id"] == account_id
    with pytest.raises(phonecom.PermissionDeniedError):
        user.v4.get_account(account_id=config["v4"]["account_id"])
    # the subaccount is listed under the master
    subs = list(client.v4.list_account_subaccounts.iter())
    assert any(s["username"] == "acme-12345" for s in subs)


def test_signup_never_creates_twice_when_the_outcome_is_unknown(client: phonecom.Client, sandbox: Sandbox) -> None:
    # The create is processed but its response is lost: the flow finds the user instead of creating again.
    sandbox.queue_fault("reset_after", method="POST", path="/v4/accounts/", times=1)
    done = client.express.signup(partner="acme", user_id="777", contact=CONTACT)
    assert done["recovered"] is True
    creates = [r for r in sandbox.requests() if r["method"] == "POST" and r["path"].endswith("/subaccounts")]
    assert len(creates) == 1


def test_signup_refuses_bad_input_before_sending(client: phonecom.Client, sandbox: Sandbox) -> None:
    bad = dict(CONTACT, phone="555", address=dict(CONTACT["address"], province=None))  # type: ignore[arg-type]
    sandbox.clear_requests()
    with pytest.raises(phonecom.ValidationError) as e:
        client.express.signup(partner="Acme!", user_id="1", contact=bad)
    fields = {f.field for f in e.value.fields}
    assert "partner" in fields or {"contact.phone", "contact.address.province"} <= fields
    assert sandbox.requests() == []


def test_express_helpers() -> None:
    assert express.username("super-partner", "12345") == "super-partner-12345"
    with pytest.raises(phonecom.ValidationError) as e:
        express.username("Super", "1")
    assert e.value.fields[0].field == "partner"
    a, b = express.generate_password(), express.generate_password(40)
    assert len(a) == 32 and len(b) == 40 and a != b
    with pytest.raises(phonecom.ValidationError):
        express.generate_password(8)
    checked = express.validate_contact(CONTACT)
    assert checked["address"]["country"] == "US"
    with pytest.raises(phonecom.ValidationError) as e:
        express.validate_contact(dict(CONTACT, primary_email="nope"))
    assert any(f.field == "contact.primary_email" for f in e.value.fields)


@pytest.mark.parametrize("length", [-1, -(2**70), 4097, 2**40, 2**64 - 1, 2**64, 2**200])
def test_generate_password_refuses_lengths_out_of_range(length: int) -> None:
    # Negative, huge, or too big for a usize: a ValidationError naming `length`, never an
    # OverflowError, a PanicException or an aborted process.
    with pytest.raises(phonecom.ValidationError) as e:
        express.generate_password(length)
    assert e.value.fields[0].field == "length"
    assert f"(got {length})" in str(e.value)
    assert "from 16 to 4096" in str(e.value)


def test_generate_password_keeps_type_errors() -> None:
    with pytest.raises(TypeError):
        express.generate_password("32")  # type: ignore[arg-type]


def test_nol_signup_then_act_with_the_new_key(client: phonecom.Client) -> None:
    done = client.nol.account_signup(name="Py softphone", email="ops@py.example")
    key = done["api_key"]
    assert key.startswith("nol_")
    acme = client.with_nol_key(key)
    assert isinstance(acme, phonecom.Client)
    assert acme.nol.get_account()["account"]["name"] == "Py softphone"
    # the key is masked in the derived client's errors (the refusal quotes the value) and repr
    with pytest.raises(phonecom.ValidationError) as info:
        acme.nol.get_account_listing(e164=key)
    shown = f"{info.value} {info.value!r} {info.value.fields}"
    assert key not in shown and "***" in shown
    assert key not in repr(acme) and acme.redact(key) == "***"
    # the parent still acts as its own account
    assert client.nol.get_account()["account"]["name"] != "Py softphone"


@pytest.mark.parametrize("key", ["", "  ", "abc"])
def test_with_nol_key_refuses_empty_and_short_keys(client: phonecom.Client, key: str) -> None:
    with pytest.raises(phonecom.ValidationError) as info:
        client.with_nol_key(key)
    assert [f.field for f in info.value.fields] == ["key"]


@pytest.mark.parametrize("token", ["", "abc", "tok en-1234", "t\u00e9t\u00e9-token-1234"])
def test_with_v4_token_refuses_tokens_that_cannot_be_masked_or_sent(client: phonecom.Client, token: str) -> None:
    with pytest.raises(phonecom.ValidationError) as info:
        client.with_v4_token(token)
    assert [f.field for f in info.value.fields] == ["token"]


def test_async_client_with_nol_key(config: Dict[str, Any], sandbox: Sandbox) -> None:
    async def main() -> None:
        async with phonecom.AsyncClient(config) as client:
            done = await client.nol.account_signup(name="Async softphone", email="ops@async.example")
            acme = client.with_nol_key(done["api_key"])
            assert isinstance(acme, phonecom.AsyncClient)
            assert (await acme.nol.get_account())["account"]["name"] == "Async softphone"

    asyncio.run(main())
