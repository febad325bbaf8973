"""phonecom.callcontrol: requests parsed and classified, commands rendered and read back (the
core's rules), and the WSGI helper, in process and behind wsgiref driven by the sandbox's
call-control driver."""

from __future__ import annotations

import doctest
import io
import json
import logging
import urllib.error
import urllib.request
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

import phonecom
from phonecom import callcontrol as cc
from phonecom.callcontrol import CallRequest
from conftest import Sandbox, serving


def test_constants() -> None:
    assert cc.COMMANDS == (
        "simple-forward",
        "simple-forward-voicetag",
        "multiple-forward",
        "multiple-forward-voicetag",
        "play-and-get-digits",
    )
    assert cc.VOICE_TAG_MAX == 40
    assert cc.CONTENT_TYPE == "text/plain"
    assert phonecom.callcontrol is cc


def test_module_examples() -> None:
    result = doctest.testmod(cc)
    assert result.attempted >= 8 and result.failed == 0


# ---- requests ----


def test_parse_a_new_call() -> None:
    call = cc.parse_request("uniqueID=abc123&dialedNumber=%2B18585602222&callerIdNumber=%2B16195550100&callerIdName=Jane%20Doe")
    assert call == CallRequest(
        event="new_call",
        unique_id="abc123",
        dialed_number="+18585602222",
        caller_id_number="+16195550100",
        caller_id_name="Jane Doe",
    )


@pytest.mark.parametrize(
    "query, event",
    [
        ("uniqueID=a&dialedNumber=18585602222", "new_call"),
        ("uniqueID=a&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100", "command_result"),
        ("uniqueID=a&dialedNumber=18585602222&previous-response=play-and-get-digits%2CMenu%2CD&digits=5", "digits"),
        # a timeout: digits sent empty
        ("uniqueID=a&dialedNumber=18585602222&previous-response=play-and-get-digits%2CMenu%2CD&digits=", "digits"),
        ("uniqueID=a&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100&duration=42", "completed"),
        ("uniqueID=a&dialedNumber=18585602222&error=invalid%20command&duration=3", "error"),
    ],
)
def test_events(query: str, event: str) -> None:
    assert cc.parse_request(query).event == event


def test_parse_forms_and_fields() -> None:
    # a whole URL, case-insensitive names, an unencoded `+` (decoded as a space) restored,
    # fields the document does not name kept in `extra`
    call = cc.parse_request("http://partner.example/cc?key=k1&UNIQUEID=u1&dialednumber=+18585602222&digits=&duration=7")
    assert call.unique_id == "u1"
    assert call.dialed_number == "+18585602222"
    assert call.digits == ""
    assert call.duration == 7
    assert call.extra == {"key": "k1"}
    assert call.event == "completed"


def test_request_dict_and_query_round_trip() -> None:
    call = cc.parse_request("uniqueID=u2&dialedNumber=%2B18585602222&previous-response=play-and-get-digits%2CMain%20Menu%2CD&digits=1&key=k")
    d = call.to_dict()
    assert d == {
        "event": "digits",
        "uniqueID": "u2",
        "dialedNumber": "+18585602222",
        "callerIdNumber": None,
        "callerIdName": None,
        "previous-response": "play-and-get-digits,Main Menu,D",
        "digits": "1",
        "duration": None,
        "error": None,
        "extra": {"key": "k"},
    }
    assert json.loads(json.dumps(d)) == d
    assert CallRequest.from_dict(d) == call
    assert cc.parse_request(call.to_query()) == call
    # the event is always derived from the fields
    assert CallRequest.from_dict({**d, "event": "new_call"}).event == "digits"


def test_bad_requests_name_every_field() -> None:
    with pytest.raises(phonecom.ValidationError) as e:
        cc.parse_request("callerIdNumber=1")
    assert {f.field for f in e.value.fields} == {"uniqueID", "dialedNumber"}
    assert e.value.operation == "callcontrol.request"
    with pytest.raises(phonecom.ValidationError, match="duration"):
        cc.parse_request("uniqueID=a&dialedNumber=1&duration=soon")
    with pytest.raises(phonecom.ValidationError, match="more than once"):
        cc.parse_request("uniqueID=a&uniqueID=b&dialedNumber=1")
    with pytest.raises(phonecom.ValidationError, match="dialedNumber"):
        CallRequest.from_dict({"uniqueID": "a", "dialedNumber": ["x"]})
    with pytest.raises(phonecom.ValidationError):
        CallRequest.from_dict({"uniqueID": "a", "dialedNumber": "1", "extra": {"k": 1}})


