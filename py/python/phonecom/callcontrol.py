"""Call control: Phone.com calls the partner's URL for each step of an incoming call, and the
partner answers with one ``text/plain`` command line.

Parsing a request, classifying it and checking a command are the core's (the same rules as the
C, PHP and Node bindings): numbers are E.164 (written without ``+``), voice tags 1 to 40
characters without a double quote, comma, backslash or line break, DTMF suffixes go on the
simple forwards only, and digit patterns are ``0``-``9`` and ``D`` joined by ``|``.

>>> from phonecom import callcontrol
>>> call = callcontrol.parse_request("uniqueID=c1&dialedNumber=%2B18585602222&callerIdNumber=%2B16195550100")
>>> call.event, call.dialed_number, call.caller_id_number
('new_call', '+18585602222', '+16195550100')
>>> callcontrol.render(callcontrol.simple_forward("+18585550100", dtmf="ww12"))
'simple-forward,18585550100ww12'
>>> callcontrol.render(callcontrol.play_and_get_digits("Main Menu", ["D"]))
'play-and-get-digits,Main Menu,D'
>>> callcontrol.parse_command('simple-forward-voicetag,"Sales",18585550100')["text"]
'Sales'

A WSGI app for the call-control URL, from one function called for every request:

>>> @callcontrol.wsgi_app
... def reception(call: callcontrol.CallRequest) -> callcontrol.Answer:
...     if call.event == "new_call":
...         return callcontrol.play_and_get_digits("Main Menu", ["D"])
...     if call.event == "digits":
...         return callcontrol.simple_forward("+18585550101" if call.digits == "1" else "+18585550100")
...     return None
>>> reception.respond({"REQUEST_METHOD": "GET", "QUERY_STRING": "uniqueID=c1&dialedNumber=18585602222&digits=1"})
(200, 'simple-forward,18585550101')

or from a :class:`Handler` subclass with one method per event. Serve either with any WSGI
server (``wsgiref.simple_server.make_server(host, port, reception)``, gunicorn, uWSGI, or
mounted in a Flask/Django project).
"""

from __future__ import annotations

import http
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union, cast

from . import _native
from ._errors import FieldError, PhoneComError, ValidationError

__all__ = [
    "COMMANDS",
    "VOICE_TAG_MAX",
    "CONTENT_TYPE",
    "MAX_BODY",
    "Event",
    "CallRequest",
    "SimpleForward",
    "SimpleForwardVoiceTag",
    "MultipleForward",
    "MultipleForwardVoiceTag",
    "PlayAndGetDigits",
    "Command",
    "Answer",
    "parse_request",
    "request_from_environ",
    "render",
    "parse_command",
    "simple_forward",
    "simple_forward_voicetag",
    "multiple_forward",
    "multiple_forward_voicetag",
    "play_and_get_digits",
    "Handler",
    "wsgi_app",
]

COMMANDS: Tuple[str, ...] = tuple(_native.CALLCONTROL_COMMANDS)
"""The command names of the protocol, as written on the wire."""
VOICE_TAG_MAX: int = _native.CALLCONTROL_VOICE_TAG_MAX
"""The longest voice tag, in characters."""
CONTENT_TYPE: str = _native.CALLCONTROL_CONTENT_TYPE
"""The content type of every answer (``text/plain``)."""
MAX_BODY: int = _native.CALLCONTROL_MAX_BODY
"""The largest form body :func:`request_from_environ` reads (the core's limit; a request is a few hundred bytes)."""

_log = logging.getLogger("phonecom.callcontrol")

Event = Literal["new_call", "command_result", "digits", "completed", "error"]
"""What a request reports: a new call, the previous command's result, digits collected after
``play-and-get-digits``, the completed call, or a failed command."""


