"""An auto-attendant menu with REST API v1: two routes (call-handling rules) "Sales" and
"Support", the greeting callers hear (a WAV file, checked before it is sent), the menu (press 1
for Sales, 2 for Support), read back.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/v1_menu.py
"""

from __future__ import annotations

import io
import math
import struct
import sys
import wave
from typing import Any, Dict

import phonecom


def greeting_wav() -> bytes:
    """One second of a 440 Hz tone: 8 kHz, 16-bit mono PCM (what a recorded greeting would be)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 8000))) for i in range(8000)))
    return out.getvalue()


def main() -> int:
    with phonecom.Client.from_env() as client:  # PHONECOM_CONFIG, then PHONECOM_* variables
        v1 = client.v1
        # 1-2. The routes each key leads to: ring an extension.
        routes: Dict[str, str] = {}
        for step, (name, extension) in enumerate([("Sales", "102"), ("Support", "101")], start=1):
            created: Any = v1.routes.create(body={"name": name, "rules": [{"action": "ring", "extension": extension}]})
            routes[name] = str(created["resource_id"])
            print(f"step {step}: created route {name} ({routes[name]}), ringing extension {extension}")

        # 3. The greeting: bytes are base64-encoded for you; type and size are checked first.
        wav = greeting_wav()
        media: Any = v1.media.create(name="Main menu greeting", file={"filename": "main-menu.wav", "content_base64": wav})
        print(f"step 3: uploaded greeting main-menu.wav ({len(wav)} bytes) as {media['resource_id']}")

        # 4. The menu: the greeting, then 1 -> Sales, 2 -> Support; callers may dial an extension.
        menu: Any = v1.menus.create(
            name="Main menu",
            outgoing_recording=media["resource_id"],
            allow_extension_dial=True,
            wait_time=5,
            digits=[{"digit": 1, "route": routes["Sales"]}, {"digit": 2, "route": routes["Support"]}],
        )
        print(f"step 4: created menu \"Main menu\" ({menu['resource_id']}): 1 -> Sales, 2 -> Support")

        # 5. Read it back.
        back: Any = v1.menus.get(resource_id=menu["resource_id"])
        names = {route: name for name, route in routes.items()}
        print(f"step 5: read back \"{back['name']}\": greeting {back['outgoing_recording']}, wait {back['wait_time']} s")
        for d in back["digits"]:
            print(f"        press {d['digit']}: {names.get(d['route'], d['route'])}")
        if sorted(str(d["digit"]) for d in back["digits"]) != ["1", "2"]:
            return 1
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())  # a PhoneComError ends the script with its message and exit status 1
