"""Type-check fixtures under ``mypy --strict`` with the package's plugin (as py/pyproject.toml
configures it): what a user writes right must pass, and each mistake must fail with an error that
names it. A request's required fields are required (``contact={"name": "x"}`` fails), a
written-out operation name of ``call()`` picks that operation's parameters and result (and a
misspelt one fails), while a name in a ``str`` variable still type-checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import List

import pytest

HEADER = """\
import phonecom
from phonecom.types import AvailableNumbersFull, ContactInput

CONTACT: ContactInput = {
    "name": "Ada Lovelace",
    "address": {"line_1": "411 Elm St", "city": "Dallas", "province": "TX", "country": "US"},
    "phone": "+15555550001",
    "primary_email": "ada@example.com",
}
"""

PASSES = """\
def flows(client: phonecom.Client, name: str) -> str:
    account = client.call("v4.get-account")
    number_id: int = account["id"]
    listed = client.call("v4.list-available-phone-numbers", {"limit": 5})
    first: AvailableNumbersFull = listed["items"][0]
    phone: str = first["phone_number"]
    untyped = client.call(name, {"anything": 1})
    response = client.call_with_response(name)
    done = client.express.signup(partner="acme", user_id="1", contact=CONTACT)
    again = client.call("express.signup", {"partner": "acme", "user_id": "2", "contact": CONTACT})
    client.call("v4.list-account-voicemail", {"filters": {"is_new": True}})
    client.call("v4.create-account-media-tts", {"name": "Hi", "tts_text": "Hi", "is_temparary": True})
    client.v4.create_account_media_tts(name="Hi", tts_text="Hi", randomized="N")
    return f"{number_id} {phone} {untyped} {response.status} {done['username']} {again['recovered']}"


async def flows_async(client: phonecom.AsyncClient) -> int:
    account = await client.call("v4.get-account")
    return account["id"]
"""

# (the mistake, a fragment of the error mypy must report)
FAILS = [
    ('client.express.signup(partner="a", user_id="1", contact={"name": "x"})', "ContactInput"),
    ('client.call("express.signup", {"partner": "a", "user_id": "1", "contact": {"name": "x"}})', "call"),
    ('client.call("express.signup", {"partner": "a"})', "call"),
    ('client.call("v4.get-acount")', '"v4.get-acount" is not a phonecom operation (did you mean \'v4.get-account\''),
    ('client.call_with_response("xml.getNumberList")', "is not a phonecom operation"),
    ('client.v4.get_acount()', "get_acount"),
    ('n: int = client.call("v4.get-account")["name"]', "assignment"),
    ('client.v4.create_account_media_tts(name="Hi", tts_text="Hi", randomized="yes")', "randomized"),
]

PY = Path(__file__).resolve().parents[1]


def _mypy(tmp_path: Path, body: str) -> "subprocess.CompletedProcess[str]":
    source = tmp_path / "fixture.py"
    source.write_text(HEADER + "\n\n" + body)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PY / "pyproject.toml"), str(source)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )


def test_right_code_passes(tmp_path: Path) -> None:
    done = _mypy(tmp_path, PASSES)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("mistake,reported", FAILS, ids=[f[0][:48] for f in FAILS])
def test_each_mistake_fails(tmp_path: Path, mistake: str, reported: str) -> None:
    body = "def wrong(client: phonecom.Client) -> None:\n" + textwrap.indent(mistake, "    ") + "\n"
    done = _mypy(tmp_path, body)
    assert done.returncode == 1, f"mypy accepted: {mistake}\n{done.stdout}"
    errors: List[str] = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors and any(reported in e for e in errors), done.stdout