@dataclass(frozen=True)
class CallRequest:
    """One request from Phone.com, parsed and classified (see :func:`parse_request`).

    Absent fields are ``None``; fields the document does not name are in ``extra``.
    """

    event: Event
    """What the request reports (decided by the core: ``error`` first, then ``duration``, then
    ``digits``, then ``previous-response``, else a new call)."""
    unique_id: str
    """``uniqueID``: Phone.com's id of the call."""
    dialed_number: str
    """``dialedNumber``: the Phone.com number that was dialed."""
    caller_id_number: Optional[str] = None
    """``callerIdNumber``, when the network provided it."""
    caller_id_name: Optional[str] = None
    """``callerIdName`` (CNAM), when the network provided it."""
    previous_response: Optional[str] = None
    """``previous-response``: the partner's previous answer."""
    digits: Optional[str] = None
    """``digits``: what the caller pressed after ``play-and-get-digits`` (empty on a timeout)."""
    duration: Optional[int] = None
    """``duration``: the call's length in seconds, on the final request."""
    error: Optional[str] = None
    """``error``: why a command failed."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Any other field, by name (e.g. a key in the partner's own URL)."""

    @classmethod
    def _from_native(cls, d: Mapping[str, Any]) -> "CallRequest":
        return cls(
            event=d["event"],
            unique_id=d["uniqueID"],
            dialed_number=d["dialedNumber"],
            caller_id_number=d["callerIdNumber"],
            caller_id_name=d["callerIdName"],
            previous_response=d["previous-response"],
            digits=d["digits"],
            duration=d["duration"],
            error=d["error"],
            extra=dict(d["extra"]),
        )

    @classmethod
    def from_dict(cls, fields: Mapping[str, Any]) -> "CallRequest":
        """A request from a dict of the document's field names (``uniqueID``, ``dialedNumber``,
        ``previous-response``, ...; ``extra`` for others), as :meth:`to_dict` writes it. An
        ``event`` key is ignored: the event is always derived from the fields.
        Raises :class:`phonecom.ValidationError` naming every bad field."""
        return cls._from_native(_native.callcontrol_request_from_dict(fields))

    def to_dict(self) -> Dict[str, Any]:
        """The request as JSON-ready data with the document's field names plus ``event``
        (the core's JSON form, shared with the other bindings)."""
        return {
            "event": self.event,
            "uniqueID": self.unique_id,
            "dialedNumber": self.dialed_number,
            "callerIdNumber": self.caller_id_number,
            "callerIdName": self.caller_id_name,
            "previous-response": self.previous_response,
            "digits": self.digits,
            "duration": self.duration,
            "error": self.error,
            "extra": dict(self.extra),
        }

    def to_query(self) -> str:
        """The request as the query string Phone.com sends (for tests)."""
        return str(_native.callcontrol_request_to_query(self.to_dict()))


class _SimpleForward(TypedDict):
    command: Literal["simple-forward"]
    number: str


class SimpleForward(_SimpleForward, total=False):
    """``simple-forward,NUMBER[DTMF]``: forward the caller to one number. ``dtmf`` (``w`` pauses of
    0.5 s, then ``0``-``9``, ``*``, ``#``) is sent once the called party answers."""

    dtmf: Optional[str]


class _SimpleForwardVoiceTag(TypedDict):
    command: Literal["simple-forward-voicetag"]
    text: str
    number: str


class SimpleForwardVoiceTag(_SimpleForwardVoiceTag, total=False):
    """``simple-forward-voicetag,"TEXT",NUMBER[DTMF]``: the same, announcing ``text`` (1 to 40 characters)."""

    dtmf: Optional[str]


class MultipleForward(TypedDict):
    """``multiple-forward,N1,N2,...``: ring every number at once; the first to answer gets the call."""

    command: Literal["multiple-forward"]
    numbers: Sequence[str]


class MultipleForwardVoiceTag(TypedDict):
    """``multiple-forward-voicetag,"TEXT",N1,N2,...``."""

    command: Literal["multiple-forward-voicetag"]
    text: str
    numbers: Sequence[str]


class PlayAndGetDigits(TypedDict):
    """``play-and-get-digits,Recording Name,Pattern``: play a recording (its name in the Phone.com
    UI) and collect DTMF matching one of ``patterns`` (``["DDD", "DDDD"]``: 3 or 4 digits)."""

    command: Literal["play-and-get-digits"]
    recording: str
    patterns: Sequence[str]


Command = Union[SimpleForward, SimpleForwardVoiceTag, MultipleForward, MultipleForwardVoiceTag, PlayAndGetDigits]
"""A command in its JSON form (the form every binding shares)."""

Answer = Union[Command, str, None]
"""What a handler answers: a command, a command line (checked by the same rules), or ``None``
for an empty answer."""


def parse_request(text: str) -> CallRequest:
    """A request from Phone.com: its query string, form body, or the whole URL. Field names match
    case-insensitively, and a number whose ``+`` arrived unencoded gets it back.
    Raises :class:`phonecom.ValidationError` naming every missing or bad field."""
    return CallRequest._from_native(_native.callcontrol_parse_request(text))


