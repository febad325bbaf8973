"""A walk over many pages reports its progress to ``on_progress`` after each page (issue 14
item 10), in sync and async walks, against the sandbox."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest

import phonecom
from phonecom import Progress
from conftest import Sandbox

# xml.getCallList's seeded log: 1,500 calls in the first quarter of 2024 (no upstream total).
Q1 = {"startTime": 1704067200, "endTime": 1711929599}


def expected(total: int, limit: int) -> List[Progress]:
    pages = -(-total // limit)
    return [Progress(p, min(p * limit, total), total) for p in range(1, pages + 1)]


def inventory_size(client: phonecom.Client) -> int:
    total = client.v4.list_available_phone_numbers(limit=1)["total"]
    assert isinstance(total, int) and total > 1000, total
    return total


def test_a_sync_walk_reports_each_page_before_its_rows(client: phonecom.Client) -> None:
    total = inventory_size(client)
    seen: List[Progress] = []
    rows = 0
    for _ in client.v4.list_available_phone_numbers.iter(limit=500, on_progress=seen.append):
        rows += 1
        assert seen[-1].rows >= rows, "reported before the page's rows are handed out"
    assert rows == total
    assert seen == expected(total, 500)
    assert tuple(seen[-1]) == (len(seen), total, total)
    assert seen[-1].fraction == 1.0
    assert str(seen[0]) == f"1 page, 500 of {total} rows ({500 * 100 // total}%)"

    # pages(), from an offset: the total is what this walk yields.
    seen.clear()
    pages = list(client.v4.list_available_phone_numbers.pages(limit=300, offset=total - 700, on_progress=seen.append))
    assert sum(len(p["items"]) for p in pages) == 700
    assert seen == expected(700, 300)


def test_a_list_without_a_total_reports_none(client: phonecom.Client) -> None:
    seen: List[Progress] = []
    rows = sum(1 for _ in client.xml.get_call_list.iter(limit=400, on_progress=seen.append, **Q1))
    assert rows == 1500
    assert seen == [Progress(1, 400, None), Progress(2, 800, None), Progress(3, 1200, None), Progress(4, 1500, None)]
    assert seen[-1].fraction is None and str(seen[-1]) == "4 pages, 1500 rows"


def test_a_callback_that_raises_ends_the_walk_with_its_exception(client: phonecom.Client) -> None:
    class Stop(Exception):
        pass

    def stop_after_two(p: Progress) -> None:
        if p.pages == 2:
            raise Stop(p)

    rows = 0
    with pytest.raises(Stop):
        for _ in client.v4.list_available_phone_numbers.iter(limit=100, on_progress=stop_after_two):
            rows += 1
    assert rows == 100, "page 2's rows were never handed out"


def test_an_on_progress_that_cannot_be_called_is_refused_before_any_request(client: phonecom.Client, sandbox: Sandbox) -> None:
    before = len(sandbox.requests())
    with pytest.raises(phonecom.ValidationError) as e:
        client.v4.list_available_phone_numbers.pages(on_progress="yes")  # type: ignore[arg-type]
    assert e.value.fields[0].field == "on_progress" and "callable" in e.value.fields[0].message
    assert len(sandbox.requests()) == before


def test_a_failed_page_is_not_reported(client: phonecom.Client, sandbox: Sandbox) -> None:
    seen: List[Progress] = []
    walk = client.v4.list_available_phone_numbers.pages(limit=100, on_progress=seen.append)
    next(walk)
    sandbox.queue_fault(status=404, method="GET", path="/v4/phone-numbers/available")
    with pytest.raises(phonecom.NotFoundError):
        next(walk)
    assert seen == [Progress(1, 100, seen[0].total)]


def test_async_walks_report_with_functions_and_coroutines(config: Dict[str, Any]) -> None:
    async def main() -> Dict[str, Any]:
        async with phonecom.AsyncClient(config) as client:
            total = (await client.v4.list_available_phone_numbers(limit=1))["total"]
            plain: List[Progress] = []
            rows = 0
            async for _ in client.v4.list_available_phone_numbers.iter(limit=500, on_progress=plain.append):
                rows += 1
            awaited: List[Progress] = []

            async def slow_report(p: Progress) -> None:
                await asyncio.sleep(0)
                awaited.append(p)

            pages = [p async for p in client.xml.get_call_list.pages(limit=500, on_progress=slow_report, **Q1)]
            return {"total": total, "rows": rows, "plain": plain, "awaited": awaited, "pages": len(pages)}

    got = asyncio.run(main())
    assert got["rows"] == got["total"]
    assert got["plain"] == expected(got["total"], 500)
    assert got["awaited"] == [Progress(p, min(p * 500, 1500), None) for p in range(1, got["pages"] + 1)]
    assert got["awaited"][-1].rows == 1500
