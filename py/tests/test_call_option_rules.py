"""Per-call options follow the core's one rule set (core/src/call_options.rs): Python converts
seconds and spellings only, so a bad value gets the same rule text as in Node, C and PHP."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import phonecom

TIME_RULE = "must be at least 1 ms and at most 1 day"
ATTEMPTS_RULE = "must be an integer from 1 to 100 (1 disables retries)"


@pytest.mark.parametrize(
    "options, field, rule",
    [
        ({"max_attempts": 0}, "max_attempts", ATTEMPTS_RULE),
        ({"max_attempts": 101}, "max_attempts", ATTEMPTS_RULE),
        ({"max_attempts": 2.5}, "max_attempts", ATTEMPTS_RULE),
        ({"max_attempts": True}, "max_attempts", ATTEMPTS_RULE),
        ({"max_attempts": 10**30}, "max_attempts", ATTEMPTS_RULE),
        ({"deadline": 0}, "deadline", TIME_RULE),
        ({"deadline": -1.0}, "deadline", TIME_RULE),
        ({"deadline": 86_400.5}, "deadline", TIME_RULE),
        ({"deadline": float("inf")}, "deadline", TIME_RULE),
        ({"timeouts": {"per_attempt": 0.0001}}, "timeouts.per_attempt", TIME_RULE),
        ({"timeouts": {"per_attempt": 10**400}}, "timeouts.per_attempt", TIME_RULE),
    ],
)
def test_bad_call_options_get_the_core_rule(client: phonecom.Client, options: Dict[str, Any], field: str, rule: str) -> None:
    for attempt in (lambda: client.call("v4.get-account", **options), lambda: client.with_options(**options)):
        with pytest.raises(phonecom.ValidationError) as e:
            attempt()
        assert (e.value.fields[0].field, e.value.fields[0].message) == (field, rule)
        assert f"`{field}` {rule}" in str(e.value)


def test_the_bounds_themselves_are_accepted(client: phonecom.Client) -> None:
    client.with_options(timeouts={"per_attempt": 0.001}, deadline=0.001, max_attempts=1)  # checked, not sent
    ok = client.with_options(timeouts={"per_attempt": 86_400}, deadline=86_400, max_attempts=100)
    assert ok.v4.get_account()["id"] == client.v4.get_account()["id"]


def test_the_native_call_checks_by_the_same_rule(client: phonecom.Client) -> None:
    native = client._native_client()  # type: ignore[attr-defined]  # the layer under the wrapper
    with pytest.raises(phonecom.ValidationError) as e:
        native.call("v4.get-account", None, max_attempts=0)
    assert (e.value.fields[0].field, e.value.fields[0].message) == ("max_attempts", ATTEMPTS_RULE)
    with pytest.raises(phonecom.ValidationError) as e:
        native.call("v4.get-account", None, deadline=0.0)
    assert (e.value.fields[0].field, e.value.fields[0].message) == ("deadline", TIME_RULE)


CONFIG_RULE = "must be above 0 and at most 1 day (86400000 ms); 0 would fail every call"
DELAY_RULE = "must be from 0 to 1 day (86400000 ms)"


@pytest.mark.parametrize(
    "overrides, field, rule",
    [
        ({"timeouts": {"connect": 0}}, "timeouts.connect", CONFIG_RULE),
        ({"timeouts": {"per_attempt": 1e9}}, "timeouts.per_attempt", CONFIG_RULE),
        ({"deadline": 86_400.5}, "deadline", CONFIG_RULE),
        ({"deadline": float("nan")}, "deadline", CONFIG_RULE),
        ({"retry": {"base_delay": -0.5}}, "retry.base_delay", DELAY_RULE),
        ({"retry": {"max_delay": 10**400}}, "retry.max_delay", DELAY_RULE),
    ],
)
def test_configuration_durations_follow_the_core_rule(config: Dict[str, Any], overrides: Dict[str, Any], field: str, rule: str) -> None:
    """Configuration durations in seconds are converted in Python and checked by the core's
    rule (core/src/config_duration.rs), the error naming the Python spelling."""
    with pytest.raises(phonecom.ValidationError) as e:
        phonecom.Client(config, **overrides)
    assert (e.value.fields[0].field, e.value.fields[0].message) == (field, rule)


def test_retry_delays_may_be_zero(client: phonecom.Client, config: Dict[str, Any]) -> None:
    fast = phonecom.Client(config, retry={"base_delay": 0, "max_delay": 0}, deadline=86_400)
    assert fast.v4.get_account()["id"] == client.v4.get_account()["id"]
