"""A new business line through the XML API: search the inventory for a San Diego number, reserve
it (held until about midnight Pacific time), add it to the account, ring two phones at once when
it is called, and text the owner that the line is live.

Every XML request carries a ``clTRID``, so a mutation the library retries acts only once.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/xml_numbers.py
"""

from __future__ import annotations

import sys

import phonecom

OWNER = "+16195550101"  # the owner's mobile
OFFICE = "+16195550102"  # the office phone


def main() -> int:
    with phonecom.Client.from_env() as client:  # PHONECOM_CONFIG, then PHONECOM_* variables
        xml = client.xml
        # 1. Search: local numbers in California whose digits match 1858*******.
        found = xml.get_phone_number_inventory(countryCode=1, type="local", state="CA", pattern="1858*******", quantity=5)
        items = (found.get("data") or {}).get("items") or []
        print(f"step 1: {len(items)} numbers for state CA, pattern 1858*******:")
        for n in items:
            print(f"  {n.get('phoneNumber')} {n.get('humanReadable')} in {n.get('locality')}, ${n.get('cost')} a month")
        if not items:
            return 1
        number = str(items[0]["phoneNumber"])

        # 2. Reserve it while the customer decides.
        held = xml.reserve_phone_number(phoneNumber=number)
        expires = held["data"]["reservation"]["expires"]["gmt"]
        print(f"step 2: reserved {number} until {expires} (clTRID {held.get('clTRID')})")

        # 3. Buy it: add it to the account.
        added = xml.add_phone_number(phoneNumber=number)
        listed = (xml.get_phone_number_list().get("data") or {}).get("items") or []
        print(f"step 3: added {number} as id {added['data']['phoneNumber']['id']}; the account has {len(listed)} numbers")

        # 4. Ring the owner (announced, with call screening) and the office at once for 30 s.
        xml.update_call_handling_simple_ring_all(
            phoneNumber=number,
            destination1=OWNER,
            destination1VoiceTag="New business line",
            destination1Screening="yes",
            destination2=OFFICE,
            destination2CallerId=number,
            timeout=30,
        )
        print(f"step 4: calls to {number} ring {OWNER} and {OFFICE} at once")

        # 5. Tell the owner.
        sent = xml.send_sms(fromNumber=number, toNumber=OWNER, message=f"Your new line {number} is live.")
        print(f"step 5: texted {OWNER} from {number} (svTRID {sent.get('svTRID')})")
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())  # a PhoneComError ends the script with its message and exit status 1
