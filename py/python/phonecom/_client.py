"""``Client`` and ``AsyncClient``: the generic ``call`` and the typed namespaces built from the
catalog (``client.v4.create_account_subaccount(...)``, ``client.v1.menus.create(...)``).

Nothing here is written per operation: every entry of the core's catalog becomes an attribute
path (see :mod:`phonecom._naming`), so a family added to the core reaches Python unchanged.
The type stubs (``_client.pyi``) are generated from the same catalog by ``py/tools/gen_stubs.py``.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from typing import (
    Any,
    AsyncIterator,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    Union,
)

from . import _async, _native, _naming
from ._errors import FieldError, ValidationError
from ._paging import AsyncProgressCallback, ProgressCallback, check_callback, report_async, reporting

__all__ = ["Client", "AsyncClient", "Response", "Operation", "AsyncOperation", "Namespace", "catalog"]

_Node = Dict[str, Any]


class _Catalog:
    """The core's catalog, parsed once, with the attribute tree of every operation."""

    _lock = threading.Lock()
    _loaded: Optional["_Catalog"] = None

    def __init__(self) -> None:
        doc = json.loads(_native.catalog_json())
        self.version: str = doc["version"]
        self.operations: Dict[str, Dict[str, Any]] = {op["name"]: op for op in doc["operations"]}
        self.tree: _Node = {}
        for name in self.operations:
            node = self.tree
            parts = _naming.path(name)
            for part in parts[:-1]:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    raise RuntimeError(f"catalog: {name} clashes with operation {child}")
                node = child
            if parts[-1] in node:
                raise RuntimeError(f"catalog: {name} and another entry share the Python name {'.'.join(parts)}")
            node[parts[-1]] = name
        # keyword argument -> parameter name, per operation
        self.keywords: Dict[str, Dict[str, str]] = {
            name: {_naming.parameter(p["name"]): p["name"] for p in op["params"]}
            for name, op in self.operations.items()
        }

    @classmethod
    def get(cls) -> "_Catalog":
        if cls._loaded is None:
            with cls._lock:
                if cls._loaded is None:
                    cls._loaded = _Catalog()
        return cls._loaded


def catalog() -> List[Dict[str, Any]]:
    """Every operation of the catalog: name, family, method, path, doc, params (name, in, type,
    required, doc, fields, max, min, enum, format, secret), pageable."""
    return [dict(op) for op in _Catalog.get().operations.values()]


@dataclass(frozen=True)
class Response:
    """A successful call with its metadata."""

    data: Any
    """The decoded result (dicts, lists, str, int, float, bool, None)."""
    status: int
    """HTTP status."""
    request_id: str
    """The request id (the upstream's when it sent one, else the library's)."""
    attempts: int
    """Attempts made."""


def _doc_of(op: Mapping[str, Any]) -> str:
    lines = [f"{op['doc']}", "", f"``{op['name']}``: {op['method']} {op['path']}"]
    if op["params"]:
        lines += ["", "Parameters:"]
        for p in op["params"]:
            need = "required" if p.get("required") else "optional"
            lines.append(f"    {_naming.parameter(p['name'])} ({p['type']}, {need}): {p.get('doc', '')}".rstrip(": "))
    return "\n".join(lines)


class _OperationBase:
    __slots__ = ("_client", "name", "_keywords", "_spec")

    def __init__(self, client: "_ClientBase", name: str) -> None:
        cat = _Catalog.get()
        self._client = client
        self.name = name
        self._keywords = cat.keywords[name]
        self._spec = cat.operations[name]

    @property
    def doc(self) -> str:
        """The operation's doc line, method and path, and its parameters."""
        return _doc_of(self._spec)

    @property
    def spec(self) -> Dict[str, Any]:
        """The operation's catalog entry."""
        return dict(self._spec)

    @property
    def pageable(self) -> bool:
        """Whether the operation returns a list that ``iter()``/``pages()`` can walk."""
        return bool(self._spec.get("pageable"))

    def _params(self, kwargs: Mapping[str, Any]) -> Dict[str, Any]:
        # `None` leaves a parameter out (the core never sends JSON null), so a configured
        # default such as v4 `account_id` still applies.
        kw = self._keywords
        return {kw.get(k, k): v for k, v in kwargs.items() if v is not None}

    def __repr__(self) -> str:
        return f"<phonecom operation {self.name}: {self._spec['doc']}>"


