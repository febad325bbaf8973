"""The sandbox shipped with the wheel: a local, stateful stand-in for every Phone.com service, for
developing before you have credentials, and its admin API (faults, recorded requests, the clock,
rate limits, reset, call-control calls).

>>> import phonecom
>>> from phonecom.sandbox import Sandbox
>>> with Sandbox.start() as sandbox:                          # doctest: +SKIP
...     client = phonecom.Client(sandbox.config)
...     sandbox.queue_fault(status=503, path="/v4/accounts")   # the next matching request fails once
...     client.v4.list_accounts()                              # ... and the client retries it
...     [r["status"] for r in sandbox.requests()]              # [503, 200]

``Sandbox.attach("http://127.0.0.1:8080")`` drives a sandbox that is already running (for example
``phonecom-sandbox --port 8080`` in another terminal). ``start()`` is the short form that yields
only the config: ``with phonecom.sandbox.start() as config: phonecom.Client(config)``.

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
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any, Dict, Iterator, List, Literal, NoReturn, Optional, Sequence, Type, Union

from ._sandbox_process import SandboxProcess
from ._sandbox_types import CallTranscript, Clock, Health, QueuedFault, RateLimit, RecordedRequest

__all__ = [
    "Sandbox",
    "SandboxError",
    "FAMILY_PATHS",
    "Health",
    "QueuedFault",
    "RecordedRequest",
    "Clock",
    "RateLimit",
    "CallTranscript",
    "binary",
    "start",
    "main",
]

_SHIPPED = Path(__file__).resolve().parent / "bin" / "phonecom-sandbox"

#: The path prefix of each family on the sandbox: ``queue_fault(family="xml")`` matches these.
FAMILY_PATHS: Dict[str, str] = {
    "v4": "/v4",
    "oauth": "/oauth",
    "xml": "/special/xmlapi",
    "v1": "/v1",
    "nol": "/api",
}

FaultAction = Literal["reset_before", "reset_after", "malformed", "truncated"]


class SandboxError(Exception):
    """The sandbox refused an admin request, could not be reached, or did not start.

    Attributes:
        message: the sandbox's own message (``str(error)`` adds the route and the status).
        status: the HTTP status of the refusal (``None`` when there was no answer).
        method, path: the admin request (``None`` for a start failure).
    """

    def __init__(self, message: str, *, status: Optional[int] = None, method: Optional[str] = None, path: Optional[str] = None) -> None:
        where = f"{method} {path}: " if method and path else ""
        answered = f"answered {status}: " if status is not None else ""
        super().__init__(f"phonecom sandbox: {where}{answered}{message}")
        self.message = message
        self.status = status
        self.method = method
        self.path = path


def binary() -> str:
    """The sandbox binary :meth:`Sandbox.start` runs; raises ``FileNotFoundError`` naming the variable when none."""
    return _default_binary()


def _default_binary() -> str:
    configured = os.environ.get("PHONECOM_SANDBOX_BIN")
    if configured:
        return configured
    if _SHIPPED.is_file():
        return str(_SHIPPED)
    raise FileNotFoundError(
        f"phonecom: this install ships no sandbox binary ({_SHIPPED} is missing: the package was built "
        "from source); set PHONECOM_SANDBOX_BIN to a phonecom-sandbox binary, or install the released wheel"
    )


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"url: must be the sandbox's http://HOST:PORT, got {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


class Sandbox:
    """A sandbox this process started (:meth:`start`) or found running (:meth:`attach`), with its admin API.

    Every method is one request to ``/_sandbox/...``; a refusal raises :class:`SandboxError` with the
    sandbox's message. Use it as a context manager to stop a started sandbox at the end.

    Attributes:
        config: the client config (``phonecom.Client(sandbox.config)``).
        url: ``http://127.0.0.1:PORT``, the sandbox's origin.
    """

    def __init__(self, url: str, config: Dict[str, Any], process: Optional[SandboxProcess] = None) -> None:
        self.url = _origin(url)
        self.config = config
        self._process = process

    # -- lifecycle ---------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        *,
        seed: Optional[int] = None,
        port: Optional[int] = None,
        rate_limit: bool = False,
        console: bool = False,
        binary: Optional[str] = None,
    ) -> "Sandbox":
        """Start a sandbox and wait until it serves.

        ``seed``: the same seed gives the same credentials and number inventory (default 1);
        ``port``: the loopback port (default: any free port); ``rate_limit``: enforce the upstream
        limits; ``console``: let the sandbox's console (a line per request, on stderr) through to
        this process's stderr, instead of keeping it (its tail goes into the error if the sandbox
        fails to start); ``binary``: the executable (default :func:`binary`).
        The sandbox runs with ``--exit-on-eof``, so it stops when this process ends, however it ends.
        """
        args: List[str] = []
        if seed is not None:
            args += ["--seed", str(seed)]
        if port is not None:
            args += ["--port", str(port)]
        if rate_limit:
            args.append("--rate-limit")
        try:
            process = SandboxProcess(binary or _default_binary(), args, console=console)
        except RuntimeError as e:
            raise SandboxError(str(e)) from None
        return cls(process.config["v4"]["base_url"], process.config, process)

    @classmethod
    def attach(cls, url: str, *, timeout: float = 10.0) -> "Sandbox":
        """A sandbox already running at ``url`` (``http://127.0.0.1:PORT``; a path is ignored): reads
        its config; raises :class:`SandboxError` when nothing answers there."""
        probe = cls(url, {})
        probe.config = probe.admin("GET", "/config", timeout=timeout)
        return probe

    def stop(self) -> None:
        """Stop a sandbox this process started and wait for it to exit (nothing for an attached one)."""
        if self._process is not None:
            self._process.stop()
            self._process = None

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, kind: Optional[Type[BaseException]], error: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        self.stop()

    def __repr__(self) -> str:
        started = "started" if self._process is not None else "attached"
        return f"<phonecom.sandbox.Sandbox {self.url} ({started})>"

    # -- the admin API -----------------------------------------------------------------------------

    def admin(self, method: str, route: str, body: Optional[Dict[str, Any]] = None, *, timeout: float = 10.0) -> Any:
        """One admin request: ``admin("GET", "/xml")`` is ``GET /_sandbox/xml``; returns the decoded
        JSON. The methods below cover the documented routes; this reaches any other (the families' own)."""
        path = "/_sandbox" + route
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                text = resp.read().decode()
        except urllib.error.HTTPError as e:
            raw = e.read().decode(errors="replace")
            try:
                message = str(json.loads(raw)["error"])
            except (ValueError, KeyError, TypeError):
                message = raw.strip() or e.reason
            raise SandboxError(message, status=e.code, method=method, path=path) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise SandboxError(f"no sandbox answered at {self.url} ({reason})", method=method, path=path) from None
        return json.loads(text) if text else None

    def health(self) -> Health:
        """``{"status": "ok", "seed": N}``."""
        result: Health = self.admin("GET", "/health")
        return result

    def fetch_config(self) -> Dict[str, Any]:
        """The client config, read again from the sandbox (the same as :attr:`config`)."""
        result: Dict[str, Any] = self.admin("GET", "/config")
        return result

    def queue_fault(
        self,
        spec: Optional[str] = None,
        *,
        status: Optional[int] = None,
        message: Optional[str] = None,
        code: Optional[str] = None,
        retry_after: Optional[int] = None,
        latency: Optional[float] = None,
        action: Optional[FaultAction] = None,
        echo: bool = False,
        family: Optional[str] = None,
        path: Optional[str] = None,
        method: Optional[str] = None,
        times: int = 1,
    ) -> QueuedFault:
        """Make the next ``times`` matching requests misbehave; returns the queued fault.

        What happens: ``status`` (an error status, 400-599) answered in the family's own error
        shape, with ``message`` as its text or ``code`` as the family's error code, and
        ``retry_after`` seconds; ``latency`` seconds of delay first; ``action``: ``"reset_before"``
        (close without answering, unprocessed), ``"reset_after"`` (process, then close),
        ``"malformed"`` (a body cut in half), ``"truncated"`` (fewer bytes than announced);
        ``echo``: an error repeating the request's values. Or a raw ``spec`` string
        (``"status=429;retry_after=2"``, the syntax of the ``X-Sandbox-Fault`` header) instead.

        Which requests: ``family`` (``v4``, ``oauth``, ``xml``, ``v1``, ``nol``) or ``path`` (a path
        prefix such as ``/v4/accounts``), and ``method``; none of them: any request.
        """
        typed = status is not None or message is not None or code is not None or retry_after is not None
        typed = typed or latency is not None or action is not None or echo
        if spec is not None and typed:
            raise ValueError("spec: give a spec string or the typed fields (status=, message=, ...), not both")
        if spec is None:
            spec = _fault_spec(status, message, code, retry_after, latency, action, echo)
        if family is not None and path is not None:
            raise ValueError("family, path: give one of them (a family stands for its path prefix)")
        if family is not None:
            if family not in FAMILY_PATHS:
                raise ValueError(f"family: must be one of {', '.join(FAMILY_PATHS)}, got {family!r}")
            path = FAMILY_PATHS[family]
        body: Dict[str, Any] = {"fault": spec, "times": times}
        if method is not None:
            body["method"] = method.upper()
        if path is not None:
            body["path"] = path
        result: QueuedFault = self.admin("POST", "/faults", body)
        return result

    def faults(self) -> List[QueuedFault]:
        """The faults still queued, oldest first, each with how many uses it has left."""
        result: List[QueuedFault] = self.admin("GET", "/faults")["faults"]
        return result

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        self.admin("DELETE", "/faults")

    def requests(
        self,
        since: Optional[int] = None,
        *,
        family: Optional[str] = None,
        status: Union[int, str, None] = None,
        limit: Optional[int] = None,
    ) -> List[RecordedRequest]:
        """The requests the sandbox received (secrets masked), oldest first.

        ``since``: only those after that ``seq`` (the last one you saw); ``family``: only that
        family's (``v4``, ``oauth``, ``xml``, ``v1``, ``nol``); ``status``: ``503``, ``"5xx"`` or
        ``"error"`` (400 and up, or no answer); ``limit``: the newest N of those.
        """
        if family is not None and family not in FAMILY_PATHS:
            raise ValueError(f"family: must be one of {', '.join(FAMILY_PATHS)}, got {family!r}")
        query = {"since": since, "family": family, "status": status, "limit": limit}
        result: List[RecordedRequest] = self.admin("GET", "/requests" + _query(query))["requests"]
        return result

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self.admin("DELETE", "/requests")

    def clock(self) -> Clock:
        """The sandbox clock: ``now`` (Unix seconds), ``now_rfc3339`` and ``offset_s`` from real time."""
        result: Clock = self.admin("GET", "/clock")
        return result

    def advance_clock(self, seconds: int) -> Clock:
        """Move the sandbox clock forward by ``seconds`` (negative: back); returns the new clock."""
        result: Clock = self.admin("POST", "/clock", {"advance_s": _whole("seconds", seconds)})
        return result

    def set_clock_offset(self, seconds: int) -> Clock:
        """Set the sandbox clock to real time plus ``seconds`` (0: back to real time)."""
        result: Clock = self.admin("POST", "/clock", {"offset_s": _whole("seconds", seconds)})
        return result

    def rate_limit(self) -> RateLimit:
        """The rate-limit settings: ``enabled``, ``per_endpoint`` per ``window_s``, ``total`` per ``total_window_s``."""
        result: RateLimit = self.admin("GET", "/rate-limit")
        return result

    def set_rate_limit(
        self,
        enabled: Optional[bool] = None,
        *,
        per_endpoint: Optional[int] = None,
        window_s: Optional[int] = None,
        total: Optional[int] = None,
        total_window_s: Optional[int] = None,
    ) -> RateLimit:
        """Change the given rate-limit settings (the rest stay) and restart the counters; returns them all."""
        given = {"enabled": enabled, "per_endpoint": per_endpoint, "window_s": window_s, "total": total, "total_window_s": total_window_s}
        result: RateLimit = self.admin("POST", "/rate-limit", {k: v for k, v in given.items() if v is not None})
        return result

    def state(self, section: Optional[str] = None, **filters: str) -> Dict[str, Any]:
        """What the dashboard shows, secrets masked: the overview (config, base URLs, clock, counts
        per resource, queued faults, rate limits), or one ``section`` (``v4``, ``xml``,
        ``callcontrol``, ``v1``, ``nol``); ``v4`` takes ``q=`` and ``category=`` to filter the
        inventory."""
        route = "/state" + ("/" + urllib.parse.quote(section, safe="") if section is not None else "")
        result: Dict[str, Any] = self.admin("GET", route + _query(filters))
        return result

    def reset(self) -> None:
        """Everything back to the seeded start: every family's state, faults, requests, clock and limits."""
        self.admin("POST", "/reset")

    def drive_call(
        self,
        url: str,
        *,
        digits: Sequence[str] = (),
        method: Optional[str] = None,
        dialed_number: Optional[str] = None,
        caller_id_number: Optional[str] = None,
        caller_id_name: Optional[str] = None,
        forward_results: Sequence[str] = (),
        talk_seconds: Optional[int] = None,
        max_requests: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> CallTranscript:
        """Place a call-control call on ``url`` (your handler) the way Phone.com does, follow the
        commands it answers, and return the transcript (``outcome``, ``steps``: request fields, then
        the command, for each request).

        ``digits``: what the caller keys in, one entry per prompt; ``method``: ``GET`` (default) or
        ``POST``; ``dialed_number`` (default: the sandbox account's first number),
        ``caller_id_number``, ``caller_id_name``; ``forward_results``: ``answered``, ``no-answer``
        or ``busy`` for each ``forward``; ``talk_seconds`` of a connected call (default 30);
        ``max_requests`` to your URL (default 20); ``timeout``: seconds per request (default 5).
        """
        for name, entries in (("digits", digits), ("forward_results", forward_results)):
            if isinstance(entries, str):
                raise TypeError(f"{name}: a list of strings, one per prompt or forward (got the string {entries!r})")
        fields = {
            "url": url,
            "digits": list(digits) or None,
            "method": method,
            "dialedNumber": dialed_number,
            "callerIdNumber": caller_id_number,
            "callerIdName": caller_id_name,
            "forwardResults": list(forward_results) or None,
            "talkSeconds": talk_seconds,
            "maxRequests": max_requests,
            "timeoutMs": round(timeout * 1000) if timeout is not None else None,
        }
        # The sandbox waits up to timeout_ms for each of max_requests requests to the handler.
        bound = (timeout or 5.0) * (max_requests or 20) + 10.0
        body = {k: v for k, v in fields.items() if v is not None}
        result: CallTranscript = self.admin("POST", "/callcontrol/calls", body, timeout=bound)
        return result

    def calls(self) -> List[CallTranscript]:
        """The transcripts of the call-control calls driven so far, oldest first."""
        result: List[CallTranscript] = self.admin("GET", "/callcontrol/calls")["calls"]
        return result

    def call(self, unique_id: str) -> CallTranscript:
        """One call's transcript by its ``uniqueID``."""
        result: CallTranscript = self.admin("GET", "/callcontrol/calls/" + urllib.parse.quote(unique_id, safe=""))
        return result

    def clear_calls(self) -> None:
        """Forget the call-control transcripts."""
        self.admin("DELETE", "/callcontrol/calls")


def _query(params: Dict[str, Any]) -> str:
    given = {k: str(v) for k, v in params.items() if v is not None}
    return "?" + urllib.parse.urlencode(given) if given else ""


def _whole(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: must be a whole number of seconds, got {value!r}")
    return value


def _fault_spec(
    status: Optional[int],
    message: Optional[str],
    code: Optional[str],
    retry_after: Optional[int],
    latency: Optional[float],
    action: Optional[str],
    echo: bool,
) -> str:
    """The spec string of the typed fields (the sandbox checks the combination and the ranges)."""
    parts: List[str] = []
    if latency is not None:
        if latency < 0:
            raise ValueError(f"latency: must be seconds, 0 or more, got {latency!r}")
        parts.append(f"latency={round(latency * 1000)}")
    if status is not None:
        parts.append(f"status={int(status)}")
    if retry_after is not None:
        parts.append(f"retry_after={int(retry_after)}")
    if code is not None:
        if ";" in code:
            raise ValueError("code: may not contain ';'")
        parts.append(f"code={code}")
    if message is not None:
        if ";" in message:
            raise ValueError("message: may not contain ';' (it separates the parts of a fault)")
        parts.append(f"message={message}")
    if action is not None:
        if action not in ("reset_before", "reset_after", "malformed", "truncated"):
            raise ValueError(f"action: must be reset_before, reset_after, malformed or truncated, got {action!r}")
        parts.append(action)
    if echo:
        parts.append("echo")
    if not parts:
        raise ValueError("queue_fault: say what goes wrong (status=, latency=, action=, echo=, or a spec string)")
    return ";".join(parts)


@contextlib.contextmanager
def start(
    *, seed: Optional[int] = None, port: Optional[int] = None, rate_limit: bool = False, console: bool = False
) -> Iterator[Dict[str, Any]]:
    """Start the sandbox and yield its config, ready for :class:`phonecom.Client`; stop it on exit.

    The options are :meth:`Sandbox.start`'s. For the admin API too, use ``with Sandbox.start() as sandbox``.
    """
    with Sandbox.start(seed=seed, port=port, rate_limit=rate_limit, console=console) as sandbox:
        yield sandbox.config


def main() -> NoReturn:
    """The ``phonecom-sandbox`` console command: runs the shipped binary with the same arguments."""
    try:
        path = binary()
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        sys.exit(1)
    os.execv(path, [path, *sys.argv[1:]])
