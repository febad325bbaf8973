"""File parameters: a pathlib.Path or inline bytes (sent as base64 text, decoded by the core)."""

from __future__ import annotations

import json
from pathlib import Path

import phonecom
from conftest import Sandbox

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)) * 4


def _uploads(sandbox: Sandbox) -> list:  # type: ignore[type-arg]
    return [r for r in sandbox.requests() if r["method"] == "POST" and r["path"].endswith("/media/files")]


def test_upload_from_a_path(client: phonecom.Client, sandbox: Sandbox, tmp_path: Path) -> None:
    f = tmp_path / "greeting.wav"
    f.write_bytes(WAV)
    media = client.v4.create_account_media_files(json=json.dumps({"name": "Greeting"}), file=f)
    assert media["size"] == len(WAV) and media["filename"] == "greeting.wav"
    assert _uploads(sandbox)[-1]["body"]["file"]["size"] == len(WAV)


def test_upload_inline_bytes(client: phonecom.Client, sandbox: Sandbox) -> None:
    media = client.v4.create_account_media_files(
        json=json.dumps({"name": "Hold music"}), file={"filename": "hold.wav", "content_base64": WAV}
    )
    assert media["size"] == len(WAV)  # the bytes arrived whole, not their base64 text
    assert client.v4.get_account_media(media_id=media["id"])["filename"] == "hold.wav"
    assert _uploads(sandbox)[-1]["body"]["file"] == {"filename": "hold.wav", "size": len(WAV), "content_type": "application/octet-stream"}