class Operation(_OperationBase):
    """One catalog operation bound to a :class:`Client`: call it with keyword arguments.

    ``client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=10)`` returns the
    decoded response; ``.iter(...)`` walks every row of a list lazily, ``.pages(...)`` page by page.
    """

    __slots__ = ()

    def __call__(self, **params: Any) -> Any:
        return self._client.call(self.name, self._params(params))

    def iter(self, *, on_progress: Optional[ProgressCallback] = None, **params: Any) -> Iterator[Any]:
        """Every row of the list, fetched a page at a time (``limit`` is the page size).
        ``on_progress(Progress)`` is called after each page."""
        for page in self.pages(on_progress=on_progress, **params):
            yield from page["items"]

    def pages(self, *, on_progress: Optional[ProgressCallback] = None, **params: Any) -> Iterator[Dict[str, Any]]:
        """The list page by page: ``{"items", "total", "offset", "limit", "request_id"}``.
        ``on_progress(Progress)`` is called after each page, before it is returned."""
        check_callback(self.name, on_progress)
        return reporting(self._client._native_client().pages(self.name, self._params(params)), on_progress)


class AsyncOperation(_OperationBase):
    """One catalog operation bound to an :class:`AsyncClient`: calling it returns an awaitable."""

    __slots__ = ()

    async def __call__(self, **params: Any) -> Any:
        return await self._client.call(self.name, self._params(params))

    async def iter(self, *, on_progress: Optional[AsyncProgressCallback] = None, **params: Any) -> AsyncIterator[Any]:
        """Every row of the list, each page fetched on the library's threads when needed.
        ``on_progress(Progress)`` (a function or a coroutine function) is called after each page."""
        async for page in self.pages(on_progress=on_progress, **params):
            for item in page["items"]:
                yield item

    async def pages(self, *, on_progress: Optional[AsyncProgressCallback] = None, **params: Any) -> AsyncIterator[Dict[str, Any]]:
        """The list page by page, each fetched on the library's threads; ``on_progress(Progress)`` is
        called on the event loop after each page, before it is returned."""
        check_callback(self.name, on_progress)
        client = self._client
        walker = client._native_client().pages(self.name, self._params(params))  # fetches nothing yet
        while True:
            page = await _async.next_page(client._lane, walker)
            if page is None:
                return
            await report_async(walker, on_progress)
            yield page


class Namespace:
    """A family (``client.v4``) or a group inside one (``client.v1.menus``)."""

    def __init__(self, client: "_ClientBase", path: Tuple[str, ...], node: _Node) -> None:
        self._client = client
        self._path = path
        self._node = node

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        child = self._node.get(attr)
        if child is None:
            where = ".".join(self._path)
            raise AttributeError(
                f"phonecom: `{where}` has no operation `{attr}` (see dir(client.{where}) or phonecom.catalog())"
            )
        obj = self._client._child(self._path + (attr,), child)
        object.__setattr__(self, attr, obj)
        return obj

    def __dir__(self) -> List[str]:
        return sorted(self._node)

    def __repr__(self) -> str:
        return f"<phonecom namespace {'.'.join(self._path)}: {len(self._node)} entries>"


_OPTION_NAMES = ("timeout", "deadline", "max_attempts")


class _NoConfig:
    """The default of ``Client(config)``: no document (production hosts, no credentials)."""

    def __repr__(self) -> str:
        return "<no config>"


_NO_CONFIG = _NoConfig()


def _config_is_none() -> ValidationError:
    # An explicit None usually comes from a lookup that found nothing (os.environ.get(...), a
    # missing settings key): taking it for "the defaults" would point a client meant for the
    # sandbox at the production hosts without credentials, and fail later and elsewhere.
    rule = (
        "is None: pass a dict or a JSON string; Client() with no argument for the defaults "
        "(production hosts, no credentials), Client.from_env() for the PHONECOM_* variables"
    )
    return ValidationError(f"[validation] `config` {rule}", fields=[FieldError("config", rule)])


