"""Rows of a list come out as dicts with exactly their own keys, in order, whatever the shape of
the rows around them (the native conversion starts a row with the previous row's keys, in the
same order, as a copy of that row's dict, and makes any other row key by key). A stand-in XML
API on loopback serves fixed replies."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator
from urllib.parse import parse_qs, urlparse

import pytest

import phonecom

CALLS = """<response><result status="ok"><msg>ok</msg></result><resultData><callList>
<call id="1"><startTime gmt="2024-01-01T00:00:01.0000Z">1704067201</startTime><callerId>+15550001</callerId><duration>5</duration></call>
<call id="2" kind="in"><duration>7</duration><region>west</region></call>
<call/>
<call id="4"><callerId>Ann &amp; Bob</callerId><transcription><![CDATA[Grüße <3]]></transcription></call>
</callList></resultData><trID><svTRID>77</svTRID></trID></response>"""

COUNTRIES = """<response><result status="ok"/><resultData><countryList>
<country><countryCode>1</countryCode><name>United States</name></country>
<country><name>United Kingdom</name><countryCode>44</countryCode></country>
<country code="x"/>
<country><countryCode>33</countryCode><name>France</name><extra>e</extra></country>
<country><countryCode>49</countryCode></country>
</countryList></resultData></response>"""

REPLIES = {"getCallList": CALLS, "getPhoneNumberCountryList": COUNTRIES}

NAMED = ["id", "startTime", "startTimeGmt", "callerId", "calledNumber", "duration", "finalAction",
         "finalActionDuration", "url", "transcription"]


@pytest.fixture(scope="module")
def client() -> Iterator[phonecom.Client]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            action = parse_qs(urlparse(self.path).query)["action"][0]
            body = REPLIES[action].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    yield phonecom.Client({
        "xml": {"base_url": f"http://127.0.0.1:{port}/special/xmlapi", "username": "bench", "password": "bench_password",
                "method": "GET"},
        "budget": {"store": "off"},
    })
    server.shutdown()


def row(**fields: Any) -> Dict[str, Any]:
    out: Dict[str, Any] = {k: None for k in NAMED}
    out.update(fields)
    return out


def test_call_rows_of_every_shape_keep_their_own_keys(client: phonecom.Client) -> None:
    items = client.call("xml.getCallList", {"startTime": 0})["data"]["items"]
    assert items == [
        row(id="1", startTime=1704067201, startTimeGmt="2024-01-01T00:00:01.0000Z", callerId="+15550001",
            duration=5),
        {**row(id="2", duration=7), "kind": "in", "region": "west"},
        row(),
        row(id="4", callerId="Ann & Bob", transcription="Grüße <3"),
    ]
    # The extras follow the named fields in the order the core's JSON has them.
    assert [list(r) for r in items] == [NAMED, NAMED + ["region", "kind"], NAMED, NAMED]


def test_rows_in_different_orders_and_shapes(client: phonecom.Client) -> None:
    items = client.call("xml.getPhoneNumberCountryList", {})["data"]["items"]
    assert [list(r.items()) for r in items] == [
        [("countryCode", "1"), ("name", "United States")],
        [("name", "United Kingdom"), ("countryCode", "44")],
        [("code", "x")],
        [("countryCode", "33"), ("name", "France"), ("extra", "e")],
        [("countryCode", "49")],
    ]
