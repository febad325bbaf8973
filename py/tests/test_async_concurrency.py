"""AsyncClient runs its calls on the library's own threads, as many at once as its
``max_concurrency`` allows (never bounded by the interpreter's default executor, which has
``min(32, cores + 4)`` threads), and resolves each future on the loop's thread.

Overlap is counted, not timed: a real HTTP server on loopback holds every request until
``expected`` of them are in flight together (or a few seconds pass) and records the peak.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List

import pytest

import phonecom
from conftest import Sandbox

LIST = json.dumps({"filters": {}, "sort": {}, "total": 0, "offset": 0, "limit": 25, "items": []}).encode()


class Gate:
    """Holds each request until ``expected`` are in flight together; records the peak."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.in_flight = 0
        self.peak = 0
        self.expected = 1

    def hold(self) -> None:
        with self.cond:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            self.cond.notify_all()
            self.cond.wait_for(lambda: self.peak >= self.expected, timeout=5)
        with self.cond:
            self.in_flight -= 1


@pytest.fixture
def gated() -> Iterator[Dict[str, Any]]:
    gate = Gate()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            gate.hold()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(LIST)))
            self.end_headers()
            self.wfile.write(LIST)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 256  # socketserver's default backlog of 5 would stall connects

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    # This stand-in limits nothing: the rate budget (30 calls per endpoint per 30 s by default)
    # would hold 34 of the 64 calls this test needs in flight at once.
    config = {
        "v4": {"base_url": f"http://127.0.0.1:{port}/v4", "token": "tok_async_test", "account_id": 7},
        "budget": {"store": "off"},
    }
    yield {"config": config, "gate": gate}
    server.shutdown()
    server.server_close()


async def _calls(client: phonecom.AsyncClient, n: int) -> List[Any]:
    return await asyncio.gather(*(client.v4.list_available_phone_numbers(limit=25) for _ in range(n)))


def test_64_calls_are_in_flight_at_once(gated: Dict[str, Any]) -> None:
    gate: Gate = gated["gate"]
    gate.expected = 64

    async def main() -> None:
        async with phonecom.AsyncClient(gated["config"]) as client:
            assert client.max_concurrency == 64
            results = await _calls(client, 64)
        assert all(r["items"] == [] for r in results)

    asyncio.run(main())
    assert gate.peak == 64, f"only {gate.peak} of 64 calls were in flight together"


def test_max_concurrency_bounds_calls_in_flight_and_every_call_completes(gated: Dict[str, Any]) -> None:
    gate: Gate = gated["gate"]
    gate.expected = 8

    async def main() -> int:
        client = phonecom.AsyncClient(gated["config"], max_concurrency=8)
        # Clients derived from it share the bound.
        derived = client.with_options(timeouts={"per_attempt": 20.0}).with_v4_token("tok_other_user", 8)
        assert derived.max_concurrency == 8
        results = await asyncio.gather(_calls(client, 20), _calls(derived, 20))
        return sum(len(r) for r in results)

    assert asyncio.run(main()) == 40
    assert gate.peak == 8, f"peak {gate.peak} calls in flight with max_concurrency=8"


def test_async_page_walks_run_on_the_library_threads(gated: Dict[str, Any]) -> None:
    gate: Gate = gated["gate"]
    gate.expected = 16

    async def main() -> None:
        client = phonecom.AsyncClient(gated["config"])

        async def walk() -> int:
            return len([p async for p in client.v4.list_available_phone_numbers.pages(limit=25)])

        assert await asyncio.gather(*(walk() for _ in range(16))) == [1] * 16

    asyncio.run(main())
    assert gate.peak == 16, f"only {gate.peak} of 16 page walks fetched at once"


@pytest.mark.parametrize("bad", [0, 4097, -1, 2.5, "8", True])
def test_max_concurrency_must_be_a_whole_number_in_range(bad: Any) -> None:
    with pytest.raises((ValueError, TypeError), match="max_concurrency"):
        phonecom.AsyncClient({}, max_concurrency=bad)


def test_a_cancelled_call_leaves_the_loop_and_client_usable(gated: Dict[str, Any]) -> None:
    gate: Gate = gated["gate"]
    gate.expected = 2

    async def main() -> None:
        client = phonecom.AsyncClient(gated["config"])
        held = asyncio.ensure_future(client.v4.list_available_phone_numbers(limit=25))
        await asyncio.sleep(0.05)
        held.cancel()
        with pytest.raises(asyncio.CancelledError):
            await held
        # The second call releases the gate for both; the cancelled one ends in the background.
        assert (await client.v4.list_available_phone_numbers(limit=25))["items"] == []

    asyncio.run(main())


_EXIT_RIGHT_AFTER = r"""
import asyncio, json, os, phonecom

async def main():
    client = phonecom.AsyncClient(json.loads(os.environ["SANDBOX_CONFIG"]))
    await asyncio.gather(*(client.v4.get_account() for _ in range(16)))

asyncio.run(main())
"""


def test_a_script_that_exits_right_after_its_async_calls_exits_cleanly(config: Dict[str, Any], sandbox: Sandbox) -> None:
    # The library threads resolving the futures may still be inside Python when the main thread
    # finishes; the interpreter then ended them mid-unwind and the process crashed (SIGSEGV), in
    # over half the runs when the answers arrive together (the latency fault). All runs exit 0.
    runs = 12
    sandbox.queue_fault("latency=100", path="/v4/accounts", times=16 * runs)
    env = dict(os.environ, SANDBOX_CONFIG=json.dumps(config))
    try:
        for _ in range(runs):
            run = subprocess.run([sys.executable, "-c", _EXIT_RIGHT_AFTER], env=env, capture_output=True, text=True, timeout=60)
            assert run.returncode == 0, f"exit status {run.returncode}: {run.stderr[-2000:]}"
    finally:
        sandbox.clear_faults()  # none left for the next tests, even on failure