# ---- commands ----


@pytest.mark.parametrize(
    "command, line",
    [
        (cc.simple_forward("+18585602222"), "simple-forward,18585602222"),
        (cc.simple_forward("18585602222", dtmf="ww1234w5"), "simple-forward,18585602222ww1234w5"),
        (cc.simple_forward_voicetag("Sales call", "+18585602222"), 'simple-forward-voicetag,"Sales call",18585602222'),
        (cc.simple_forward_voicetag("Sales", "+18585602222", dtmf="w5"), 'simple-forward-voicetag,"Sales",18585602222w5'),
        (cc.multiple_forward(["+18585602222", "+18585602223"]), "multiple-forward,18585602222,18585602223"),
        (
            cc.multiple_forward_voicetag("Desk", ("+18585602222", "+18585602223")),
            'multiple-forward-voicetag,"Desk",18585602222,18585602223',
        ),
        (cc.play_and_get_digits("Main Menu", ["DDD", "DDDD"]), "play-and-get-digits,Main Menu,DDD|DDDD"),
        (cc.play_and_get_digits("Main Menu", "55D|1"), "play-and-get-digits,Main Menu,55D|1"),
        ({"command": "play-and-get-digits", "recording": "Menu", "pattern": "D"}, "play-and-get-digits,Menu,D"),
    ],
)
def test_render(command: Any, line: str) -> None:
    assert cc.render(command) == line
    # a line is checked by the same rules and comes back as it is
    assert cc.render(line) == line
    # and reads back to a command that renders the same line
    assert cc.render(cc.parse_command(line)) == line


def test_lines_are_written_canonically() -> None:
    assert cc.render("simple-forward,+18585602222") == "simple-forward,18585602222"
    assert cc.parse_command("simple-forward,18585602222ww12") == {
        "command": "simple-forward",
        "number": "18585602222",
        "dtmf": "ww12",
    }
    assert cc.parse_command('multiple-forward-voicetag,"Desk",18585602222,18585602223') == {
        "command": "multiple-forward-voicetag",
        "text": "Desk",
        "numbers": ["18585602222", "18585602223"],
    }


@pytest.mark.parametrize(
    "command, field, rule",
    [
        (cc.simple_forward("1858"), "number", "E.164"),
        (cc.simple_forward("+18585602222", dtmf="1"), "dtmf", "must start with `w`"),
        (cc.simple_forward_voicetag("x" * 41, "+18585602222"), "text", "at most 40"),
        (cc.simple_forward_voicetag('say "hi"', "+18585602222"), "text", "quote"),
        (cc.simple_forward_voicetag("a\nmultiple-forward,1", "+18585602222"), "text", ""),
        (cc.multiple_forward([]), "numbers", "at least one"),
        ({"command": "multiple-forward", "numbers": ["+18585602222"], "dtmf": "w1"}, "dtmf", "not a field"),
        (cc.play_and_get_digits("Main, Menu", ["D"]), "recording", "comma"),
        (cc.play_and_get_digits("Main Menu", ["DI"]), "patterns", "0-9 and D"),
        ({"command": "dial", "number": "+18585602222"}, "command", "unknown command"),
        ({"number": "+18585602222"}, "command", "is required"),
        ("simple-forward,18585602222\nsimple-forward,18005550000", "number", ""),
        ("hangup", "command", "unknown command"),
    ],
)
def test_bad_commands_are_refused_naming_the_field(command: Any, field: str, rule: str) -> None:
    with pytest.raises(phonecom.ValidationError) as e:
        cc.render(command)
    assert field in [f.field for f in e.value.fields], e.value
    assert rule in str(e.value)
    assert e.value.operation is not None and e.value.operation.startswith("callcontrol.")


def test_a_command_that_is_not_json_is_refused() -> None:
    with pytest.raises(phonecom.ValidationError):
        cc.render({"command": "simple-forward", "number": object()})


# ---- the WSGI helper, in process ----


def environ(query: str = "", method: str = "GET", body: bytes = b"", content_type: str = "") -> Dict[str, Any]:
    env: Dict[str, Any] = {"REQUEST_METHOD": method, "QUERY_STRING": query, "wsgi.input": io.BytesIO(body)}
    if body:
        env["CONTENT_LENGTH"] = str(len(body))
    if content_type:
        env["CONTENT_TYPE"] = content_type
    return env


