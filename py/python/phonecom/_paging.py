"""Walk progress: :class:`Progress`, reported to an ``on_progress`` callable after each page.

>>> import phonecom
>>> client = phonecom.Client.from_env()                                        # doctest: +SKIP
>>> for n in client.v4.list_available_phone_numbers.iter(
...         limit=500, on_progress=lambda p: print(f"fetched {p}")):        # doctest: +SKIP
...     pass
fetched 1 page, 500 of 2065 rows (24%)
...
"""

from __future__ import annotations

import inspect
from typing import Any, Awaitable, Callable, Dict, Iterator, NamedTuple, Optional, Union

from . import _native
from ._errors import FieldError, ValidationError

__all__ = ["Progress", "ProgressCallback", "AsyncProgressCallback"]


class Progress(NamedTuple):
    """Where a walk stands after its latest page (compares equal to ``(pages, rows, total)``)."""

    pages: int
    """Pages fetched so far."""
    rows: int
    """Rows fetched so far, over all those pages."""
    total: Optional[int]
    """Rows the whole walk yields when the upstream says (its ``total`` less the starting
    ``offset``); ``None`` for lists with no total (``xml.getCallList``'s time windows)."""

    @property
    def fraction(self) -> Optional[float]:
        """``rows / total`` from 0.0 to 1.0, when the total is known (1.0 for an empty list)."""
        if self.total is None:
            return None
        return 1.0 if self.total == 0 else min(self.rows / self.total, 1.0)

    def __str__(self) -> str:
        """``1 page, 100 rows`` or ``3 pages, 300 of 1000 rows (30%)`` (as the Rust core prints it)."""
        head = f"{self.pages} {'page' if self.pages == 1 else 'pages'}, {self.rows}"
        if self.fraction is None:
            return f"{head} rows"
        return f"{head} of {self.total} rows ({int(self.fraction * 100)}%)"


ProgressCallback = Callable[[Progress], object]
"""``on_progress=`` of a sync walk: called on the iterating thread after each page, before its rows."""

AsyncProgressCallback = Callable[[Progress], Union[None, Awaitable[None]]]
"""``on_progress=`` of an async walk: a function or a coroutine function (awaited), called on the
event loop after each page, before its rows."""


def check_callback(operation: str, on_progress: object) -> None:
    """Refuse an ``on_progress`` that cannot be called, naming the field, before any page is fetched."""
    if on_progress is not None and not callable(on_progress):
        rule = f"must be a callable taking a phonecom.Progress (got {type(on_progress).__name__})"
        raise ValidationError(f"[validation] {operation}: `on_progress` {rule}", operation=operation, fields=[FieldError("on_progress", rule)])


def _progress(walker: _native.Pages) -> Progress:
    return Progress(*walker.progress)


def reporting(walker: _native.Pages, on_progress: Optional[ProgressCallback]) -> Iterator[Dict[str, Any]]:
    """The pages of ``walker``, each reported to ``on_progress`` first. An exception the callback
    raises ends the walk there and propagates to the loop."""
    if on_progress is None:
        return iter(walker)
    return _reported(walker, on_progress)


def _reported(walker: _native.Pages, on_progress: ProgressCallback) -> Iterator[Dict[str, Any]]:
    for page in walker:
        on_progress(_progress(walker))
        yield page


async def report_async(walker: _native.Pages, on_progress: Optional[AsyncProgressCallback]) -> None:
    """Reports where ``walker`` stands to ``on_progress`` on the event loop (awaited when it returns
    an awaitable); nothing when there is no callback. The async walks fetch each page on the
    library's threads (``_async.next_page``) and call this before returning the page."""
    if on_progress is not None:
        reported = on_progress(_progress(walker))
        if inspect.isawaitable(reported):
            await reported