def _admit(environ: Mapping[str, Any]) -> None:
    """The core's HTTP policy for call control (``core/src/callcontrol/http.rs``, the same in
    every language): GET or POST (405), a form body (415), a whole Content-Length (400) of at
    most :data:`MAX_BODY` bytes (413). A refusal raises ValidationError with the HTTP status
    to answer as ``status``."""
    refused = _native.callcontrol_admit(
        str(environ.get("REQUEST_METHOD", "GET")),
        str(environ.get("CONTENT_TYPE") or "") or None,
        str(environ.get("CONTENT_LENGTH") or "") or None,
    )
    if refused is not None:
        status, text = refused
        raise ValidationError(text, operation="callcontrol.request", status=status)


def _form_body(environ: Mapping[str, Any]) -> str:
    _admit(environ)
    if str(environ.get("REQUEST_METHOD", "GET")).upper() != "POST":
        return ""
    length = int(str(environ.get("CONTENT_LENGTH") or "0").strip() or "0")  # checked by the core
    stream = environ.get("wsgi.input")
    if length == 0 or stream is None:
        return ""
    data = stream.read(length)
    text: str = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)
    return text


def request_from_environ(environ: Mapping[str, Any]) -> CallRequest:
    """The request of a WSGI environ: the fields of ``QUERY_STRING`` (a GET from Phone.com, or the
    partner's own parameters in the URL) and of a form body (a POST), read together.
    Reads ``wsgi.input`` (at most :data:`MAX_BODY` bytes). Raises :class:`phonecom.ValidationError`."""
    query = str(environ.get("QUERY_STRING") or "")
    body = _form_body(environ)
    return parse_request("&".join(part for part in (query, body) if part))


def render(command: Union[Command, Mapping[str, Any], str]) -> str:
    """The ``text/plain`` line of a command (``simple-forward,18585602222``); a line given as a
    string is checked by the same rules and written back canonically. Raises
    :class:`phonecom.ValidationError` naming every bad field and the rule."""
    if isinstance(command, str):
        return str(_native.callcontrol_check_line(command))
    return str(_native.callcontrol_render(command))


def parse_command(line: str) -> Command:
    """A command line (e.g. a request's ``previous_response``) as its JSON form, checked.
    Raises :class:`phonecom.ValidationError`."""
    return cast(Command, _native.callcontrol_parse_command(line))


def simple_forward(number: str, dtmf: Optional[str] = None) -> SimpleForward:
    """``simple-forward``: forward to ``number`` (E.164), then send ``dtmf`` (e.g. ``"ww1234"``)."""
    cmd = SimpleForward(command="simple-forward", number=number)
    if dtmf is not None:
        cmd["dtmf"] = dtmf
    return cmd


def simple_forward_voicetag(text: str, number: str, dtmf: Optional[str] = None) -> SimpleForwardVoiceTag:
    """``simple-forward-voicetag``: forward to ``number``, announcing ``text`` to whoever answers."""
    cmd = SimpleForwardVoiceTag(command="simple-forward-voicetag", text=text, number=number)
    if dtmf is not None:
        cmd["dtmf"] = dtmf
    return cmd


def multiple_forward(numbers: Sequence[str]) -> MultipleForward:
    """``multiple-forward``: ring every number of ``numbers`` at once."""
    return MultipleForward(command="multiple-forward", numbers=list(numbers))


def multiple_forward_voicetag(text: str, numbers: Sequence[str]) -> MultipleForwardVoiceTag:
    """``multiple-forward-voicetag``: ring every number at once, announcing ``text``."""
    return MultipleForwardVoiceTag(command="multiple-forward-voicetag", text=text, numbers=list(numbers))


def play_and_get_digits(recording: str, patterns: Union[str, Sequence[str]]) -> PlayAndGetDigits:
    """``play-and-get-digits``: play ``recording`` and collect digits matching ``patterns``
    (a list, or one string with ``|`` between alternatives)."""
    listed = patterns.split("|") if isinstance(patterns, str) else list(patterns)
    return PlayAndGetDigits(command="play-and-get-digits", recording=recording, patterns=listed)


_StartResponse = Callable[..., Any]


