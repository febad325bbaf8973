"""How :class:`phonecom.AsyncClient` awaits the library: each call or page fetch runs on the
library's own threads (``_native.call_async``), never on the interpreter's default executor, and
its outcome resolves an asyncio future through ``loop.call_soon_threadsafe``.

A client's :class:`_native.Lane` bounds how many run at once (``max_concurrency``, default
:data:`DEFAULT_MAX_CONCURRENCY`); the rest wait in its queue without holding a thread. A task
cancelled while its call runs stops waiting; the call itself goes on to its end in the
background (a request on the wire cannot be unsent; the call's deadline bounds it).
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from . import _native

DEFAULT_MAX_CONCURRENCY = 64
"""Calls one :class:`~phonecom.AsyncClient` runs at once by default (its clones and the
clients made with ``with_v4_token``/``with_nol_key`` from it share the bound)."""


def lane(max_concurrency: int) -> Any:
    """A new bound of ``max_concurrency`` calls at once (an int from 1 to 4096)."""
    if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
        raise TypeError(f"max_concurrency must be an int (got {type(max_concurrency).__name__})")
    if not 1 <= max_concurrency <= 4096:
        raise ValueError(f"max_concurrency must be from 1 to 4096 (got {max_concurrency})")
    return _native.Lane(max_concurrency)


def _resolve(fut: "asyncio.Future[Any]", result: Any, error: Optional[BaseException]) -> None:
    if fut.done():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)


async def _run(start: Callable[[Callable[[Any, Any], None]], None]) -> Any:
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def done(result: Any, error: Optional[BaseException]) -> None:
        # On a library thread, with the GIL: hand the outcome to the loop's thread.
        try:
            loop.call_soon_threadsafe(_resolve, fut, result, error)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more

    start(done)
    return await fut


async def call(lane: Any, native: Any, name: str, params: Optional[Mapping[str, Any]], options: Dict[str, Any]) -> Tuple[Any, Any]:
    """``(data, native response)`` of one call, run on ``lane`` (what the blocking call returns)."""
    result: Tuple[Any, Any] = await _run(lambda done: _native.call_async(lane, native, name, params, done, **options))
    return result


async def next_page(lane: Any, walker: Any) -> Optional[Dict[str, Any]]:
    """The next page of ``walker`` (a ``_native.Pages``), or ``None`` at the end."""
    page: Optional[Dict[str, Any]] = await _run(lambda done: _native.next_page_async(lane, walker, done))
    return page