def call_app(app: Any, env: Dict[str, Any]) -> Tuple[str, Dict[str, str], str]:
    seen: List[Any] = []

    def start_response(status: str, headers: List[Tuple[str, str]], exc_info: Any = None) -> Any:
        seen.append((status, dict(headers)))
        return lambda data: None

    body = b"".join(app(env, start_response))
    status, headers = seen[0]
    assert headers["Content-Length"] == str(len(body))
    return status, headers, body.decode()


class Desk(cc.Handler):
    def __init__(self) -> None:
        self.events: List[Tuple[str, Any]] = []

    def new_call(self, call: CallRequest) -> cc.Answer:
        self.events.append(("new_call", call.extra.get("key")))
        return cc.play_and_get_digits("Main Menu", ["D"])

    def digits(self, call: CallRequest, digits: str) -> cc.Answer:
        self.events.append(("digits", digits))
        if digits == "1":
            return cc.simple_forward_voicetag("Sales call", "+18585550101")
        if digits == "7":
            return "simple-forward,18585550107"
        if digits == "8":
            raise KeyError("secret-crm-row-17")
        if digits == "9":
            return cc.simple_forward("555-0199")
        return cc.multiple_forward(["+18585550110", "+18585550111"])

    def completed(self, call: CallRequest, duration: int) -> None:
        self.events.append(("completed", duration))

    def error(self, call: CallRequest, error: str) -> None:
        self.events.append(("error", error))


def test_handler_routes_every_event() -> None:
    desk = Desk()
    q = "uniqueID=c1&dialedNumber=18585602222"
    assert call_app(desk, environ(q + "&key=k")) == ("200 OK", {"Content-Type": "text/plain", "Content-Length": "31"}, "play-and-get-digits,Main Menu,D")
    assert desk.respond(environ(q + "&digits=1")) == (200, 'simple-forward-voicetag,"Sales call",18585550101')
    assert desk.respond(environ(q + "&digits=7")) == (200, "simple-forward,18585550107")
    assert desk.respond(environ(q + "&digits=")) == (200, "multiple-forward,18585550110,18585550111")
    # the default command_result: nothing more to say
    assert desk.respond(environ(q + "&previous-response=simple-forward%2C18585550101")) == (200, "")
    assert desk.respond(environ(q + "&duration=42")) == (200, "")
    assert desk.respond(environ(q + "&error=bad&duration=1")) == (200, "")
    assert desk.events == [
        ("new_call", "k"),
        ("digits", "1"),
        ("digits", "7"),
        ("digits", ""),
        ("completed", 42),
        ("error", "bad"),
    ]


def test_handler_failures(caplog: pytest.LogCaptureFixture) -> None:
    desk = Desk()
    q = "uniqueID=c1&dialedNumber=18585602222"
    # a request that cannot be parsed: 400 with the reason
    status, _, body = call_app(desk, environ("dialedNumber=18585602222"))
    assert status == "400 Bad Request" and "`uniqueID` is required" in body
    # a command that breaks the rules: 500 with the reason, nothing invalid sent
    status, _, body = call_app(desk, environ(q + "&digits=9"))
    assert status == "500 Internal Server Error"
    assert body.startswith("[validation] callcontrol.simple-forward: `number` must be an E.164 number")
    # the partner's code raised: 500 naming the class only, the traceback in the log
    with caplog.at_level(logging.ERROR, logger="phonecom.callcontrol"):
        status, _, body = call_app(desk, environ(q + "&digits=8"))
    assert status == "500 Internal Server Error"
    assert body == "call-control handler failed: KeyError"
    assert "secret-crm-row-17" not in body
    assert any(r.exc_info and "c1" in r.getMessage() for r in caplog.records)
    # another method
    status, headers, _ = call_app(desk, environ(q, method="PUT"))
    assert status == "405 Method Not Allowed" and headers["Allow"] == "GET, POST"


def test_handler_without_new_call_is_a_500() -> None:
    status, body = cc.Handler().respond(environ("uniqueID=c1&dialedNumber=18585602222"))
    assert (status, body) == (500, "call-control handler failed: NotImplementedError")


