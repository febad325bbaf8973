"""The rate budget's Redis store through the Python binding: the config and the environment
variables reach the core, and a Redis that does not answer costs no call and logs one WARNING."""

from __future__ import annotations

import logging
import os
import socket
from typing import Any, Dict

import pytest

import phonecom

STATE_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shared(config: Dict[str, Any], url: str) -> Dict[str, Any]:
    config = dict(config)
    config["budget"] = {"store": url}
    config["state"] = {"key": STATE_KEY}
    return config


def test_a_redis_store_needs_the_state_key_and_takes_it_from_the_environment(config: Dict[str, Any]) -> None:
    config = dict(config, budget={"store": "redis://127.0.0.1:6379/0"})
    with pytest.raises(phonecom.ValidationError) as e:
        phonecom.Client(config)
    assert [f.field for f in e.value.fields] == ["state.key"]
    with pytest.raises(phonecom.ValidationError) as e:
        phonecom.Client(dict(config, state={"key": "c2hvcnQ="}))
    assert "32 bytes in base64" in str(e.value) and "c2hvcnQ=" not in str(e.value)
    env = {"PHONECOM_BUDGET_STORE": "redis://127.0.0.1:6379/0", "PHONECOM_STATE_KEY": STATE_KEY}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        with phonecom.Client.from_env() as client:
            assert STATE_KEY not in repr(client)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_a_redis_that_does_not_answer_costs_no_call_and_warns_once(config: Dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="phonecom")
    url = f"redis://:pw-secret-1@127.0.0.1:{free_port()}/0"  # nothing listens there
    with phonecom.Client(shared(config, url)) as client:
        for _ in range(20):
            client.v4.get_account()
    warnings = [r for r in caplog.records if r.name == "phonecom" and r.levelno == logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    text = warnings[0].getMessage()
    assert "this process's own budget" in text and "pw-secret-1" not in text, text
    assert getattr(warnings[0], "phonecom")["kind"] == "warning"
