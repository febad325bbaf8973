"""Fixtures: one sandbox (`phonecom-sandbox --exit-on-eof`) per test session, reset before each
test, and clients configured from its config line."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple
from xml.sax.saxutils import escape

import pytest

import phonecom

ROOT = Path(__file__).resolve().parents[2]


def _sandbox_binary() -> Path:
    explicit = os.environ.get("PHONECOM_SANDBOX_BIN")
    if explicit:
        return Path(explicit)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "debug" / "phonecom-sandbox"
    if not binary.exists():
        subprocess.run(["cargo", "build", "-q", "-p", "phonecom-sandbox"], cwd=ROOT, check=True)
    return binary


class Sandbox:
    """A running sandbox: its config line and its admin API."""

    def __init__(self, proc: "subprocess.Popen[str]", config: Dict[str, Any]) -> None:
        self.proc = proc
        self.config = config
        self.base_url = config["v4"]["base_url"].rsplit("/v4", 1)[0]

    def admin(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as resp:
            text = resp.read().decode()
        return json.loads(text) if text else None

    def fault(self, fault: str, *, method: Optional[str] = None, path: Optional[str] = None, times: int = 1) -> None:
        body: Dict[str, Any] = {"fault": fault, "times": times}
        if method:
            body["method"] = method
        if path:
            body["path"] = path
        self.admin("POST", "/_sandbox/faults", body)

    def requests(self) -> Any:
        return self.admin("GET", "/_sandbox/requests")["requests"]


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    proc = subprocess.Popen(
        [str(_sandbox_binary()), "--exit-on-eof"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        pytest.fail("phonecom-sandbox printed no config line")
    sb = Sandbox(proc, json.loads(line))
    try:
        yield sb
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(autouse=True)
def _fresh(request: pytest.FixtureRequest) -> None:
    """Every test that uses the sandbox starts from its seeded state."""
    if "sandbox" in request.fixturenames:
        request.getfixturevalue("sandbox").admin("POST", "/_sandbox/reset")


@pytest.fixture
def config(sandbox: Sandbox) -> Dict[str, Any]:
    return json.loads(json.dumps(sandbox.config))


@pytest.fixture
def client(config: Dict[str, Any]) -> Iterator[phonecom.Client]:
    # Short backoff so retry tests stay fast.
    with phonecom.Client(config, retry={"base_delay": 0.01, "max_delay": 0.05}) as c:
        yield c


@pytest.fixture
def config_file(tmp_path: Path, sandbox: Sandbox) -> Path:
    path = tmp_path / "config.json"
    path.write_text(json.dumps(sandbox.config))
    return path


CONTACT = {
    "name": "Ada Lovelace",
    "company": "Book Depository",
    "address": {"line_1": "411 Elm St", "city": "Dallas", "province": "TX", "postal_code": "75202", "country": "US"},
    "phone": "+15555550001",
    "primary_email": "ada@example.com",
}


def secret_forms(secret: str, user: Optional[str] = None) -> Dict[str, str]:
    """Every form a secret takes on the wire or in a body: raw, URL- and form-encoded, JSON- and
    XML-escaped, base64, and (with its user name) base64 Basic auth. The same list as the Node
    (tests/support/secrets.js) and C (harness.c) suites."""
    forms = {
        "raw": secret,
        "URL-encoded": urllib.parse.quote(secret, safe=""),
        "form-encoded": urllib.parse.quote_plus(secret),
        "JSON-escaped": json.dumps(secret)[1:-1],
        "XML-escaped": escape(secret, {'"': "&quot;", "'": "&apos;"}),
        "base64": base64.b64encode(secret.encode()).decode().rstrip("="),
    }
    if user is not None:
        forms["Basic auth"] = base64.b64encode(f"{user}:{secret}".encode()).decode().rstrip("=")
    return forms


def config_secrets(config: Dict[str, Any]) -> List[Tuple[str, Optional[str]]]:
    """The secrets of a config document, each with the user name it is sent with (if any)."""
    return [
        (config["v4"]["token"], None),
        (config["xml"]["password"], config["xml"]["username"]),
        (config["v1"]["api_key"], None),
        (config["v1"]["password"], config["v1"]["api_key"]),
        (config["nol"]["api_key"], None),
    ]


def leaks(text: str, secrets: Iterable[Tuple[str, Optional[str]]]) -> List[str]:
    """Which form of which secret `text` holds (empty when none)."""
    return [
        f"{name} form of {secret!r}"
        for secret, user in secrets
        for name, form in secret_forms(secret, user).items()
        if form in text
    ]
