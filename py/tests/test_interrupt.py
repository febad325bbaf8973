"""Ctrl-C (SIGINT) during a blocking call raises KeyboardInterrupt at once, not when the call ends.

A child process makes the call against the sandbox's latency fault; this test sends it SIGINT as
soon as the sandbox has the request. The request itself ends in the background: the sandbox sees
it once, the client goes on working, and an interrupted page walk that is resumed loses no row.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

import pytest

from conftest import CONTACT, Sandbox

# The injected latency: far longer than any interruption should take.
LATENCY_S = 6

_CHILD = r"""
import json, os, signal, sys, time
import phonecom

# Ctrl-C raises KeyboardInterrupt, as in a program started from a terminal. A runner that starts
# the suite in the background without job control (`cmd &` in a script) passes SIGINT on as
# ignored, and Python then leaves it ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)

config = json.loads(os.environ["SANDBOX_CONFIG"])
client = phonecom.Client(config, retry={"base_delay": 0.01, "max_delay": 0.05})
contact = json.loads(os.environ["CONTACT"])

def say(event, **fields):
    print(json.dumps(dict(fields, event=event)), flush=True)

def interrupted(step):
    started = time.monotonic()
    try:
        result = step()
    except KeyboardInterrupt:
        say("interrupted", after_s=time.monotonic() - started)
        return
    say("not interrupted", result=repr(result)[:200])

if sys.argv[1] == "call":
    say("calling")
    interrupted(lambda: client.v4.create_account_subaccount(username="ctrl-c-user", password="Pw-0123456789abc", contact=contact))
    # The same client, while the interrupted request still waits out its latency.
    say("next", account_id=client.v4.get_account()["id"])
    sys.stdin.readline()  # the sandbox has answered the interrupted request
    names = [s["username"] for s in client.v4.list_account_subaccounts.iter()]
    say("after", count=names.count("ctrl-c-user"))
else:
    pages = client.v4.list_available_phone_numbers.pages(filters={"npa": "eq:858"}, limit=4)
    offsets = [next(pages)["offset"]]
    say("first page")
    sys.stdin.readline()  # the next page is held up by the latency fault now
    say("calling")
    interrupted(lambda: next(pages))
    for page in pages:  # the walk goes on: the interrupted page first, then the rest
        offsets.append(page["offset"])
    say("walked", offsets=offsets, limit=4)
"""


class Child:
    """The child process and its line protocol."""

    def __init__(self, sandbox: Sandbox, mode: str) -> None:
        env = dict(os.environ, SANDBOX_CONFIG=json.dumps(sandbox.config), CONTACT=json.dumps(CONTACT))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, mode],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def expect(self, event: str) -> Dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"the child ended before {event!r}: {self.finish()}"
        said: Dict[str, Any] = json.loads(line)
        assert said["event"] == event, said
        return said

    def go_on(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()

    def finish(self) -> str:
        _, err = self.proc.communicate(timeout=60)
        return err


def _wait_for(what: str, found: Callable[[], List[Any]]) -> List[Any]:
    """Poll the sandbox (a state, not a timing: the bound only keeps a broken run finite)."""
    for _ in range(600):
        got = found()
        if got:
            return got
        time.sleep(0.05)
    pytest.fail(f"the sandbox never saw {what}")


def test_ctrl_c_interrupts_a_call_and_the_client_goes_on(sandbox: Sandbox) -> None:
    path = f"/v4/accounts/{sandbox.config['v4']['account_id']}/subaccounts"
    sandbox.queue_fault(f"latency={LATENCY_S * 1000}", method="POST", path=path)
    child = Child(sandbox, "call")
    child.expect("calling")
    posts = lambda: [r for r in sandbox.requests() if r["method"] == "POST" and r["path"] == path]  # noqa: E731
    _wait_for("the request", posts)
    os.kill(child.proc.pid, signal.SIGINT)
    said = child.expect("interrupted")
    assert said["after_s"] < LATENCY_S, "interrupted before the latency elapsed, not when the call ended"
    child.expect("next")
    _wait_for("the answer", lambda: [r for r in posts() if r["status"] is not None])
    child.go_on()
    assert child.expect("after")["count"] == 1, "the interrupted request took effect once"
    assert child.finish() == ""
    assert child.proc.returncode == 0
    assert len(posts()) == 1, "no second send"


def test_ctrl_c_interrupts_a_page_and_the_walk_loses_nothing(sandbox: Sandbox) -> None:
    child = Child(sandbox, "pages")
    child.expect("first page")
    path = "/v4/phone-numbers/available"
    gets = lambda: [r for r in sandbox.requests() if r["path"] == path]  # noqa: E731
    seen = len(gets())
    sandbox.queue_fault(f"latency={LATENCY_S * 1000}", method="GET", path=path)
    child.go_on()
    child.expect("calling")
    _wait_for("the page request", lambda: gets()[seen:])
    os.kill(child.proc.pid, signal.SIGINT)
    assert child.expect("interrupted")["after_s"] < LATENCY_S
    walked = child.expect("walked")
    assert child.finish() == "" and child.proc.returncode == 0
    offsets = walked["offsets"]
    assert len(offsets) >= 3 and offsets == [i * walked["limit"] for i in range(len(offsets))], offsets
    asked = [r["query"].get("offset", "0") for r in gets()]
    assert len(asked) == len(set(asked)), f"each page was fetched once: {asked}"
