"""Request/response events reach the `phonecom` logger, with secrets masked."""

from __future__ import annotations

import logging
from typing import Any, Dict

import pytest

import phonecom
from conftest import CONTACT, Sandbox


def test_events_are_logged_without_secrets(client: phonecom.Client, config: Dict[str, Any], sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="phonecom")
    done = client.express.signup(partner="acme", user_id="log1", contact=CONTACT, password="My-own-Passw0rd-123")
    sandbox.queue_fault("status=503", path="/v4/accounts", times=1)
    client.v4.get_account()
    records = [r for r in caplog.records if r.name == "phonecom"]
    kinds = {getattr(r, "phonecom")["kind"] for r in records}
    assert {"request", "response", "retry"} <= kinds
    text = "\n".join(r.getMessage() + repr(getattr(r, "phonecom")) for r in records)
    assert "v4.create-account-subaccount" in text and "oauth.user-token" in text
    for secret in (config["v4"]["token"], "My-own-Passw0rd-123", done["token"]["access_token"]):
        assert secret not in text
    retry = next(r for r in records if getattr(r, "phonecom")["kind"] == "retry")
    assert retry.levelno == logging.INFO


def test_nothing_is_logged_when_the_logger_is_quiet(client: phonecom.Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="phonecom")
    client.v4.get_account()
    assert [r for r in caplog.records if r.name == "phonecom"] == []
