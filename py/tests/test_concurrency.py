"""Threads sharing one client, the GIL released during network calls, and AsyncClient."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import pytest

import phonecom
from conftest import CONTACT, Sandbox


def test_threads_share_one_client(client: phonecom.Client) -> None:
    def work(i: int) -> int:
        n = 0
        for _ in range(5):
            n += len(client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=5)["items"])
            assert client.v4.get_account()["username"] == "sandbox-partner"
        return n

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(work, range(16))) == [25] * 16


def test_threads_sign_up_distinct_users(client: phonecom.Client) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        done = list(pool.map(lambda i: client.express.signup(partner="acme", user_id=f"t{i}", contact=CONTACT), range(6)))
    assert sorted(d["username"] for d in done) == [f"acme-t{i}" for i in range(6)]
    assert len({d["account"]["id"] for d in done}) == 6


def test_network_calls_release_the_gil(client: phonecom.Client, sandbox: Sandbox) -> None:
    sandbox.queue_fault("latency=600", path="/v4/accounts", times=1)
    ticks = 0
    stop = threading.Event()

    def call() -> None:
        client.v4.get_account()
        stop.set()

    t = threading.Thread(target=call)
    t.start()
    while not stop.is_set():  # runs only if the call does not hold the GIL
        ticks += 1
        time.sleep(0.01)
    t.join()
    assert ticks >= 20


def test_parallel_calls_overlap(client: phonecom.Client, sandbox: Sandbox) -> None:
    sandbox.queue_fault("latency=400", path="/v4/accounts", times=4)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: client.v4.get_account(), range(4)))
    assert time.monotonic() - start < 1.2  # not 4 x 0.4 s


def test_a_list_walked_from_two_threads_loses_nothing(client: phonecom.Client) -> None:
    total = client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=1)["total"]
    pages = client.v4.list_available_phone_numbers.pages(filters={"npa": "eq:858"}, limit=5)
    seen: List[str] = []
    lock = threading.Lock()

    def drain() -> None:
        for page in pages:
            with lock:
                seen.extend(n["phone_number"] for n in page["items"])

    threads = [threading.Thread(target=drain) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == total and len(set(seen)) == total


def test_async_client_same_surface(config: Dict[str, Any], sandbox: Sandbox) -> None:
    async def main() -> None:
        async with phonecom.AsyncClient(config) as client:
            account = await client.v4.get_account()
            assert account["username"] == "sandbox-partner"
            assert (await client.call("v4.get-account"))["id"] == account["id"]
            r = await client.call_with_response("v4.ping")
            assert r.status == 200
            done = await client.express.signup(partner="acme", user_id="async1", contact=CONTACT)
            assert done["username"] == "acme-async1"
            total = (await client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=1))["total"]
            rows = [n async for n in client.v4.list_available_phone_numbers.iter(filters={"npa": "eq:858"}, limit=9)]
            assert len(rows) == total
            pages = [p async for p in client.v4.list_available_phone_numbers.pages(filters={"npa": "eq:858"}, limit=50)]
            assert sum(len(p["items"]) for p in pages) == total
            with pytest.raises(phonecom.NotFoundError):
                await client.v4.get_account_phone_number(number_id=424242)
            with pytest.raises(phonecom.ValidationError):
                await client.v4.create_account_sms(from_="1", to="2", text="x")
        assert client.closed

    asyncio.run(main())


def test_async_calls_do_not_block_the_event_loop(config: Dict[str, Any], sandbox: Sandbox) -> None:
    sandbox.queue_fault("latency=500", path="/v4/accounts", times=3)

    async def main() -> int:
        client = phonecom.AsyncClient(config)
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        t = asyncio.ensure_future(ticker())
        start = time.monotonic()
        await asyncio.gather(*(client.v4.get_account() for _ in range(3)))
        elapsed = time.monotonic() - start
        t.cancel()
        assert elapsed < 1.3  # the three calls overlapped
        return ticks

    assert asyncio.run(main()) >= 25
