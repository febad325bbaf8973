"""Request/response events of the core, sent to the standard ``logging`` module.

Logger ``phonecom``: each attempt's request and response at DEBUG, retries and failed calls at
INFO; the rate budget's Redis not answering (calls go on with an in-process budget) at WARNING,
once, and its return at INFO. Secrets are masked by the core before an event reaches Python. The event's fields are also
attached to the record as ``record.phonecom`` (a dict: kind, operation, method, url, attempt,
request_id, status, elapsed_ms, message, headers, body, body_truncated).

With ``debug_log=True`` in the client's configuration (or ``PHONECOM_DEBUG_LOG=1``), request and
response records also show the headers and the body, secrets masked and the body cut at 4 KiB.
"""

from __future__ import annotations

import logging
from typing import Any, Mapping

logger = logging.getLogger("phonecom")

_LEVELS = {
    "request": logging.DEBUG,
    "response": logging.DEBUG,
    "retry": logging.INFO,
    "failure": logging.INFO,
    "warning": logging.WARNING,
    "notice": logging.INFO,
}


def _emit(event: Mapping[str, Any]) -> None:
    """Log one core event (called by the native module on the thread making the call)."""
    kind = str(event.get("kind", ""))
    level = _LEVELS.get(kind, logging.DEBUG)
    if not logger.isEnabledFor(level):
        return
    op = event.get("operation", "")
    tail = f"(attempt {event.get('attempt')}, request id {event.get('request_id')})"
    if kind == "request":
        text = f"request {op}: {event.get('method')} {event.get('url')} {tail}"
    elif kind == "response":
        text = f"response {op}: HTTP {event.get('status')} in {event.get('elapsed_ms')} ms {tail}"
    else:
        text = f"{kind} {op}: {event.get('message') or ''} {tail}"
    headers = event.get("headers") or {}
    if headers:
        text += "\n  " + "\n  ".join(f"{k}: {v}" for k, v in headers.items())
    body = event.get("body")
    if body:
        text += f"\n  body: {body}" + (" [cut]" if event.get("body_truncated") else "")
    logger.log(level, "%s", text, extra={"phonecom": dict(event)})
