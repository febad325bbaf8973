"""phonecom.sandbox: starting, attaching, stopping, the console kept out of the way, and every
admin method against a real sandbox."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, Tuple

import pytest

import phonecom
import phonecom.sandbox
from conftest import _sandbox_binary, serving
from phonecom.sandbox import FAMILY_PATHS, Sandbox, SandboxError

BINARY = str(_sandbox_binary())


def one_shot_client(sandbox: Sandbox) -> phonecom.Client:
    return phonecom.Client(sandbox.config).with_options(max_attempts=1)


# -- lifecycle ------------------------------------------------------------------------------------


def test_start_serves_then_stop_ends_it() -> None:
    sandbox = Sandbox.start(seed=7, binary=BINARY)
    try:
        assert sandbox.health() == {"status": "ok", "seed": 7}
        assert sandbox.fetch_config() == sandbox.config
        assert sandbox.url == sandbox.config["v4"]["base_url"][: -len("/v4")]
        assert phonecom.Client(sandbox.config).v4.get_account()["id"] == sandbox.config["v4"]["account_id"]
    finally:
        sandbox.stop()
    with pytest.raises(SandboxError) as e:
        Sandbox.attach(sandbox.url, timeout=2)
    assert e.value.status is None and "no sandbox answered at " + sandbox.url in str(e.value)
    sandbox.stop()  # a second stop does nothing


def test_the_context_manager_stops_it_and_start_yields_the_config(monkeypatch: pytest.MonkeyPatch) -> None:
    with Sandbox.start(binary=BINARY) as sandbox:
        url = sandbox.url
        assert "started" in repr(sandbox)
    with pytest.raises(SandboxError):
        Sandbox.attach(url, timeout=2)
    monkeypatch.setenv("PHONECOM_SANDBOX_BIN", BINARY)
    with phonecom.sandbox.start(seed=3) as config:
        assert Sandbox.attach(config["v4"]["base_url"]).health()["seed"] == 3


def test_attach_drives_a_running_sandbox(sandbox: Sandbox) -> None:
    attached = Sandbox.attach(sandbox.config["xml"]["base_url"])  # any URL on it: the path is ignored
    assert attached.url == sandbox.url and attached.config == sandbox.config
    assert "attached" in repr(attached)
    attached.queue_fault(status=502, family="v1")
    assert [f["path"] for f in sandbox.faults()] == ["/v1"]
    attached.stop()  # not ours: still running
    assert sandbox.health()["status"] == "ok"


def test_attach_refuses_what_is_not_a_url() -> None:
    with pytest.raises(ValueError, match="url: must be the sandbox's http://HOST:PORT"):
        Sandbox.attach("127.0.0.1:8080")


def test_a_start_failure_carries_the_sandbox_console() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(SandboxError) as e:
            Sandbox.start(port=taken.getsockname()[1], binary=BINARY)
    assert "exited before printing its config (status 1)" in str(e.value)
    assert "Address already in use" in str(e.value), "the tail of its stderr is in the error"


def test_a_missing_binary_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(SandboxError, match="cannot run .*set PHONECOM_SANDBOX_BIN"):
        Sandbox.start(binary=str(tmp_path / "nowhere"))


_CONSOLE_CHILD = """
import sys
from phonecom.sandbox import Sandbox
with Sandbox.start(binary=sys.argv[1], console=sys.argv[2] == "on") as sb:
    sb.health()
