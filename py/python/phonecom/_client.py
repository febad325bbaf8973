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

from . import _async, _native, _naming, _options
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


class Response:
    """A successful call with its metadata and the raw exchange (as Stripe's ``last_response``):
    what :meth:`Client.call_with_response` returns and :attr:`Client.last_response` keeps.

    >>> r = client.call_with_response("v4.get-account")        # doctest: +SKIP
    >>> r.status, r.headers.get("ratelimit-remaining"), r.body[:40]  # doctest: +SKIP

    ``headers`` and ``body`` are those of the response that ended the call (its last attempt's);
    the composed ``express`` flows make several requests and have neither (both empty).
    """

    __slots__ = ("data", "_native", "_headers")

    data: Any
    """The decoded result (dicts, lists, str, int, float, bool, None)."""

    def __init__(self, data: Any, native: Any) -> None:
        self.data = data
        self._native = native
        self._headers: Optional[Dict[str, str]] = None

    @property
    def status(self) -> int:
        """HTTP status."""
        return int(self._native.status)

    @property
    def request_id(self) -> str:
        """The request id (the upstream's when it sent one, else the library's)."""
        return str(self._native.request_id)

    @property
    def attempts(self) -> int:
        """Attempts made."""
        return int(self._native.attempts)

    @property
    def headers(self) -> Dict[str, str]:
        """Response headers: names lower-cased, a repeated header's values joined with ``, ``,
        credentials masked (``authorization: Bearer ***``, ``set-cookie: ***``)."""
        if self._headers is None:
            self._headers = dict(self._native.headers())
        return self._headers

    @property
    def body(self) -> str:
        """The response body as received, as text (at most 1 MiB; see :attr:`body_truncated`)."""
        return str(self._native.body)

    @property
    def body_truncated(self) -> bool:
        """Whether :attr:`body` was cut at 1 MiB (:attr:`data` is always decoded from the whole body)."""
        return bool(self._native.body_truncated)

    def __repr__(self) -> str:
        return f"<phonecom.Response status={self.status} request_id={self.request_id} attempts={self.attempts}>"


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
            raise AttributeError(_unknown_attribute(self._path, attr))
        obj = self._client._child(self._path + (attr,), child)
        object.__setattr__(self, attr, obj)
        return obj

    def __dir__(self) -> List[str]:
        return sorted(self._node)

    def __repr__(self) -> str:
        return f"<phonecom namespace {'.'.join(self._path)}: {len(self._node)} entries>"


def _unknown_attribute(path: Tuple[str, ...], attr: str) -> str:
    """The message for a mistyped operation: the core's "did you mean" (same ranking as an
    unknown name given to ``call``), as Python attribute paths."""
    where = ".".join(path)
    hints = [
        "client." + ".".join(_naming.path(name))
        for name in _native.suggest(f"{where}.{attr}")
    ]
    hint = f"; did you mean {', '.join(hints)}?" if hints else ""
    return f"phonecom: `{where}` has no operation `{attr}`{hint} (see dir(client.{where}) or phonecom.catalog())"


def _describe(summary: Mapping[str, Any]) -> str:
    """Families and hosts for ``repr``: ``v4=https://api.phone.com/v4 (account 1234)``;
    ``(no credentials)`` where none are set. Never a secret: the core's summary holds none."""
    parts = []
    for family, info in summary.items():
        notes = []
        if info.get("account_id") is not None:
            notes.append(f"account {info['account_id']}")
        if info.get("credentials") is False:
            notes.append("no credentials")
        tail = f" ({', '.join(notes)})" if notes else ""
        parts.append(f"{family}={info['base_url']}{tail}")
    return " ".join(parts)


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


