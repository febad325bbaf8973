"""The Python clients of the benchmark (``bench/run.sh`` runs them; see ``bench/README.md``).

    python py_bench.py CLIENT --config CONFIG.json --calls N [--in-flight C] [--file calls.xml]

Clients: ``call`` (``client.call``), ``typed`` (``client.v4.list_available_phone_numbers``),
``xml`` (``client.call("xml.getCallList")``), ``requests`` (requests + json, one Session),
``requests-et`` (requests + ElementTree on the getCallList bytes), ``et-parse`` (ElementTree's
parse of the bytes alone), ``threads`` (``call`` from C threads sharing one client), ``async``
(``AsyncClient``'s ``v4.get-account``, C calls at once, ``--calls`` in total, against the sandbox). Each run makes a few untimed calls,
then times N and prints one JSON line: ``{"client", "calls", "secs", "rss_warm_kb", "rss_end_kb"}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import threading
import time
import xml.etree.ElementTree as ET
from typing import Any, Callable, Dict


def rss_kb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def v4_url(config: Dict[str, Any]) -> str:
    return config["v4"]["base_url"] + "/phone-numbers/available?limit=24"


def xml_url(config: Dict[str, Any]) -> str:
    x = config["xml"]
    return f"{x['base_url']}?action=getCallList&username={x['username']}&password={x['password']}&startTime=0"


def calls_of(root: ET.Element) -> list:
    """getCallList rows as dicts, the way a hand-written client reads them."""
    rows = []
    for call in root.iter("call"):
        row: Dict[str, Any] = {"id": call.get("id")}
        for child in call:
            row[child.tag] = child.text
            if child.tag == "startTime":
                row["startTimeGmt"] = child.get("gmt")
        rows.append(row)
    return rows


def make(client: str, config: Dict[str, Any], args: argparse.Namespace) -> Callable[[], None]:
    if client in ("requests", "requests-et"):
        import requests

        session = requests.Session()
        if client == "requests":
            url, headers = v4_url(config), {"Authorization": "Bearer " + config["v4"]["token"]}

            def one() -> None:
                r = session.get(url, headers=headers)
                r.raise_for_status()
                assert len(r.json()["items"]) == 24

            return one
        url = xml_url(config)

        def one_xml() -> None:
            r = session.get(url)
            r.raise_for_status()
            assert len(calls_of(ET.fromstring(r.content))) == 500

        return one_xml
    if client == "et-parse":
        body = open(args.file, "rb").read()
        return lambda: None if len(calls_of(ET.fromstring(body))) == 500 else exit(1)
    import phonecom

    pc = phonecom.Client(config)
    if client in ("call", "threads"):
        return lambda: None if len(pc.call("v4.list-available-phone-numbers", {"limit": 24})["items"]) == 24 else exit(1)
    if client == "typed":
        op = pc.v4.list_available_phone_numbers
        return lambda: None if len(op(limit=24)["items"]) == 24 else exit(1)
    if client == "xml":
        return lambda: None if len(pc.call("xml.getCallList", {"startTime": 0})["data"]["items"]) == 500 else exit(1)
    raise SystemExit(f"py_bench: unknown client {client}")


def run(one: Callable[[], None], calls: int, in_flight: int) -> None:
    if in_flight <= 1:
        for _ in range(calls):
            one()
        return
    shares = [calls // in_flight + (1 if t < calls % in_flight else 0) for t in range(in_flight)]
    threads = [threading.Thread(target=lambda k=k: [one() for _ in range(k)]) for k in shares]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


async def run_async(config: Dict[str, Any], calls: int, in_flight: int) -> Dict[str, float]:
    import phonecom

    async with phonecom.AsyncClient(config) as pc:
        sem = asyncio.Semaphore(in_flight)

        async def one() -> None:
            async with sem:
                r = await pc.call("v4.get-account")
                assert r["id"] == config["v4"]["account_id"]

        await one()
        warm = rss_kb()
        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(calls)))
        return {"secs": time.perf_counter() - started, "rss_warm_kb": warm}


def warmup_calls(calls: int, in_flight: int) -> int:
    """Untimed calls before the timed ones: a tenth, at most 200, or ``PHONECOM_BENCH_WARMUP``
    (the RSS pass sets it, so that caches and heaps reach their steady size first)."""
    forced = int(os.environ.get("PHONECOM_BENCH_WARMUP", "0") or 0)
    return forced if forced > 0 else max(in_flight, min(200, max(1, calls // 10)))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("client")
    p.add_argument("--config")
    p.add_argument("--file")
    p.add_argument("--calls", type=int, default=1000)
    p.add_argument("--in-flight", type=int, default=1)
    args = p.parse_args()
    config = json.load(open(args.config)) if args.config else {}
    if args.client == "async":
        out = asyncio.run(run_async(config, args.calls, args.in_flight))
    else:
        one = make(args.client, config, args)
        run(one, warmup_calls(args.calls, args.in_flight), args.in_flight)
        warm = rss_kb()
        started = time.perf_counter()
        run(one, args.calls, args.in_flight)
        out = {"secs": time.perf_counter() - started, "rss_warm_kb": warm}
    out.update({"client": "py-" + args.client, "calls": args.calls, "rss_end_kb": rss_kb()})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