print("done")
"""


@pytest.mark.parametrize("console", ["off", "on"])
def test_the_console_is_kept_unless_asked_for(tmp_path: Path, console: str) -> None:
    # A sandbox that says something on stderr first, as its console does for every request.
    chatty = tmp_path / "chatty-sandbox"
    chatty.write_text(f'#!/bin/sh\necho "GET /v4/accounts 200 (console line)" >&2\nexec "{BINARY}" "$@"\n')
    chatty.chmod(0o755)
    run = subprocess.run(
        [sys.executable, "-c", _CONSOLE_CHILD, str(chatty), console], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0 and run.stdout == "done\n", run.stderr
    assert ("(console line)" in run.stderr) == (console == "on"), run.stderr


# -- faults ---------------------------------------------------------------------------------------


def test_a_typed_fault_reaches_the_next_matching_request(sandbox: Sandbox) -> None:
    queued = sandbox.queue_fault(status=503, message="down for maintenance", path="/v4/accounts", times=2)
    assert queued["fault"] == "status=503;message=down for maintenance"
    assert (queued["path"], queued["method"], queued["remaining"]) == ("/v4/accounts", None, 2)
    assert sandbox.faults() == [queued]
    client = one_shot_client(sandbox)
    with pytest.raises(phonecom.ServerError, match="down for maintenance") as e:
        client.v4.get_account()
    assert e.value.status == 503
    assert sandbox.faults()[0]["remaining"] == 1
    last = sandbox.requests()[-1]
    assert (last["status"], last["fault"]) == (503, queued["fault"])


def test_every_fault_field_becomes_its_spec(sandbox: Sandbox) -> None:
    f = sandbox.queue_fault(status=429, retry_after=2, code="rate_limited_pool", latency=0.05, method="get")
    assert f["fault"] == "latency=50;status=429;retry_after=2;code=rate_limited_pool"
    assert f["method"] == "GET"
    for action in ("reset_before", "reset_after", "malformed", "truncated"):
        assert sandbox.queue_fault(action=action)["fault"] == action
    assert sandbox.queue_fault(status=400, echo=True)["fault"] == "status=400;echo"
    assert sandbox.queue_fault("status=500;retry_after=1")["fault"] == "status=500;retry_after=1"
    assert len(sandbox.faults()) == 7
    sandbox.clear_faults()
    assert sandbox.faults() == []


@pytest.mark.parametrize("family", sorted(FAMILY_PATHS))
def test_a_family_stands_for_its_path(sandbox: Sandbox, family: str) -> None:
    assert sandbox.queue_fault(status=500, family=family)["path"] == FAMILY_PATHS[family]
    base = urllib.parse.urlsplit(sandbox.config[family]["base_url"]).path
    if family == "nol":  # numbers.online's base URL is the host; its API lives under /api
        assert base == ""
    else:
        assert base == FAMILY_PATHS[family]


def test_a_family_fault_hits_that_family_only(sandbox: Sandbox) -> None:
    sandbox.queue_fault(status=500, family="xml")
    client = one_shot_client(sandbox)
    client.v4.get_account()  # v4 passes
    with pytest.raises(phonecom.ServerError):
        client.xml.get_call_list(startTime=0, endTime=1)
    assert [r["fault"] for r in sandbox.requests()] == [None, "status=500"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"spec": "status=500", "status": 500}, "spec: give a spec string or the typed fields"),
        ({"status": 500, "family": "v4", "path": "/v4"}, "family, path: give one of them"),
        ({"status": 500, "family": "v5"}, "family: must be one of v4, oauth, xml, v1, nol"),
        ({"status": 400, "message": "a;b"}, "message: may not contain ';'"),
        ({"action": "explode"}, "action: must be reset_before, reset_after, malformed or truncated"),
        ({"latency": -1}, "latency: must be seconds, 0 or more"),
        ({}, "say what goes wrong"),
    ],
)
def test_bad_fault_arguments_are_refused_before_sending(sandbox: Sandbox, kwargs: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sandbox.queue_fault(**kwargs)
    assert sandbox.faults() == []


def test_the_sandbox_refusal_is_a_sandbox_error_with_its_message(sandbox: Sandbox) -> None:
    with pytest.raises(SandboxError) as e:
        sandbox.queue_fault(status=200)
    assert e.value.status == 400 and e.value.method == "POST" and e.value.path == "/_sandbox/faults"
    assert e.value.message == "status 200 is not an error status (400-599)"
    assert str(e.value) == "phonecom sandbox: POST /_sandbox/faults: answered 400: status 200 is not an error status (400-599)"
    with pytest.raises(SandboxError, match="`times` must be a positive integer"):
        sandbox.queue_fault(status=500, times=0)


def test_a_503_then_the_retry_as_the_readme_shows(sandbox: Sandbox) -> None:
    client = phonecom.Client(sandbox.config)
    sandbox.queue_fault(status=503, path="/v4/accounts")
    client.v4.get_account()
    attempts = [r for r in sandbox.requests() if r["path"].startswith("/v4/accounts")]
    assert [(r["status"], r["fault"]) for r in attempts] == [(503, "status=503"), (200, None)]


# -- recorded requests ----------------------------------------------------------------------------


def test_requests_since_and_clear(sandbox: Sandbox) -> None:
    client = phonecom.Client(sandbox.config)
    client.v4.get_account()
    first = sandbox.requests()
    client.v4.list_accounts()
    newer = sandbox.requests(since=first[-1]["seq"])
    assert [r["path"] for r in newer] == ["/v4/accounts"]
    assert newer[0]["headers"]["authorization"] == "Bearer ***", "secrets are masked"
    assert len(sandbox.requests(since=0)) == 2
    sandbox.clear_requests()
    assert sandbox.requests() == []


def test_requests_filtered_by_family_status_and_limit(sandbox: Sandbox) -> None:
    if "last_seq" not in sandbox.admin("GET", "/requests"):
        pytest.skip("this sandbox has no request filters (they came with the dashboard)")
    client = one_shot_client(sandbox)
    client.v4.get_account()
    sandbox.queue_fault(status=503, family="xml")
    with pytest.raises(phonecom.ServerError):
        client.xml.get_call_list(startTime=0, endTime=1)
    client.v4.list_accounts()
    v4 = sandbox.requests(family="v4")
    assert [r["path"] for r in v4] == [f"/v4/accounts/{sandbox.config['v4']['account_id']}", "/v4/accounts"]
    assert [r.get("family") for r in v4] == ["v4", "v4"]
    assert (v4[-1].get("response") or {}).get("status") == 200, "the response is recorded"
    assert [r["status"] for r in sandbox.requests(status=503)] == [503]
    assert [r["status"] for r in sandbox.requests(status="5xx")] == [503]
    assert [r["status"] for r in sandbox.requests(status="error")] == [503]
    assert [r["path"] for r in sandbox.requests(limit=1)] == ["/v4/accounts"]
    with pytest.raises(ValueError, match="family: must be one of"):
        sandbox.requests(family="v5")


def test_state_shows_what_the_dashboard_shows(sandbox: Sandbox) -> None:
    try:
        overview = sandbox.state()
    except SandboxError as e:
        if e.status != 404:
            raise
        pytest.skip("this sandbox has no state views (they came with the dashboard)")
    assert overview["seed"] == sandbox.health()["seed"]
    assert sandbox.config["v4"]["token"] not in str(overview), "secrets are masked"
    phonecom.Client(sandbox.config).v4.create_account_subaccount(username="seen-in-state", password="Passw0rd!Passw0rd")
    assert "seen-in-state" in str(sandbox.state("v4"))
    assert isinstance(sandbox.state("v4", q="858"), dict)
    with pytest.raises(SandboxError) as e:
        sandbox.state("nowhere")
    assert e.value.status == 404


# -- the clock ------------------------------------------------------------------------------------


def test_the_clock_moves_and_resets(sandbox: Sandbox) -> None:
    start = sandbox.clock()
    assert start["offset_s"] == 0
    moved = sandbox.advance_clock(3600)
    assert moved["offset_s"] == 3600 and moved["now"] >= start["now"] + 3600
    assert moved["now_rfc3339"].endswith("Z") or "+" in moved["now_rfc3339"]
    assert sandbox.advance_clock(-600)["offset_s"] == 3000
    assert sandbox.set_clock_offset(-86400)["offset_s"] == -86400
    assert sandbox.clock()["offset_s"] == -86400
    with pytest.raises(TypeError, match="seconds: must be a whole number of seconds"):
        sandbox.advance_clock(1.5)  # type: ignore[arg-type]
    sandbox.reset()
    assert sandbox.clock()["offset_s"] == 0


# -- rate limiting --------------------------------------------------------------------------------


def test_rate_limits_switch_on_and_back(sandbox: Sandbox) -> None:
    default = sandbox.rate_limit()
    assert default == {"enabled": False, "per_endpoint": 30, "window_s": 30, "total": 120, "total_window_s": 60}
    on = sandbox.set_rate_limit(True, per_endpoint=2)
    assert on == {**default, "enabled": True, "per_endpoint": 2}
    assert sandbox.rate_limit() == on
    client = one_shot_client(sandbox)
    client.v4.get_account()
    client.v4.get_account()
    with pytest.raises(phonecom.RateLimitedError) as e:
        client.v4.get_account()
    assert e.value.status == 429
    assert sandbox.set_rate_limit(False)["enabled"] is False
    client.v4.get_account()
    with pytest.raises(SandboxError, match="invalid rate-limit settings") as bad:
        sandbox.set_rate_limit(per_endpoint=-1)
    assert bad.value.status == 400


# -- reset ----------------------------------------------------------------------------------------


def test_reset_returns_to_the_seed(sandbox: Sandbox) -> None:
    client = phonecom.Client(sandbox.config)
    before = client.v4.list_accounts()["total"]
    client.v4.create_account_subaccount(username="reset-me", password="Passw0rd!Passw0rd")
    assert client.v4.list_accounts()["total"] == before + 1
    sandbox.queue_fault(status=500, path="/nowhere")
    sandbox.reset()
    assert client.v4.list_accounts()["total"] == before
    assert sandbox.faults() == [] and [r["path"] for r in sandbox.requests()] == ["/v4/accounts"]


# -- call control ---------------------------------------------------------------------------------


@pytest.fixture
def handler() -> Iterator[Tuple[List[str], str]]:
    """A call-control handler on loopback: a menu, then a hang-up; records the queries it gets."""
    seen: List[str] = []

    def app(environ: Any, start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(environ.get("QUERY_STRING", ""))
        body = b"play-and-get-digits,Main Menu,D" if len(seen) == 1 else b""
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [body]

    with serving(app) as base:
        yield seen, f"{base}/cc"


def test_drive_a_call_and_read_its_transcript(sandbox: Sandbox, handler: Tuple[List[str], str]) -> None:
    seen, url = handler
    t = sandbox.drive_call(url, digits=["1"], caller_id_number="+16195550199", caller_id_name="Ada", timeout=2.0)
    assert t["url"] == url and t["method"] == "GET" and t["callerIdNumber"] == "+16195550199"
    assert t["requests"] == len(t["steps"]) == len(seen) >= 2
    assert t["steps"][0]["response"]["body"] == "play-and-get-digits,Main Menu,D"
    assert "digits=1" in seen[1].split("&"), seen
    assert sandbox.calls() == [t]
    assert sandbox.call(t["uniqueID"]) == t
    sandbox.clear_calls()
    assert sandbox.calls() == []
    with pytest.raises(SandboxError, match="no such call") as e:
        sandbox.call(t["uniqueID"])
    assert e.value.status == 404


def test_a_bad_call_is_refused_with_the_sandbox_message(sandbox: Sandbox) -> None:
    with pytest.raises(SandboxError, match="`method` must be GET or POST"):
        sandbox.drive_call("http://127.0.0.1:9/", method="PUT")
    with pytest.raises(SandboxError, match="`digits` has an invalid entry"):
        sandbox.drive_call("http://127.0.0.1:9/", digits=["x"])
    with pytest.raises(TypeError, match="digits: a list of strings, one per prompt"):
        sandbox.drive_call("http://127.0.0.1:9/", digits="12")


def test_admin_reaches_the_families_own_routes(sandbox: Sandbox) -> None:
    assert isinstance(sandbox.admin("GET", "/xml"), dict)
    with pytest.raises(SandboxError) as e:
        sandbox.admin("GET", "/nowhere")
    assert (e.value.status, e.value.message) == (404, "unknown admin route")


def test_the_binary_lookup_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHONECOM_SANDBOX_BIN", "/opt/sandbox")
    assert phonecom.sandbox.binary() == "/opt/sandbox"
    monkeypatch.delenv("PHONECOM_SANDBOX_BIN")
    if not os.path.exists(phonecom.sandbox._SHIPPED):
        with pytest.raises(FileNotFoundError, match="PHONECOM_SANDBOX_BIN"):
            phonecom.sandbox.binary()