class Handler:
    """A partner's call logic with one method per event; an instance is a WSGI application.

    Subclass it and override :meth:`new_call` (required) and any of the others::

        class Reception(callcontrol.Handler):
            def new_call(self, call):
                return callcontrol.play_and_get_digits("Main Menu", ["D"])
            def digits(self, call, digits):
                return callcontrol.simple_forward(SALES if digits == "1" else DESK)

        wsgiref.simple_server.make_server("127.0.0.1", 8080, Reception()).serve_forever()

    Every answer is checked before it is sent. The core's HTTP policy answers first (the same as
    Node's ``callcontrol.handler``): 405 with ``Allow: GET, POST`` for another method, 415 for a
    body that is not a form, 413 for one over :data:`MAX_BODY` bytes. A request that cannot be
    parsed gets 400 with the reason; a handler that raises, or answers a command that breaks the rules, gets 500 (the
    reason for a :class:`phonecom.PhoneComError`, the exception's class name otherwise, with the
    traceback logged to ``phonecom.callcontrol``), and Phone.com then reports the error in its
    next request. Methods may be called from several threads at once.
    """

    def new_call(self, call: CallRequest) -> Answer:
        """A call arrived: the first command."""
        raise NotImplementedError(f"{type(self).__name__} must define new_call(call)")

    def command_result(self, call: CallRequest, previous: str) -> Answer:
        """Phone.com carried out ``previous`` (e.g. a forward nobody answered) and asks for the next
        command. Default: no further command (Phone.com's behaviour after an empty answer is not
        documented; the sandbox hangs up)."""
        return None

    def digits(self, call: CallRequest, digits: str) -> Answer:
        """``play-and-get-digits`` finished with ``digits`` (empty on a timeout). Default: nothing."""
        return None

    def completed(self, call: CallRequest, duration: int) -> None:
        """The call ended after ``duration`` seconds. Nothing is answered."""

    def error(self, call: CallRequest, error: str) -> None:
        """A command failed; ``error`` says why. Nothing is answered."""

    def answer(self, call: CallRequest) -> Answer:
        """The answer to one request: calls the event's method (override to handle every event in one place)."""
        if call.event == "new_call":
            return self.new_call(call)
        if call.event == "command_result":
            return self.command_result(call, call.previous_response or "")
        if call.event == "digits":
            return self.digits(call, call.digits or "")
        if call.event == "completed":
            self.completed(call, call.duration or 0)
        else:
            self.error(call, call.error or "")
        return None

    def respond(self, environ: Mapping[str, Any]) -> Tuple[int, str]:
        """The HTTP status and ``text/plain`` body for one WSGI environ (what :meth:`__call__` sends)."""
        try:
            call = request_from_environ(environ)
        except PhoneComError as e:
            _log.info("call-control request refused: %s", e)
            return e.status or 400, str(e)
        try:
            answer = self.answer(call)
            return 200, "" if answer is None or answer == "" else render(answer)
        except PhoneComError as e:
            _log.warning("call %s: %s", call.unique_id, e)
            return 500, str(e)
        except Exception as e:  # the partner's code failed: say so without its details
            _log.exception("call %s: the call-control handler raised", call.unique_id)
            return 500, f"call-control handler failed: {type(e).__name__}"

    def __call__(self, environ: Dict[str, Any], start_response: _StartResponse) -> Iterable[bytes]:
        status, text = self.respond(environ)
        data = text.encode("utf-8")
        headers = [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(data)))]
        if status == 405:
            headers.append(("Allow", _native.CALLCONTROL_ALLOW))
        start_response(f"{status} {http.HTTPStatus(status).phrase}", headers)
        return [data]


class _FunctionHandler(Handler):
    def __init__(self, func: Callable[[CallRequest], Answer]) -> None:
        self._func = func
        self.__doc__ = func.__doc__
        self.__name__ = getattr(func, "__name__", type(self).__name__)
        self.__wrapped__ = func

    def answer(self, call: CallRequest) -> Answer:
        return self._func(call)

    def __repr__(self) -> str:
        return f"<phonecom.callcontrol WSGI app {self.__name__}>"


def wsgi_app(func: Callable[[CallRequest], Answer]) -> Handler:
    """A WSGI application (a :class:`Handler`) from one function called for every request with the
    parsed :class:`CallRequest`; usable as a decorator. What it returns is sent, for every event
    (Phone.com ignores an answer to a ``completed`` request; return ``None`` there)."""
    return _FunctionHandler(func)
