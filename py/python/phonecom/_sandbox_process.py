"""The sandbox as a child process: started with ``--exit-on-eof``, its config line read from stdout,
its console (stderr) kept in a bounded tail by a reader thread unless it is let through.

>>> p = SandboxProcess("target/debug/phonecom-sandbox", ["--seed", "7"], console=False)  # doctest: +SKIP
>>> p.config["v4"]["base_url"]                                                            # doctest: +SKIP
'http://127.0.0.1:41234/v4'
>>> p.stop()                                                                              # doctest: +SKIP
"""

from __future__ import annotations

import collections
import json
import subprocess
import threading
from typing import IO, Any, Deque, Dict, List, Optional

#: Console lines kept for an error message (the newest), and the most characters of each.
TAIL_LINES = 20
TAIL_LINE_CHARS = 500


class SandboxProcess:
    """A running ``phonecom-sandbox``; raises ``RuntimeError`` with the tail of its console when it
    exits or prints no config line."""

    def __init__(self, executable: str, args: List[str], *, console: bool) -> None:
        command = [executable, "--exit-on-eof", *args]
        try:
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=None if console else subprocess.PIPE,
            )
        except OSError as e:
            raise RuntimeError(
                f"cannot run {executable} ({e.strerror or e}); set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary"
            ) from None
        self._tail: Deque[str] = collections.deque(maxlen=TAIL_LINES)
        self._drain: Optional[threading.Thread] = None
        if self._proc.stderr is not None:
            self._drain = threading.Thread(target=self._keep_tail, args=(self._proc.stderr,), daemon=True)
            self._drain.start()
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().decode(errors="replace")
        try:
            config = json.loads(line) if line.strip() else None
        except ValueError:
            config = None
        if not isinstance(config, dict):
            why = "printed a first line that is not its config" if line.strip() else "exited before printing its config"
            self._proc.kill()
            status = self._proc.wait()
            raise RuntimeError(f"{executable} {why} (status {status}){self._console_tail()}")
        self.config: Dict[str, Any] = config

    def _keep_tail(self, stream: IO[bytes]) -> None:
        for raw in stream:
            self._tail.append(raw.decode(errors="replace").rstrip("\r\n")[:TAIL_LINE_CHARS])
        stream.close()

    def _console_tail(self) -> str:
        if self._drain is None:
            return " (its console went to stderr)"
        self._drain.join(timeout=5)
        lines = list(self._tail)
        return ":\n" + "\n".join(lines) if lines else "; it printed nothing on stderr"

    def stop(self) -> None:
        """Close the sandbox's stdin (it exits at end of file) and wait; kill it after 10 s."""
        if self._proc.stdin is not None and not self._proc.stdin.closed:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        if self._drain is not None:
            self._drain.join(timeout=5)
