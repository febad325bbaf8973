"""Walk a long list with progress: every available number of the inventory (thousands of rows, 500
a page), then every call of a quarter from the XML API's call log (1,500 calls, walked by time
windows past the API's 500-row cap). ``on_progress`` gets a :class:`phonecom.Progress` after each
page: pages and rows so far, and the total when the upstream says it.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/list_walk.py
"""

from __future__ import annotations

import sys
from collections import Counter

import phonecom

# The first quarter of 2024 in Unix seconds: the sandbox's seeded call log.
Q1_2024 = {"startTime": 1704067200, "endTime": 1711929599}


def show(progress: phonecom.Progress) -> None:
    """A one-line progress report; a terminal would redraw one line with end="\\r" instead."""
    print(f"  fetched {progress}")


def main() -> int:
    with phonecom.Client.from_env() as client:  # PHONECOM_CONFIG, then PHONECOM_* variables
        # 1. The whole inventory, 500 rows a page; rows arrive one by one, pages on demand.
        print("step 1: every available number, 500 a page")
        by_area: Counter[str] = Counter()
        for number in client.v4.list_available_phone_numbers.iter(limit=500, on_progress=show):
            by_area[number.get("npa") or "other"] += 1
        walked = sum(by_area.values())
        print(f"step 1: {walked} numbers; busiest area codes: {by_area.most_common(3)}")

        # 2. The call log: the API answers at most 500 calls a request, so the walk splits the
        #    range into time windows. It reports no total: the progress shows rows so far.
        print("step 2: every call of Q1 2024 from the XML API, 400 a page")
        seconds = 0
        calls = 0
        for call in client.xml.get_call_list.iter(limit=400, on_progress=show, **Q1_2024):
            calls += 1
            seconds += int(call.get("duration") or 0)
        print(f"step 2: {calls} calls, {seconds // 3600} h of talk time")
        if walked < 1000 or calls == 0:
            print("error: expected thousands of numbers and some calls", file=sys.stderr)
            return 1
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())  # a PhoneComError ends the script with its message and exit status 1