def test_form_bodies() -> None:
    desk = Desk()
    form = b"uniqueID=c1&dialedNumber=%2B18585602222&digits=1"
    assert desk.respond(environ("key=k", method="POST", body=form, content_type="application/x-www-form-urlencoded; charset=utf-8")) == (
        200,
        'simple-forward-voicetag,"Sales call",18585550101',
    )
    call = cc.request_from_environ(environ("key=k", method="POST", body=form))
    assert call.extra == {"key": "k"} and call.dialed_number == "+18585602222"
    # The core's HTTP policy (core/src/callcontrol/http.rs), the same as Node's handler.
    status, body = desk.respond(environ("", method="POST", body=b'{"uniqueID": "c1"}', content_type="application/json"))
    assert status == 415 and "`Content-Type` must be a form body" in body
    big = environ("", method="POST", content_type="application/x-www-form-urlencoded")
    big["CONTENT_LENGTH"] = str(cc.MAX_BODY + 1)
    status, body = desk.respond(big)
    assert (status, body) == (413, f"[validation] callcontrol.request: `body` must be at most {cc.MAX_BODY} bytes (got {cc.MAX_BODY + 1})")
    bad_length = environ("", method="POST", body=form)
    bad_length["CONTENT_LENGTH"] = "12x"
    assert desk.respond(bad_length)[0] == 400
    status, headers, body_text = call_app(desk, big)
    assert status == "413 Content Too Large" or status == "413 Request Entity Too Large"
    assert cc.MAX_BODY == 64 * 1024


def test_wsgi_app_decorator() -> None:
    @cc.wsgi_app
    def reception(call: CallRequest) -> cc.Answer:
        """The reception."""
        if call.event == "new_call":
            return cc.play_and_get_digits("Main Menu", ["D"])
        if call.event == "digits":
            return cc.simple_forward("+18585550101" if call.digits == "1" else "+18585550100")
        return None

    assert isinstance(reception, cc.Handler)
    assert reception.__doc__ == "The reception."
    assert "reception" in repr(reception)
    q = "uniqueID=c1&dialedNumber=18585602222"
    assert reception.respond(environ(q)) == (200, "play-and-get-digits,Main Menu,D")
    assert reception.respond(environ(q + "&digits=1")) == (200, "simple-forward,18585550101")
    assert reception.respond(environ(q + "&duration=3")) == (200, "")


# ---- behind wsgiref, driven by the sandbox's call-control driver ----


@pytest.fixture
def served() -> Iterator[Tuple[Desk, str]]:
    desk = Desk()
    with serving(desk) as base:
        yield desk, f"{base}/callcontrol?key=k"


def bodies(transcript: Dict[str, Any]) -> List[Optional[str]]:
    return [(s.get("response") or {}).get("body") for s in transcript["steps"]]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_driver_forward_after_digits(sandbox: Sandbox, served: Tuple[Desk, str], method: str) -> None:
    desk, url = served
    t = sandbox.drive_call(url, digits=["1"], method=method, caller_id_number="+16195550199", talk_seconds=45)
    assert t["outcome"] == "connected", t["steps"]
    assert t["connected_to"] == "18585550101"
    assert bodies(t) == ["play-and-get-digits,Main Menu,D", 'simple-forward-voicetag,"Sales call",18585550101', ""]
    assert t["steps"][1]["command"]["command"] == "simple-forward-voicetag"
    assert desk.events == [("new_call", "k"), ("digits", "1"), ("completed", t["duration"])]
    assert t["duration"] >= 45


def test_driver_timeout_goes_to_the_desk(sandbox: Sandbox, served: Tuple[Desk, str]) -> None:
    desk, url = served
    t = sandbox.drive_call(url, forward_results=["busy"])
    # nothing pressed: digits sent empty; the desk is busy and the default command_result hangs up
    assert bodies(t)[:2] == ["play-and-get-digits,Main Menu,D", "multiple-forward,18585550110,18585550111"]
    assert t["steps"][1]["request"]["fields"]["digits"] == ""
    assert t["outcome"] == "hangup", t["steps"]
    assert ("digits", "") in desk.events


def test_driver_error_path(sandbox: Sandbox, served: Tuple[Desk, str]) -> None:
    desk, url = served
    t = sandbox.drive_call(url, digits=["9"])
    assert t["outcome"] == "error", t["steps"]
    assert t["connected_to"] is None
    refused = t["steps"][1]["response"]
    assert refused["status"] == 500 and refused["content_type"] == "text/plain"
    assert "`number` must be an E.164 number" in refused["body"] and "555-0199" in refused["body"]
    # Phone.com reports the error on its next request, and the handler's error() hears of it
    reported = t["steps"][2]["request"]["fields"]["error"]
    assert ("error", reported) in desk.events
    assert desk.events[-1] == ("completed", t["duration"])