def _overrides(overrides: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """Keyword overrides of a configuration, durations converted from seconds (None for none)."""
    return _options.config_document(overrides) if overrides else None


class _ClientBase:
    """What Client and AsyncClient share: construction, options, namespaces."""

    _operation_class: type = Operation

    def __init__(self, config: Union[None, str, Mapping[str, Any], _NoConfig] = _NO_CONFIG, **overrides: Any) -> None:
        if config is None:
            raise _config_is_none()
        document: Any = None if isinstance(config, _NoConfig) else config
        if isinstance(document, Mapping):
            document = _options.config_document(document)
        self._init(_native.Client.from_value(document, _overrides(overrides)), {})

    def _init(self, native: Any, options: Dict[str, Any]) -> None:
        self._native: Any = native
        self._options = options
        self._closed = False
        self._last_response: Optional[Response] = None

    @classmethod
    def from_env(cls, **overrides: Any) -> Any:
        """A client from ``PHONECOM_CONFIG`` (a JSON config file, or its text) and the other
        ``PHONECOM_*`` environment variables over it, with ``overrides`` merged in. With nothing
        configured, the first call that needs credentials raises :class:`AuthenticationError`
        saying so and naming the variables."""
        return cls._wrap(_native.Client.from_env(_overrides(overrides)), {})

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"], **overrides: Any) -> Any:
        """A client from a JSON configuration file (e.g. the sandbox's config line), with ``overrides`` merged in."""
        return cls._wrap(_native.Client.from_file(os.fspath(path), _overrides(overrides)), {})

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
        timeouts: Optional[Mapping[str, float]] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """The same client (same connection pool) with per-call defaults, in seconds:
        ``timeouts={"per_attempt": 5.0}`` bounds each attempt and ``deadline`` the whole call;
        ``max_attempts`` (1 disables retries); ``headers`` extra request headers. ``timeout`` is
        the deprecated spelling of ``timeouts={"per_attempt": ...}``."""
        opts = dict(self._options)
        given = {"timeouts": timeouts, "deadline": deadline, "max_attempts": max_attempts, "headers": headers, "timeout": timeout}
        opts.update(_options.call_options(given))
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

    @property
    def last_response(self) -> Optional[Response]:
        """The :class:`Response` of this client object's latest successful call (as Stripe's
        ``last_response``), with its headers and raw body; ``None`` before the first. Clients
        derived with ``with_options``/``with_v4_token`` keep their own. Shared across threads, it
        is whichever call finished last: use :meth:`call_with_response` to pair a response with
        its call."""
        return self._last_response

    def _merged_options(self, options: Mapping[str, Any]) -> Dict[str, Any]:
        """This client's per-call defaults with ``options`` (Python's units) over them, in the
        native call's keywords."""
        opts = dict(self._options)
        opts.update(_options.call_options(options))
        return opts

    def _record(self, data: Any, native: Any) -> Response:
        response = Response(data, native)
        self._last_response = response
        return response

    def _call(self, name: str, params: Optional[Mapping[str, Any]], options: Mapping[str, Any]) -> Response:
        data, native = self._native_client().call(name, params, **self._merged_options(options))
        return self._record(data, native)

    def __repr__(self) -> str:
        if self._closed:
            return f"<phonecom.{type(self).__name__} (closed)>"
        return f"<phonecom.{type(self).__name__} {_describe(self._native.describe())}>"

    def __reduce__(self) -> Any:
        raise TypeError(f"a phonecom.{type(self).__name__} holds a connection pool and cannot be pickled")


class Client(_ClientBase):
    """A client for every family, safe to share across threads (one connection pool).

    >>> import phonecom
    >>> with phonecom.Client.from_env() as client:          # doctest: +SKIP
    ...     numbers = client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=5)

    ``config`` is a dict or a JSON string shaped like the sandbox's config line (``v4``,
    ``oauth``, ``xml``, ``v1``, ``nol``, ``timeouts``, ``retry``, ``proxy``, ``app_info``,
    ``debug_log``, ``budget``...); keyword ``overrides`` are merged into it (dicts key by key).
    ``budget={"v4": {"per_endpoint": 30, "window_s": 30}}`` sets the client-side rate budget's
    limits (``{"store": "off"}`` turns it off; the sandbox's config line does, while the sandbox
    limits nothing); ``budget={"store": "redis://host:6379/0"}`` with ``state={"key": "<32 bytes,
    base64>"}`` shares one budget, and unfinished sign-ups, between processes (see the README's
    "Rate budget and shared state"). Durations are seconds: ``timeouts={"connect": 2.0, "per_attempt": 5.0}``,
    ``deadline=30.0``;
    ``app_info={"name": "AcmePortal", "version": "2.1", "url": "https://acme.example"}`` is
    added to the User-Agent; ``debug_log=True`` adds masked headers and bodies to the
    ``phonecom`` logger's request and response records. Left out, the defaults apply (production
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
        timeouts: Optional[Mapping[str, float]] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """Call any catalog operation by its canonical name (``"v4.get-account"``) with a dict of
        parameters; returns the decoded result. Raises a :class:`phonecom.PhoneComError` subclass.

        Options, durations in seconds: ``timeouts={"per_attempt": 5.0}`` bounds each attempt,
        ``deadline=30.0`` the whole call (retries and waits included), ``max_attempts`` (1 disables
        retries), ``headers`` extra request headers (no CR/LF; not ``Authorization``, ``Host``,
        ``Content-Length``, ``User-Agent``: set ``app_info`` in the config for that). ``timeout`` is
        the deprecated spelling of ``timeouts={"per_attempt": ...}``."""
        opts = {"timeouts": timeouts, "deadline": deadline, "max_attempts": max_attempts, "headers": headers, "timeout": timeout}
        return self._call(name, params, opts).data

    def call_with_response(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeouts: Optional[Mapping[str, float]] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Response:
        """Like :meth:`call`, returning a :class:`Response`: the data, status, request id, attempts,
        and the response's headers (masked) and raw body."""
        opts = {"timeouts": timeouts, "deadline": deadline, "max_attempts": max_attempts, "headers": headers, "timeout": timeout}
        return self._call(name, params, opts)

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
        timeouts: Optional[Mapping[str, float]] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Any:
        """Call any catalog operation by its canonical name; see :meth:`Client.call`."""
        opts = {"timeouts": timeouts, "deadline": deadline, "max_attempts": max_attempts, "headers": headers, "timeout": timeout}
        return (await self._call_async(name, params, opts)).data

    async def call_with_response(
        self,
        name: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeouts: Optional[Mapping[str, float]] = None,
        deadline: Optional[float] = None,
        max_attempts: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        timeout: Optional[float] = None,
    ) -> Response:
        """Like :meth:`call`, returning a :class:`Response`."""
        opts = {"timeouts": timeouts, "deadline": deadline, "max_attempts": max_attempts, "headers": headers, "timeout": timeout}
        return await self._call_async(name, params, opts)

    async def _call_async(self, name: str, params: Optional[Mapping[str, Any]], options: Mapping[str, Any]) -> Response:
        """One call run on the library's threads (this client's lane), recorded as ``last_response``."""
        data, native = await _async.call(self._lane, self._native_client(), name, params, self._merged_options(options))
        return self._record(data, native)

    async def aclose(self) -> None:
        """Stop using this client."""
        self._closed = True

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()