class _ClientBase:
    """What Client and AsyncClient share: construction, options, namespaces."""

    _operation_class: type = Operation

    def __init__(self, config: Union[None, str, Mapping[str, Any], _NoConfig] = _NO_CONFIG, **overrides: Any) -> None:
        if config is None:
            raise _config_is_none()
        document = None if isinstance(config, _NoConfig) else config
        self._init(_native.Client.from_value(document, overrides or None), {})

    def _init(self, native: Any, options: Dict[str, Any]) -> None:
        self._native: Any = native
        self._options = options
        self._closed = False

    @classmethod
    def from_env(cls, **overrides: Any) -> Any:
        """A client from the ``PHONECOM_*`` environment variables, with ``overrides`` merged in."""
        return cls._wrap(_native.Client.from_env(overrides or None), {})

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"], **overrides: Any) -> Any:
        """A client from a JSON configuration file (e.g. the sandbox's config line), with ``overrides`` merged in."""
        return cls._wrap(_native.Client.from_file(os.fspath(path), overrides or None), {})

    @classmethod
    def _wrap(cls, native: Any, options: Dict[str, Any]) -> Any:
        self = cls.__new__(cls)
        self._init(native, options)
        return self

    def _native_client(self) -> Any:
        if self._closed:
            raise RuntimeError("phonecom: this client is closed")
        return self._native

    def _child(self, path: Tuple[str, ...], node: Union[str, _Node]) -> Any:
        if isinstance(node, str):
            return self._operation_class(self, node)
        return Namespace(self, path, node)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        tree = _Catalog.get().tree
        if attr not in tree:
            raise AttributeError(
                f"{type(self).__name__} has no attribute `{attr}`; families: {', '.join(sorted(tree))}"
            )
        ns = Namespace(self, (attr,), tree[attr])
        object.__setattr__(self, attr, ns)
        return ns

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(_Catalog.get().tree))

    def with_options(
        self,
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Any:
        """The same client (same connection pool) with per-call defaults: ``timeout`` per attempt and
        ``deadline`` for the whole call, in seconds; ``max_attempts`` (1 disables retries)."""
        opts = dict(self._options)
        for k, v in (("timeout", timeout), ("deadline", deadline), ("max_attempts", max_attempts)):
            if v is not None:
                opts[k] = v
        return self._derive(self._native_client(), opts)

    def _derive(self, native: Any, options: Dict[str, Any]) -> Any:
        """A client of the same class over ``native`` (what ``with_*`` return)."""
        return type(self)._wrap(native, options)

    def with_v4_token(self, token: str, account_id: Optional[int] = None) -> Any:
        """A client acting with another v4 Bearer token (e.g. a portal user's token from the
        sign-up flow), sharing this client's connection pool. An empty, too-short or non-ASCII
        token raises :class:`ValidationError`."""
        return self._derive(self._native_client().with_v4_token(token, account_id), dict(self._options))

    def with_nol_key(self, key: str) -> Any:
        """A client acting with another numbers.online key (e.g. the key ``nol.account_signup``
        returns once, or a tenant's), sharing this client's connection pool; the key is masked
        in its errors and logs. An empty or too-short key raises :class:`ValidationError`."""
        return self._derive(self._native_client().with_nol_key(key), dict(self._options))

    @property
    def user_agent(self) -> str:
        """The User-Agent sent on every request."""
        return str(self._native_client().user_agent)

    def redact(self, text: str) -> str:
        """``text`` with every secret this client knows masked."""
        return str(self._native_client().redact(text))

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    def _call_options(self, options: Mapping[str, Any]) -> Dict[str, Any]:
        opts = dict(self._options)
        opts.update({k: v for k, v in options.items() if v is not None})
        unknown = set(opts) - set(_OPTION_NAMES)
        if unknown:
            raise TypeError(f"unknown call options: {', '.join(sorted(unknown))}")
        return opts

    def _call(self, name: str, params: Optional[Mapping[str, Any]], options: Mapping[str, Any]) -> Dict[str, Any]:
        result: Dict[str, Any] = self._native_client().call(name, params, **self._call_options(options))
        return result

    def __repr__(self) -> str:
        if self._closed:
            return f"<phonecom.{type(self).__name__} (closed)>"
        d = self._native.describe()
        return f"<phonecom.{type(self).__name__} v4={d['v4']} account_id={d['account_id']}>"

    def __reduce__(self) -> Any:
        raise TypeError(f"a phonecom.{type(self).__name__} holds a connection pool and cannot be pickled")


class Client(_ClientBase):
    """A client for every family, safe to share across threads (one connection pool).

    >>> import phonecom
    >>> with phonecom.Client.from_env() as client:          # doctest: +SKIP
    ...     numbers = client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=5)

    ``config`` is a dict or a JSON string shaped like the sandbox's config line (``v4``,
    ``oauth``, ``xml``, ``v1``, ``nol``, ``timeouts``, ``retry``, ``proxy``...); keyword
    ``overrides`` are merged into it (dicts key by key). Left out, the defaults apply (production
    hosts, no credentials); ``Client(None)`` is refused with :class:`ValidationError`, since a
    ``None`` there is most often a configuration lookup that found nothing. Every network call
    releases the GIL, and Ctrl-C interrupts a call made on the main thread (the request already
    sent ends in the background).
    """

    _operation_class = Operation

    def call(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Any:
        """Call any catalog operation by its canonical name (``"v4.get-account"``) with a dict of
        parameters; returns the decoded result. Raises a :class:`phonecom.PhoneComError` subclass."""
        return self._call(name, params, {"timeout": timeout, "deadline": deadline, "max_attempts": max_attempts})["data"]

    def call_with_response(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response:
        """Like :meth:`call`, returning a :class:`Response` with the status, request id and attempts."""
        r = self._call(name, params, {"timeout": timeout, "deadline": deadline, "max_attempts": max_attempts})
        return Response(r["data"], r["status"], r["request_id"], r["attempts"])

    def close(self) -> None:
        """Stop using this client (its connections close once no other client shares the pool)."""
        self._closed = True

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncClient(_ClientBase):
    """The same surface as :class:`Client`, returning awaitables. Calls and page fetches run on the
    library's own threads with the GIL released (never on the interpreter's default executor), so
    the event loop is never blocked; at most ``max_concurrency`` of them at once (default 64,
    shared with the clients derived from this one), the others waiting in order without holding a
    thread. Calls past the connection pool (``pool_size`` in the config, default 16) open extra
    connections, closed after their answer: raise both together for more calls in flight.

    ``AsyncClient(config, max_concurrency=64, **overrides)``, and the same keyword for
    :meth:`from_env` and :meth:`from_file`. A task cancelled while its call runs stops waiting;
    the call goes on to its end in the background (its deadline bounds it).

    >>> async def main() -> None:                            # doctest: +SKIP
    ...     async with phonecom.AsyncClient.from_env() as client:
    ...         async for n in client.v4.list_available_phone_numbers.iter(limit=100):
    ...             print(n["phone_number"])
    """

    _operation_class = AsyncOperation
    _lane: Any

    def __init__(
        self,
        config: Union[None, str, Mapping[str, Any], _NoConfig] = _NO_CONFIG,
        *,
        max_concurrency: int = _async.DEFAULT_MAX_CONCURRENCY,
        **overrides: Any,
    ) -> None:
        lane = _async.lane(max_concurrency)
        super().__init__(config, **overrides)
        self._lane = lane

    @classmethod
    def from_env(cls, *, max_concurrency: int = _async.DEFAULT_MAX_CONCURRENCY, **overrides: Any) -> Any:
        """Like :meth:`Client.from_env`; ``max_concurrency`` calls at once."""
        lane = _async.lane(max_concurrency)
        self = super().from_env(**overrides)
        self._lane = lane
        return self

    @classmethod
    def from_file(
        cls,
        path: Union[str, "os.PathLike[str]"],
        *,
        max_concurrency: int = _async.DEFAULT_MAX_CONCURRENCY,
        **overrides: Any,
    ) -> Any:
        """Like :meth:`Client.from_file`; ``max_concurrency`` calls at once."""
        lane = _async.lane(max_concurrency)
        self = super().from_file(path, **overrides)
        self._lane = lane
        return self

    def _init(self, native: Any, options: Dict[str, Any]) -> None:
        super()._init(native, options)
        self._lane = _async.lane(_async.DEFAULT_MAX_CONCURRENCY)

    def _derive(self, native: Any, options: Dict[str, Any]) -> Any:
        derived = super()._derive(native, options)
        derived._lane = self._lane
        return derived

    @property
    def max_concurrency(self) -> int:
        """Calls this client (and those derived from it) runs at once."""
        return int(self._lane.max_concurrency)

    async def call(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Any:
        """Call any catalog operation by its canonical name; see :meth:`Client.call`."""
        opts = self._call_options({"timeout": timeout, "deadline": deadline, "max_attempts": max_attempts})
        r = await _async.call(self._lane, self._native_client(), name, params, opts)
        return r["data"]

    async def call_with_response(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: Optional[float] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> Response:
        """Like :meth:`call`, returning a :class:`Response`."""
        opts = self._call_options({"timeout": timeout, "deadline": deadline, "max_attempts": max_attempts})
        r = await _async.call(self._lane, self._native_client(), name, params, opts)
        return Response(r["data"], r["status"], r["request_id"], r["attempts"])

    async def aclose(self) -> None:
        """Stop using this client."""
        self._closed = True

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()
