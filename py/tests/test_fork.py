"""A process forked after it made calls calls on in the child: multiprocessing's default start
method on Linux, gunicorn ``--preload`` and Celery's prefork pool all fork a process that already
has a client. ``fork`` copies only the calling thread, so the binding's worker threads (the main
thread's calls run on one, to keep Ctrl-C working, and so do AsyncClient's) are not in the child:
the child must start its own instead of handing its call to a thread that does not exist there
(it hung forever before)."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any, Callable, Dict

import pytest

import phonecom

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _in_child(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked child; its exit status, or -1 when it has not ended within 30 s
    (then it is killed: a hang, not a slow call, since the sandbox answers in milliseconds)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    ends = time.monotonic() + 30
    while time.monotonic() < ends:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return -1


def test_a_forked_child_calls_on(client: phonecom.Client) -> None:
    account = client.call("v4.get-account")["id"]  # the parent now has a worker thread
    for _ in range(3):
        assert _in_child(lambda: client.call("v4.get-account")) == 0
    assert client.call("v4.get-account")["id"] == account  # and the parent's still works


def test_a_forked_child_awaits_on(config: Dict[str, Any]) -> None:
    async def one(c: Any) -> None:
        await c.call("v4.get-account")

    async def parent() -> Any:
        c = phonecom.AsyncClient(config)
        await asyncio.gather(*(one(c) for _ in range(4)))
        return c

    shared = asyncio.run(parent())
    assert _in_child(lambda: asyncio.run(one(shared))) == 0
    asyncio.run(one(shared))
