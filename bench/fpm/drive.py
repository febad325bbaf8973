"""Sends the portal requests of bench/fpm/run.sh and reports what they got. Standard library only.

    python3 bench/fpm/drive.py --port PORT --requests 1000 --concurrency 2

Each of `concurrency` threads keeps one keep-alive connection to the front nginx and sends its
share of the requests one after another, timing each. Prints one JSON line: the count, failures
(a status other than 200, or an answer without the expected rows, with the first one's text), the
median and 90th percentile latency in ms, the distinct FPM worker pids that answered, and how many
answers came from a preloaded library.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from typing import Any, Dict, List


def worker(port: int, count: int, out: List[Dict[str, Any]], lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(count):
        started = time.perf_counter()
        conn.request("GET", "/portal")
        resp = conn.getresponse()
        body = resp.read()
        elapsed = (time.perf_counter() - started) * 1000
        try:
            answer = json.loads(body) if resp.status == 200 else {}
        except ValueError:
            answer = {}
        with lock:
            out.append({"ms": elapsed, "status": resp.status, "answer": answer, "text": body[:2000].decode(errors="replace")})
    conn.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--requests", type=int, default=1000)
    p.add_argument("--concurrency", type=int, default=2)
    p.add_argument("--rows", type=int, default=24, help="rows every answer must have")
    args = p.parse_args()
    results: List[Dict[str, Any]] = []
    lock = threading.Lock()
    shares = [args.requests // args.concurrency + (i < args.requests % args.concurrency) for i in range(args.concurrency)]
    threads = [threading.Thread(target=worker, args=(args.port, n, results, lock)) for n in shares]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = [r for r in results if r["status"] != 200 or r["answer"].get("rows") != args.rows]
    times = sorted(r["ms"] for r in results)
    print(json.dumps({
        "requests": len(results),
        "failed": len(failed),
        "first_failure": failed[0]["text"] if failed else None,
        "median_ms": round(statistics.median(times), 3),
        "p90_ms": round(times[int(len(times) * 0.9) - 1], 3),
        "pids": sorted({r["answer"].get("pid") for r in results if r["answer"]}),
        "preloaded": sum(1 for r in results if r["answer"].get("preloaded")),
    }))


if __name__ == "__main__":
    main()
