"""The side-by-side benchmark's driver (``bench/run.sh`` installs what it needs, then runs this;
see ``bench/README.md``). Standard library only.

It serves fixed response bytes (taken once from the sandbox) from nginx on loopback, runs every
client in interleaved rounds and prints the median calls/s of each with its ratio to "raw" (one
keep-alive ureq agent + serde_json), then the passes that are not timings: threads created per
call (strace), TCP connections per 1,000 calls (nginx's log), RSS growth, the Python AsyncClient
against the sandbox's latency fault, and the load average before and after.

    python3 bench/harness.py --release DIR --work DIR [--smoke] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Dict, List, Optional

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
TOKEN = "bench_token_0123456789"


@dataclass
class Client:
    """One benchmarked client: its command (``{config}``, ``{calls}``, ``{xml}`` filled in)."""

    name: str
    argv: List[str]
    case: str  # "v4" (list envelope), "xml" (getCallList end to end), "decode" (bytes alone)
    in_flight: int = 1
    weight: float = 1.0  # calls per round relative to the v4 base count
    results: List[float] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_average() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def fixtures(release: str, www: str) -> None:
    """The response bytes: a v4 list of 24 available numbers and a 500-row getCallList, as the
    sandbox (the release binary) answers them."""
    sb = subprocess.Popen([os.path.join(release, "phonecom-sandbox"), "--exit-on-eof", "--quiet"],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        cfg = json.loads(sb.stdout.readline())  # type: ignore[union-attr]
        req = urllib.request.Request(cfg["v4"]["base_url"] + "/phone-numbers/available?limit=24",
                                     headers={"Authorization": "Bearer " + cfg["v4"]["token"]})
        with urllib.request.urlopen(req) as r, open(os.path.join(www, "v4.json"), "wb") as f:
            f.write(r.read())
        x = cfg["xml"]
        url = (f"{x['base_url']}?action=getCallList&username={x['username']}"
               f"&password={x['password']}&startTime=0&clTRID=bench")
        with urllib.request.urlopen(url) as r, open(os.path.join(www, "calls.xml"), "wb") as f:
            f.write(r.read())
    finally:
        sb.stdin.close()  # type: ignore[union-attr]
        sb.wait(10)


NGINX_CONF = """
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format conn '$connection';
    access_log {work}/access.log conn;
    client_body_temp_path {work}/tmp;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        location /v4/ {{ default_type application/json; try_files /v4.json =404; }}
        location /special/xmlapi {{ default_type text/xml; try_files /calls.xml =404; }}
    }}
}}
"""


class Nginx:
    """nginx serving ``www`` on a loopback port, its access log naming each request's connection."""

    def __init__(self, work: str, www: str) -> None:
        self.work, self.port = work, free_port()
        os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(NGINX_CONF.format(work=work, www=www, port=self.port))
        self.log = os.path.join(work, "access.log")
        open(self.log, "w").close()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.proc = subprocess.Popen([nginx, "-c", conf, "-p", work])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("bench: nginx did not start (see nginx-error.log)")

    def connections_since(self, offset: int) -> int:
        with open(self.log) as f:
            f.seek(offset)
            return len({line.strip() for line in f if line.strip()})

    def log_size(self) -> int:
        return os.path.getsize(self.log)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def run_client(c: Client, calls: int, values: Dict[str, str], wrap: Optional[List[str]] = None,
               warmup: int = 0) -> dict:
    """Run ``c`` for ``calls`` timed calls; ``warmup`` > 0 sets its untimed calls first."""
    argv = [a.format(calls=calls, in_flight=c.in_flight, **values) for a in c.argv]
    env = dict(os.environ, PHONECOM_BENCH_WARMUP=str(warmup)) if warmup > 0 else None
    out = subprocess.run((wrap or []) + argv, capture_output=True, text=True, timeout=900, env=env)
    if out.returncode != 0:
        raise SystemExit(f"bench: {c.name} failed ({' '.join(argv)}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def threads_per_call(c: Client, values: Dict[str, str], small: int, large: int) -> float:
    """Threads the client creates per call in steady state: clone()s of a run of ``large`` calls
    minus those of ``small`` calls, over the difference (start-up threads cancel out)."""
    counts = []
    for n in (small, large):
        trace = os.path.join(values["work"], f"strace-{c.name}.txt")
        run_client(c, n, values, ["strace", "-f", "-qq", "-e", "trace=clone,clone3", "-e",
                                  "status=successful", "-o", trace])
        with open(trace) as f:
            counts.append(sum(1 for line in f if re.search(r"clone3?\(", line) and " = 0" not in line))
    return (counts[1] - counts[0]) / (large - small)


def clients(python: str, node_pkg: str) -> List[Client]:
    py = [python, os.path.join(BENCH, "clients", "py_bench.py")]
    php = ["php", "-d", "ffi.enable=1", os.path.join(BENCH, "clients", "php_bench.php")]
    node = ["node", os.path.join(BENCH, "clients", "node_bench.js")]
    rust = ["{release}/phonecom-bench"]
    cfg = ["--config", "{config}", "--calls", "{calls}"]
    del node_pkg
    return [
        Client("raw ureq + serde_json", rust + ["raw"] + cfg, "v4"),
        Client("Rust core Client::call", rust + ["core"] + cfg, "v4"),
        Client("C ABI phonecom_call (JSON text)", ["{work}/c_call", "{config}", "v4", "{calls}"], "v4"),
        Client("PHP curl + json_decode", php + ["curl", "{config}", "{calls}"], "v4"),
        Client("PHP through FFI", php + ["ffi", "{config}", "{calls}"], "v4"),
        Client("Python client.call", py + ["call"] + cfg, "v4"),
        Client("Python typed method", py + ["typed"] + cfg, "v4"),
        Client("Python client.call, 4 threads", py + ["threads", "--in-flight", "4"] + cfg, "v4", 4),
        Client("Python requests + json", py + ["requests"] + cfg, "v4"),
        Client("Node binding, sequential", node + ["binding"] + cfg, "v4"),
        Client("Node binding, 16 in flight", node + ["binding", "--in-flight", "16"] + cfg, "v4", 16),
        Client("Node fetch, sequential", node + ["fetch"] + cfg, "v4"),
        Client("Node fetch, 16 in flight", node + ["fetch", "--in-flight", "16"] + cfg, "v4", 16),
        Client("Rust core, 16 threads", rust + ["core", "--in-flight", "16"] + cfg, "v4", 16),
        Client("XML: Rust core getCallList", rust + ["core", "--case", "xml"] + cfg, "xml", weight=0.05),
        Client("XML: Python binding getCallList", py + ["xml"] + cfg, "xml", weight=0.05),
        Client("XML: Python requests + ElementTree", py + ["requests-et"] + cfg, "xml", weight=0.05),
        Client("XML: ElementTree parse alone", py + ["et-parse", "--file", "{xml}"] + cfg, "decode", weight=0.05),
        Client("XML: core decode alone", rust + ["decode", "--file", "{xml}", "--calls", "{calls}"], "decode",
               weight=0.05),
        # The same decoder on the allocator every shipped binding uses (phonecom-bench keeps glibc's).
        Client("XML: core decode alone, mimalloc (as shipped)",
               ["{release}/phonecom-bench-mimalloc", "decode", "--file", "{xml}", "--calls", "{calls}"], "decode",
               weight=0.05),
    ]


def async_pass(python: str, release: str, work: str, latency_ms: int, calls: int) -> float:
    """Seconds the Python AsyncClient takes for ``calls`` calls at once against the sandbox,
    each answer delayed ``latency_ms`` by a queued latency fault. The calls are ``v4.get-account``:
    the sandbox answers it at once, where its number search costs about 5 ms of CPU per request,
    one request at a time (64 of them: 0.3 s of the sandbox's own work on top of the latency)."""
    sb = subprocess.Popen([os.path.join(release, "phonecom-sandbox"), "--exit-on-eof", "--quiet",
                           "--max-workers", str(calls + 8)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        cfg = json.loads(sb.stdout.readline())  # type: ignore[union-attr]
        base = cfg["v4"]["base_url"].rsplit("/v4", 1)[0]
        fault = json.dumps({"fault": f"latency={latency_ms}", "times": calls + 1,
                            "path": f"/v4/accounts/{cfg['v4']['account_id']}"}).encode()
        urllib.request.urlopen(urllib.request.Request(base + "/_sandbox/faults", data=fault,
                                                      headers={"Content-Type": "application/json"}))
        path = os.path.join(work, "sandbox-config.json")
        with open(path, "w") as f:
            json.dump(cfg, f)
        c = Client("async", [python, os.path.join(BENCH, "clients", "py_bench.py"), "async",
                             "--config", path, "--calls", "{calls}", "--in-flight", "{in_flight}"],
                   "v4", calls)
        return float(run_client(c, calls, {})["secs"])
    finally:
        sb.stdin.close()  # type: ignore[union-attr]
        sb.wait(10)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--release", required=True, help="the release build's folder (phonecom-bench, phonecom-sandbox)")
    p.add_argument("--work", required=True, help="a scratch folder (configs, nginx, the C client)")
    p.add_argument("--python", default=sys.executable, help="a Python with phonecom and requests")
    p.add_argument("--node-package", default="", help="the installed phonecom npm package's folder")
    p.add_argument("--smoke", action="store_true", help="a few calls per client, no timing claims")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--calls", type=int, default=2000, help="v4 calls per client and round")
    p.add_argument("--only", default="", help="run only clients whose name contains this (or one of "
                   "several, comma-separated: --only raw,Node)")
    args = p.parse_args()
    # A terminated run still stops its nginx (the `finally` below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    rounds, calls = (1, 20) if args.smoke else (args.rounds, args.calls)
    work, www = args.work, os.path.join(args.work, "www")
    os.makedirs(www, exist_ok=True)
    load_before = load_average()
    fixtures(args.release, www)
    nginx = Nginx(work, www)
    try:
        config = os.path.join(work, "config.json")
        with open(config, "w") as f:
            json.dump({
                "v4": {"base_url": f"http://127.0.0.1:{nginx.port}/v4", "token": TOKEN, "account_id": 1000001},
                "xml": {"base_url": f"http://127.0.0.1:{nginx.port}/special/xmlapi", "username": "bench",
                        "password": "bench_password", "method": "GET"},
                # nginx limits nothing, and the other clients do not pace: compare HTTP, not waits.
                "budget": {"store": "off"},
            }, f)
        values = {"config": config, "release": args.release, "work": work, "xml": os.path.join(www, "calls.xml")}
        wanted = [w for w in args.only.split(",") if w]
        all_clients = [c for c in clients(args.python, args.node_package)
                       if not wanted or any(w in c.name for w in wanted)]
        print(f"load average before: {load_before}; {rounds} round(s) of {calls} v4 calls per client "
              f"({int(calls * 0.05)} for XML), interleaved", flush=True)
        for r in range(rounds):
            # Rotate the order each round so that drift hits every client alike.
            order = all_clients[r % len(all_clients):] + all_clients[:r % len(all_clients)]
            for c in order:
                n = max(1, int(calls * c.weight))
                res = run_client(c, n, values)
                c.results.append(res["calls"] / res["secs"])
            print(f"  round {r + 1}/{rounds} done (load {load_average()})", flush=True)
        report(all_clients, args.smoke)
        extra_passes(args, nginx, values, all_clients)
    finally:
        nginx.stop()
    print(f"\nload average before: {load_before}, after: {load_average()} ({os.cpu_count()} cores)")


def report(all_clients: List[Client], smoke: bool) -> None:
    med = {c.name: statistics.median(c.results) for c in all_clients if c.results}
    raw = med.get("raw ureq + serde_json")
    et = med.get("XML: ElementTree parse alone")
    req_et = med.get("XML: Python requests + ElementTree")
    print("\n| client | calls/s (median) | × raw | note |\n|---|---|---|---|")
    for c in all_clients:
        m = med.get(c.name)
        if m is None:
            continue
        ratio = f"{m / raw:.2f}" if raw and c.case == "v4" else ""
        note = ""
        if c.name.startswith("XML: core decode alone") and et:
            note = f"{m / et:.1f} × ElementTree parse"
        elif c.name == "XML: Python binding getCallList" and req_et:
            note = f"{m / req_et:.2f} × requests + ElementTree"
        elif c.name == "PHP through FFI" and med.get("PHP curl + json_decode"):
            note = f"{m / med['PHP curl + json_decode']:.2f} × PHP curl"
        elif c.name.startswith("Python client.call") and med.get("Python requests + json"):
            note = f"{m / med['Python requests + json']:.2f} × requests"
            if "4 threads" in c.name and med.get("Python client.call"):
                note += f"; {m / med['Python client.call']:.2f} × one thread"
        elif c.name.startswith("Node binding") and "Node fetch" + c.name[len("Node binding"):] in med:
            note = f"{m / med['Node fetch' + c.name[len('Node binding'):]]:.2f} × fetch"
        print(f"| {c.name} | {m:,.0f} | {ratio} | {note} |")
    if smoke:
        print("(smoke: a few calls each; these figures are not measurements)")


def extra_passes(args: argparse.Namespace, nginx: Nginx, values: Dict[str, str], all_clients: List[Client]) -> None:
    by_name = {c.name: c for c in all_clients}
    small, large = (5, 25) if args.smoke else (100, 1100)
    print("\nthreads created per call (strace clone/clone3, steady state):")
    for name in ("Rust core Client::call", "C ABI phonecom_call (JSON text)", "PHP through FFI",
                 "Python client.call", "Node binding, sequential", "Node binding, 16 in flight"):
        if name in by_name and shutil.which("strace"):
            print(f"  {name}: {threads_per_call(by_name[name], values, small, large):.3f}")
    conn_calls = 64 if args.smoke else 1000
    print(f"\nTCP connections for {conn_calls} calls:")
    for name in ("Rust core, 16 threads", "Node binding, 16 in flight", "Node fetch, 16 in flight",
                 "Rust core Client::call", "Python client.call, 4 threads"):
        if name in by_name:
            offset = nginx.log_size()
            run_client(by_name[name], conn_calls, values)
            print(f"  {name}: {nginx.connections_since(offset)}")
    # Steady state: 25,000 untimed calls first (V8 sizes its young generation over the first
    # ~20,000 calls; a shorter warm-up counts that one-time growth as if it were a leak).
    rss_calls, rss_warmup = (500, 50) if args.smoke else (100_000, 25_000)
    print(f"\nRSS growth over {rss_calls:,} calls after a warm-up of {rss_warmup:,} (KiB):")
    for name in ("C ABI phonecom_call (JSON text)", "Python client.call", "Node binding, sequential"):
        if name in by_name:
            res = run_client(by_name[name], rss_calls, values, warmup=rss_warmup)
            print(f"  {name}: {res['rss_end_kb'] - res['rss_warm_kb']:+d} "
                  f"({res['rss_warm_kb']} -> {res['rss_end_kb']})")
    if not args.only or "async" in args.only:
        latency, n = (200, 16) if args.smoke else (500, 64)
        secs = async_pass(args.python, args.release, values["work"], latency, n)
        print(f"\nPython AsyncClient, {n} calls at once, upstream latency {latency} ms: {secs:.2f} s")


if __name__ == "__main__":
    main()
