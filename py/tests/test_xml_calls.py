"""`client.xml.get_call_list.iter(startTime=..., endTime=...)`: the core's window walk over the
sandbox's seeded call log (1,500 calls from 2024-01-01 to 2024-03-31 UTC; 2024-02-14 is a busy
day, 600 calls between 09:00 and 17:00 on top of the usual ones, more than one request's 500
rows), lazily, every call exactly once."""

from __future__ import annotations

import asyncio
import calendar
from typing import Any, Dict, List

import pytest

import phonecom
from conftest import Sandbox


def epoch(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> int:
    return calendar.timegm((y, m, d, hh, mm, ss, 0, 0, 0))


Q1 = (epoch(2024, 1, 1), epoch(2024, 3, 31, 23, 59, 59))
BUSY_DAY = (epoch(2024, 2, 14), epoch(2024, 2, 14, 23, 59, 59))


def xml_requests(sandbox: Sandbox) -> List[Dict[str, Any]]:
    return [r for r in sandbox.requests() if "/special/xmlapi" in r["path"]]


def check_walk(calls: List[Dict[str, Any]], start: int, end: int) -> None:
    ids = [c["id"] for c in calls]
    assert len(set(ids)) == len(ids), "a call came twice"
    times = [c["startTime"] for c in calls]
    assert all(start <= t <= end for t in times)
    assert times == sorted(times), "calls come oldest first"


def test_the_quarter_lazily_each_call_once(client: phonecom.Client, sandbox: Sandbox) -> None:
    walk = client.xml.get_call_list.iter(startTime=Q1[0], endTime=Q1[1], limit=500)
    assert xml_requests(sandbox) == [], "nothing is fetched before the first row is asked for"
    first = next(walk)
    fetched = len(xml_requests(sandbox))
    assert fetched >= 1
    calls = [first, *walk]
    assert len(calls) == 1500
    check_walk(calls, *Q1)
    # more than one request was needed: one answer holds at most 500 rows
    assert len(xml_requests(sandbox)) > fetched
    assert {"id", "startTime", "startTimeGmt", "callerId", "calledNumber", "duration", "finalAction"} <= set(calls[0])


def test_the_busy_day_past_the_cap(client: phonecom.Client, sandbox: Sandbox) -> None:
    one = client.xml.get_call_list(startTime=BUSY_DAY[0], endTime=BUSY_DAY[1])
    assert one["status"] == "ok"
    assert len(one["data"]["items"]) == 500, "one request is capped at 500 rows"
    calls = list(client.xml.get_call_list.iter(startTime=BUSY_DAY[0], endTime=BUSY_DAY[1]))
    check_walk(calls, *BUSY_DAY)
    rush = [c for c in calls if BUSY_DAY[0] + 9 * 3600 <= c["startTime"] < BUSY_DAY[0] + 17 * 3600]
    assert len(rush) >= 600, len(rush)
    # the same calls as hour-by-hour requests, each well under the cap: every call exactly once
    by_hour: Dict[str, int] = {}
    for h in range(24):
        rows = client.xml.get_call_list(startTime=BUSY_DAY[0] + 3600 * h, endTime=BUSY_DAY[0] + 3600 * h + 3599)
        items = rows["data"]["items"]
        assert len(items) < 500
        for c in items:
            by_hour[c["id"]] = by_hour.get(c["id"], 0) + 1
    assert sorted(by_hour) == sorted(c["id"] for c in calls)
    assert set(by_hour.values()) == {1}


def test_pages(client: phonecom.Client) -> None:
    pages = list(client.xml.get_call_list.pages(startTime=Q1[0], endTime=Q1[1], limit=400))
    assert [len(p["items"]) for p in pages] == [400, 400, 400, 300]
    assert [p["offset"] for p in pages] == [0, 400, 800, 1200]
    assert all(p["limit"] == 400 and p["total"] is None for p in pages)
    # an empty range: no rows
    assert list(client.xml.get_call_list.iter(startTime=epoch(2023, 1, 1), endTime=epoch(2023, 1, 2))) == []


def test_walk_parameters_are_checked(client: phonecom.Client, sandbox: Sandbox) -> None:
    with pytest.raises(phonecom.ValidationError, match="endTime") as e:
        client.xml.get_call_list.iter(startTime=Q1[0]).__next__()
    assert e.value.operation == "xml.getCallList"
    with pytest.raises(phonecom.ValidationError, match="clTRID"):
        next(client.xml.get_call_list.iter(startTime=Q1[0], endTime=Q1[1], clTRID="x"))
    with pytest.raises(phonecom.ValidationError, match="limit"):
        next(client.xml.get_call_list.iter(startTime=Q1[0], endTime=Q1[1], limit=501))
    assert xml_requests(sandbox) == []


def test_a_failing_window_raises(client: phonecom.Client, sandbox: Sandbox) -> None:
    sandbox.queue_fault("status=403", path="/special/xmlapi", times=10)
    with pytest.raises(phonecom.PhoneComError) as e:
        list(client.xml.get_call_list.iter(startTime=Q1[0], endTime=Q1[1]))
    assert e.value.operation == "xml.getCallList"
    assert sandbox.config["xml"]["password"] not in str(e.value)


def test_async_walk(config: Dict[str, Any]) -> None:
    async def main() -> List[Any]:
        async with phonecom.AsyncClient(config) as client:
            return [c async for c in client.xml.get_call_list.iter(startTime=BUSY_DAY[0], endTime=BUSY_DAY[1], limit=250)]

    calls = asyncio.run(main())
    check_walk(calls, *BUSY_DAY)
    with phonecom.Client(config) as client:
        assert calls == list(client.xml.get_call_list.iter(startTime=BUSY_DAY[0], endTime=BUSY_DAY[1]))
    assert len(calls) > 600
