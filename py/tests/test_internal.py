"""A panic inside the library is `phonecom.InternalError` (an `Exception`), with nothing on stderr.

The panics are deliberate, through test-only hooks of the native module: `_native._panic_for_test()`
panics in a plain function, and `Client._panicking_for_test()` gives a view of a client that panics
at the end of each call and page fetch, on the thread that ran it (a worker on the main thread, an
asyncio worker thread), so `call`, `pages` and the async client cross the boundary a real bug would.
"""

from __future__ import annotations

import asyncio
import json
import os
import pickle
import subprocess
import sys
from typing import Any, Dict

import pytest

import phonecom
from phonecom import _native
from conftest import Sandbox


def _panicking(client: phonecom.Client) -> phonecom.Client:
    native = client._native_client()._panicking_for_test()
    made: phonecom.Client = phonecom.Client._wrap(native, {})
    return made


def _check(err: phonecom.PhoneComError, operation: str) -> None:
    assert type(err) is phonecom.InternalError and isinstance(err, Exception)
    assert err.kind == "internal" and err.operation == operation and not err.retryable
    assert str(err).startswith(f"[internal] {operation}: internal error: a bug in libphonecom (a panic at ")
    assert "core/src/boundary.rs" in str(err), "the panic's location is kept"
    assert _native.PANIC_FOR_TEST_SECRET not in str(err) + repr(err.to_dict()), "its message never shows"


def test_a_panic_is_an_internal_error() -> None:
    with pytest.raises(phonecom.PhoneComError) as info:
        _native._panic_for_test()
    _check(info.value, "_panic_for_test")
    assert phonecom.error_class("internal") is phonecom.InternalError
    clone = pickle.loads(pickle.dumps(info.value))
    assert type(clone) is phonecom.InternalError and clone.to_dict() == info.value.to_dict()


def test_a_panic_inside_a_call_or_a_page(client: phonecom.Client, sandbox: Sandbox) -> None:
    broken = _panicking(client)
    with pytest.raises(phonecom.InternalError) as info:
        broken.v4.get_account()
    _check(info.value, "v4.get-account")
    with pytest.raises(phonecom.InternalError) as info:
        next(broken.v4.list_available_phone_numbers.pages(limit=5))
    _check(info.value, "v4.list-available-phone-numbers")
    # The request did go out (the panic came after it), and the client goes on working.
    assert any(r["path"] == "/v4/phone-numbers/available" for r in sandbox.requests())
    assert client.v4.get_account()["id"] == client.v4.get_account()["id"]


def test_a_panic_in_the_async_client(config: Dict[str, Any], client: phonecom.Client) -> None:
    broken = phonecom.AsyncClient._wrap(client._native_client()._panicking_for_test(), {})

    async def main() -> None:
        with pytest.raises(phonecom.InternalError) as info:
            await broken.v4.get_account()
        _check(info.value, "v4.get-account")
        with pytest.raises(phonecom.InternalError):
            async for _ in broken.v4.list_available_phone_numbers.iter(limit=5):
                pass

    asyncio.run(main())


_QUIET = r"""
import asyncio, json, os, sys
import phonecom
from phonecom import _native

caught = []
try:
    _native._panic_for_test()
except Exception as e:
    caught.append(type(e).__name__)
client = phonecom.Client(json.loads(os.environ["SANDBOX_CONFIG"]))
broken = phonecom.Client._wrap(client._native_client()._panicking_for_test(), {})
for attempt in (lambda: broken.v4.get_account(), lambda: next(broken.v4.list_available_phone_numbers.pages())):
    try:
        attempt()
    except Exception as e:
        caught.append(type(e).__name__)
async def main():
    try:
        await phonecom.AsyncClient._wrap(broken._native_client(), {}).v4.get_account()
    except Exception as e:
        caught.append(type(e).__name__)
asyncio.run(main())
print(json.dumps(caught))
"""


def test_nothing_reaches_stderr(sandbox: Sandbox) -> None:
    env = dict(os.environ, SANDBOX_CONFIG=json.dumps(sandbox.config), RUST_BACKTRACE="1")
    run = subprocess.run([sys.executable, "-c", _QUIET], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == ["InternalError"] * 4
    assert run.stderr == "", "a caught panic prints nothing, not even with RUST_BACKTRACE=1"
