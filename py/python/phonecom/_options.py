"""Durations in Python are seconds (floats), everywhere; the core's JSON document counts
milliseconds. This module converts a Python configuration and per-call options to the core's form.

Configuration (``Client(config, **overrides)``, ``from_env(**overrides)``, ``from_file(path, **overrides)``)::

    phonecom.Client(config, timeouts={"connect": 2.0, "per_attempt": 5.0}, deadline=30.0,
                    retry={"max_attempts": 3, "base_delay": 0.25, "max_delay": 8.0})

Per call (``call``, ``call_with_response``, ``with_options``)::

    client.call("v4.get-account", timeouts={"per_attempt": 5.0}, deadline=30.0, max_attempts=2,
                headers={"Idempotency-Key": "order-4471"})

The millisecond keys of the JSON document (``timeouts.connect_ms``, ``retry.deadline_ms``...) still
work in a Python dict, with a ``DeprecationWarning``; a JSON string or a file read with
``from_file`` keeps them without one (that is the file format every language shares). The old
per-call ``timeout=`` is ``timeouts={"per_attempt": ...}``, also with a ``DeprecationWarning``.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Dict, Mapping, Optional, Tuple

from ._errors import FieldError, ValidationError

# (section, Python key in seconds) -> (section, the core's key in milliseconds); section None is the top level.
_SECONDS: Dict[Tuple[Optional[str], str], Tuple[str, str]] = {
    ("timeouts", "connect"): ("timeouts", "connect_ms"),
    ("timeouts", "per_attempt"): ("timeouts", "attempt_ms"),
    (None, "deadline"): ("retry", "deadline_ms"),
    ("retry", "base_delay"): ("retry", "base_delay_ms"),
    ("retry", "max_delay"): ("retry", "max_delay_ms"),
}

# The core's millisecond keys, with the Python spelling a warning points to.
_MILLISECONDS: Dict[Tuple[str, str], str] = {
    ("timeouts", "connect_ms"): "timeouts={'connect': seconds}",
    ("timeouts", "attempt_ms"): "timeouts={'per_attempt': seconds}",
    ("timeouts", "overall_ms"): "timeouts={'per_attempt': seconds}",
    ("retry", "deadline_ms"): "deadline=seconds",
    ("retry", "base_delay_ms"): "retry={'base_delay': seconds}",
    ("retry", "max_delay_ms"): "retry={'max_delay': seconds}",
}


def _invalid(field: str, rule: str) -> ValidationError:
    return ValidationError(f"[validation] `{field}` {rule}", fields=[FieldError(field, rule)])


def _as_float(value: Any) -> float:
    """An int or float (not a bool) as a float (``inf`` past float's range); anything else NaN,
    which the core's rules refuse."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return math.nan
    try:
        return float(value)
    except OverflowError:
        return math.inf


def call_seconds(field: str, value: Any) -> float:
    """A per-call time limit in seconds, checked by the core's rule (at least 1 ms, at most 1 day)."""
    from . import _native

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _invalid(field, "must be a number of seconds")
    return float(_native.call_time_limit(field, _as_float(value)))


def call_attempts(field: str, value: Any) -> int:
    """A call's ``max_attempts``, checked by the core's rule (an integer from 1 to 100)."""
    from . import _native

    return int(_native.call_attempts(field, _as_float(value)))


def _to_ms(field: str, setting: Tuple[str, str], value: Any) -> int:
    """A configuration duration in seconds as the core's milliseconds, checked by the rule of the
    core's ``setting`` (at most 1 day; above 0 except the retry delays), the error naming ``field``."""
    from . import _native

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _invalid(field, "must be a number of seconds")
    return int(_native.config_duration_ms(field, ".".join(setting), _as_float(value)))


def _warn_ms(section: str, key: str) -> None:
    warnings.warn(
        f"phonecom: `{section}.{key}` (milliseconds) is deprecated in Python, where durations are seconds: "
        f"use {_MILLISECONDS[(section, key)]} (a JSON string or from_file() keeps the file format's milliseconds)",
        DeprecationWarning,
        stacklevel=4,
    )


def config_document(doc: Mapping[str, Any]) -> Dict[str, Any]:
    """A copy of a Python configuration with durations in seconds turned into the core's milliseconds."""
    out: Dict[str, Any] = dict(doc)
    deadline = out.pop("deadline", None)
    for name in ("timeouts", "retry"):
        part = out.get(name)
        if not isinstance(part, Mapping):
            continue
        converted: Dict[str, Any] = {}
        for key, value in part.items():
            target = _SECONDS.get((name, key))
            if target is not None:
                converted[target[1]] = None if value is None else _to_ms(f"{name}.{key}", target, value)
            else:
                if (name, key) in _MILLISECONDS:
                    _warn_ms(name, key)
                converted.setdefault(key, value)
        out[name] = converted
    if deadline is not None:
        section, key = _SECONDS[(None, "deadline")]
        retry = dict(out.get(section) or {})
        retry[key] = _to_ms("deadline", (section, key), deadline)
        out[section] = retry
    return out


def call_options(options: Mapping[str, Any]) -> Dict[str, Any]:
    """Per-call options (``timeouts``, ``deadline``, ``max_attempts``, ``headers``, and the
    deprecated ``timeout``) as the native ``call``'s keyword arguments (seconds, checked)."""
    out: Dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        if key == "timeout":
            warnings.warn(
                "phonecom: the call option `timeout` is deprecated: use timeouts={'per_attempt': seconds} "
                "(it bounds each attempt; deadline= bounds the whole call)",
                DeprecationWarning,
                stacklevel=4,
            )
            out["attempt_timeout"] = call_seconds("timeout", value)
        elif key == "timeouts":
            if not isinstance(value, Mapping):
                raise _invalid("timeouts", "must be a dict, e.g. {'per_attempt': 5.0}")
            for name, limit in value.items():
                if name == "per_attempt":
                    if limit is not None:
                        out["attempt_timeout"] = call_seconds("timeouts.per_attempt", limit)
                elif name == "connect":
                    raise _invalid(
                        "timeouts.connect",
                        "cannot be set per call: set it on the client, Client(config, timeouts={'connect': seconds})",
                    )
                else:
                    raise _invalid(f"timeouts.{name}", "is not a per-call timeout (known: per_attempt)")
        elif key == "deadline":
            out["deadline"] = call_seconds("deadline", value)
        elif key == "max_attempts":
            out[key] = call_attempts("max_attempts", value)
        elif key == "headers":
            out[key] = value
        else:
            raise TypeError(f"unknown call option: {key} (known: timeouts, deadline, max_attempts, headers)")
    return out
