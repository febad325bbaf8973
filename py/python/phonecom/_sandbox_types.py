"""The shapes of the sandbox admin API's answers (``phonecom.sandbox.Sandbox``'s return types).

They are plain dicts at run time; the sandbox may add keys in later versions.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict


class Health(TypedDict):
    """``GET /_sandbox/health``."""

    status: str
    seed: int


class QueuedFault(TypedDict):
    """A fault waiting for matching requests."""

    id: int
    method: Optional[str]
    path: Optional[str]
    fault: str
    remaining: int


class _RecordedRequestBase(TypedDict):
    seq: int
    method: str
    path: str
    query: Dict[str, Any]
    headers: Dict[str, str]
    body: Any
    fault: Optional[str]
    status: Optional[int]


class RecordedRequest(_RecordedRequestBase, total=False):
    """One request the sandbox received, secrets masked (``***``): ``status`` is what it answered
    (``None`` when it closed the connection instead) and ``fault`` the fault applied. A sandbox with
    the dashboard also gives ``time`` (UTC), ``family``, ``ms`` (time to answer) and ``response``
    (``status``, ``headers``, ``body``, masked)."""

    time: str
    family: Optional[str]
    ms: Optional[int]
    response: Optional[Dict[str, Any]]


class Clock(TypedDict):
    """The sandbox clock."""

    now: int
    now_rfc3339: str
    offset_s: int


class RateLimit(TypedDict):
    """The rate-limit settings (Phone.com's published limits by default, off unless asked)."""

    enabled: bool
    per_endpoint: int
    window_s: int
    total: int
    total_window_s: int


class CallTranscript(TypedDict):
    """A call-control call the sandbox placed on a handler, step by step."""

    uniqueID: str
    url: str
    method: str
    dialedNumber: str
    callerIdNumber: Optional[str]
    callerIdName: Optional[str]
    started_at: str
    outcome: str
    duration: int
    connected_to: Optional[str]
    requests: int
    call_log_id: Optional[int]
    steps: List[Dict[str, Any]]
