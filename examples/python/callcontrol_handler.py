"""A call-control URL in Python: a small reception desk as a WSGI application.

Phone.com calls the partner's URL for each step of an incoming call on a number without call
handling; the answer is one ``text/plain`` command. This desk

1. greets every new call with the "Main Menu" recording and collects one digit,
2. forwards 1 to sales (announcing "Sales call") and 2 to support (dialing extension 101 once
   answered), and anything else, or nothing within the timeout, to both front-desk phones at once,
3. sends an unanswered or busy sales/support forward on to the front desk, and hangs up when
   the front desk does not answer either,
4. keeps a log of finished calls (duration) and of errors Phone.com reported.

Entry 9 of the directory is misconfigured on purpose (a number that is not E.164): the command is
refused before it is sent, the URL answers 500 with the reason, and Phone.com reports the error
on its next request, which the desk logs. Nothing invalid ever reaches the caller.

Serve it with any WSGI server; ``serve`` runs wsgiref on loopback::

    python examples/python/callcontrol_handler.py serve --port 8080

With ``PHONECOM_CONFIG`` naming a sandbox's config line, the default ``demo`` serves the desk on a
free loopback port and places calls through the sandbox's call-control driver
(``POST /_sandbox/callcontrol/calls``), printing each call's transcript::

    cargo run -p phonecom-sandbox > /tmp/sandbox.json &
    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/callcontrol_handler.py
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import urllib.request
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from phonecom import callcontrol
from phonecom.callcontrol import Answer, CallRequest

# digit -> (voice tag, number, DTMF sent once the number answers)
DIRECTORY: Dict[str, Tuple[str, str, Optional[str]]] = {
    "1": ("Sales call", "+18585550101", None),
    "2": ("Support call", "+18585550102", "ww101"),
    "9": ("Old fax line", "555-0199", None),  # misconfigured: not E.164
}
FRONT_DESK = ["+18585550110", "+18585550111"]
MENU = "Main Menu"


class Reception(callcontrol.Handler):
    """The desk's call logic, one method per event. One instance serves every call."""

    def __init__(self, directory: Mapping[str, Tuple[str, str, Optional[str]]] = DIRECTORY) -> None:
        self.directory = dict(directory)
        self.lock = threading.Lock()
        self.finished: Dict[str, int] = {}
        """Finished calls: uniqueID -> seconds."""
        self.errors: Dict[str, str] = {}
        """Errors Phone.com reported: uniqueID -> reason."""

    def new_call(self, call: CallRequest) -> Answer:
        return callcontrol.play_and_get_digits(MENU, ["D"])

    def digits(self, call: CallRequest, digits: str) -> Answer:
        entry = self.directory.get(digits)
        if entry is None:  # another key, or nothing pressed before the timeout
            return self.front_desk()
        tag, number, dtmf = entry
        if dtmf:
            return callcontrol.simple_forward(number, dtmf=dtmf)
        return callcontrol.simple_forward_voicetag(tag, number)

    def command_result(self, call: CallRequest, previous: str) -> Answer:
        # A forward nobody answered (or busy): sales and support fall back to the front desk;
        # when the front desk does not answer either, hang up.
        if previous.startswith("simple-forward"):
            return self.front_desk()
        return None

    def completed(self, call: CallRequest, duration: int) -> None:
        with self.lock:
            self.finished[call.unique_id] = duration

    def error(self, call: CallRequest, error: str) -> None:
        with self.lock:
            self.errors[call.unique_id] = error

    def front_desk(self) -> Answer:
        return callcontrol.multiple_forward_voicetag("Front desk call", FRONT_DESK)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - wsgiref's signature
        pass


def serve(app: callcontrol.Handler, host: str = "127.0.0.1", port: int = 0, quiet: bool = True) -> WSGIServer:
    """Serve ``app`` with wsgiref on a background thread; ``server.server_port`` is the port.
    (wsgiref handles one request at a time: use gunicorn or uWSGI in production.)"""
    server = make_server(host, port, app, handler_class=_QuietHandler if quiet else WSGIRequestHandler)
    threading.Thread(target=server.serve_forever, name="callcontrol-wsgi", daemon=True).start()
    return server


def place_call(sandbox_url: str, url: str, digits: Sequence[str], **options: Any) -> Dict[str, Any]:
    """Have the sandbox place a simulated incoming call to ``url``; returns its transcript."""
    body = json.dumps({"url": url, "digits": list(digits), **options}).encode()
    req = urllib.request.Request(
        sandbox_url + "/_sandbox/callcontrol/calls", data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        transcript: Dict[str, Any] = json.load(resp)
    return transcript


def sandbox_url_from_config(path: str) -> str:
    """The sandbox's base URL from its config line (the v4 base URL without ``/v4``)."""
    with open(path) as f:
        config = json.load(f)
    if config.get("environment") != "sandbox":
        raise SystemExit(f"{path} is not a sandbox's config line: the demo needs the sandbox's call-control driver")
    return str(config["v4"]["base_url"]).rsplit("/v4", 1)[0]


def demo(config_path: str) -> int:
    sandbox = sandbox_url_from_config(config_path)
    desk = Reception()
    server = serve(desk)
    url = f"http://127.0.0.1:{server.server_port}/callcontrol"
    # what the caller does, and where the call should end: the line reached, or "error"
    calls: List[Tuple[str, Sequence[str], Dict[str, Any], str]] = [
        ("caller presses 1", ["1"], {}, "18585550101"),
        ("caller presses 2, support does not answer", ["2"], {"forwardResults": ["no-answer", "answered"], "method": "POST"}, "18585550110"),
        ("caller presses nothing", [], {}, "18585550110"),
        ("caller presses 9 (misconfigured entry)", ["9"], {}, "error"),
    ]
    unexpected = 0
    try:
        for title, digits, options, expected in calls:
            t = place_call(sandbox, url, digits, **options)
            print(f"{title}: {t['outcome']}" + (f" to {t['connected_to']}" if t.get("connected_to") else ""))
            for step in t["steps"]:
                resp = step.get("response") or {}
                print(f"  {resp.get('status')} {resp.get('body')!r} -> {step.get('result')}")
            if (t.get("connected_to") or t["outcome"]) != expected:
                print(f"error: expected {expected}", file=sys.stderr)
                unexpected += 1
    finally:
        server.shutdown()
        server.server_close()
    print(f"finished calls: {len(desk.finished)}; errors reported: {len(desk.errors)}")
    for unique_id, reason in desk.errors.items():
        print(f"  {unique_id}: {reason}")
    if unexpected:
        return 1
    print("done")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description="A call-control URL (WSGI) for Phone.com")
    ap.add_argument("mode", nargs="?", choices=("demo", "serve"), default="demo")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    args = ap.parse_args(argv)
    # phonecom.callcontrol logs refused requests and failed handlers
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.mode == "serve":
        with make_server(args.host, args.port, Reception()) as server:
            print(f"call control on http://{args.host}:{server.server_port}/ (Ctrl-C to stop)")
            server.serve_forever()
        return 0
    config = os.environ.get("PHONECOM_CONFIG")
    if not config:
        print("the demo needs PHONECOM_CONFIG naming a sandbox's config line (or run `serve`)", file=sys.stderr)
        return 2
    return demo(config)


if __name__ == "__main__":
    sys.exit(main())
