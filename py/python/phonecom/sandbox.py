"""The sandbox shipped with the wheel: a local, stateful stand-in for every Phone.com service, for
developing before you have credentials.

>>> import phonecom, phonecom.sandbox
>>> with phonecom.sandbox.start() as config:                 # doctest: +SKIP
...     client = phonecom.Client(config)
...     client.v4.list_available_phone_numbers(filters={"npa": "eq:858"})

From a shell: ``phonecom-sandbox`` (a console command of the wheel) prints the same config line and
serves until stopped.

The binary is ``PHONECOM_SANDBOX_BIN`` when set, else the one the wheel ships
(``phonecom/bin/phonecom-sandbox``). A wheel built from source (``pip install ./py``) ships none:
set ``PHONECOM_SANDBOX_BIN`` to ``target/debug/phonecom-sandbox`` of the checkout.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, NoReturn, Optional

__all__ = ["binary", "start", "main"]

_SHIPPED = Path(__file__).resolve().parent / "bin" / "phonecom-sandbox"


def binary() -> str:
    """The sandbox binary :func:`start` runs; raises ``FileNotFoundError`` naming the variable when none."""
    configured = os.environ.get("PHONECOM_SANDBOX_BIN")
    if configured:
        return configured
    if _SHIPPED.is_file():
        return str(_SHIPPED)
    raise FileNotFoundError(
        f"phonecom: this install ships no sandbox binary ({_SHIPPED} is missing: the package was built "
        "from source); set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary, or install the released wheel"
    )


@contextlib.contextmanager
def start(*, seed: Optional[int] = None, port: Optional[int] = None, rate_limit: bool = False) -> Iterator[Dict[str, Any]]:
    """Start the sandbox, wait for its config line and yield it as a ready :class:`phonecom.Client`
    config; stop the sandbox on exit.

    ``seed``: the same seed gives the same credentials and number inventory (default 1);
    ``port``: the loopback port (default: any free port); ``rate_limit``: enforce the upstream limits.
    The sandbox runs with ``--exit-on-eof``, so it stops when this process ends, however it ends.
    """
    args: List[str] = [binary(), "--exit-on-eof"]
    if seed is not None:
        args += ["--seed", str(seed)]
    if port is not None:
        args += ["--port", str(port)]
    if rate_limit:
        args.append("--rate-limit")
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"phonecom: the sandbox ({args[0]}) exited (status {proc.wait()}) before printing its config")
        config: Dict[str, Any] = json.loads(line)
        yield config
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def main() -> NoReturn:
    """The ``phonecom-sandbox`` console command: runs the shipped binary with the same arguments."""
    try:
        path = binary()
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        sys.exit(1)
    os.execv(path, [path, *sys.argv[1:]])
