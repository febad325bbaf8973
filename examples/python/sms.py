"""Text messages: send one through REST v4 and read it back from the account's message log, send
one through the XML API, and see bad input refused before anything is sent.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/sms.py
"""

from __future__ import annotations

import sys

import phonecom

OFFICE = "+18585550100"  # a number of the account (the sandbox's "San Diego office")
CUSTOMER = "+16195550101"


def main() -> int:
    with phonecom.Client.from_env() as client:  # PHONECOM_CONFIG, then PHONECOM_* variables
        # 1. REST v4: `from` is a Python keyword, so the parameter is `from_`.
        sent = client.v4.create_account_sms(from_=OFFICE, to=CUSTOMER, text="Your table for 4 is ready.")
        print(f"step 1: sent SMS {sent['id']} from {sent['from']} to {CUSTOMER}: {sent['to'][0].get('status')}")

        # 2. The account's outgoing messages, newest first: ours is there.
        log = client.v4.list_account_sms(filters={"direction": "eq:out"}, sort={"created_at": "desc"}, limit=5)
        texts = [m.get("text") for m in log["items"]]
        print(f"step 2: {log['total']} outgoing message(s); latest: {texts[0]!r}")
        if sent["id"] not in [m["id"] for m in log["items"]]:
            return 1

        # 3. The XML API sends too; its reply carries the server's transaction id.
        reply = client.xml.send_sms(fromNumber=OFFICE, toNumber=CUSTOMER, message="See you at 7.")
        print(f"step 3: sent through the XML API (svTRID {reply.get('svTRID')})")

        # 4. Bad input never leaves the process: the error names the field and the rule.
        try:
            client.v4.create_account_sms(from_=OFFICE, to="619-555-0101", text="not E.164")
            return 1
        except phonecom.ValidationError as e:
            print(f"step 4: refused before sending: {e.fields[0].field} {e.fields[0].message}")
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())  # a PhoneComError ends the script with its message and exit status 1
