"""The logging bridge forwards only the events the ``phonecom`` logger takes (read as each call
starts, so a quiet logger costs the worker thread no trip into the interpreter), and a change of
the logging configuration applies from the next call, for sync and async clients alike."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

import pytest

import phonecom
from conftest import Sandbox


def _kinds(caplog: pytest.LogCaptureFixture) -> List[str]:
    return [getattr(r, "phonecom")["kind"] for r in caplog.records if r.name == "phonecom"]


def test_level_changes_apply_from_the_next_call(client: phonecom.Client, sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="phonecom")
    client.v4.get_account()
    assert _kinds(caplog) == []
    caplog.set_level(logging.DEBUG, logger="phonecom")
    client.v4.get_account()
    assert _kinds(caplog) == ["request", "response"]
    caplog.clear()
    # INFO: the retry is logged, the requests and responses are not.
    caplog.set_level(logging.INFO, logger="phonecom")
    sandbox.queue_fault("status=503", path="/v4/accounts", times=1)
    client.v4.get_account()
    assert _kinds(caplog) == ["retry"]


def test_async_calls_and_page_walks_log_too(config: Dict[str, Any], caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="phonecom")

    async def main() -> Any:
        client = phonecom.AsyncClient(config)
        await client.v4.get_account()
        return [p async for p in client.v4.list_available_phone_numbers.pages(limit=100, filters={"npa": "eq:858"})][:1]

    assert asyncio.run(main())
    assert _kinds(caplog).count("request") >= 2
