"""Number operations: normalise what a user typed, search by area code and by vanity pattern,
walk every match lazily, buy one, name it, list the account's numbers, send a text from it.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/number_operations.py
"""

from __future__ import annotations

import os
import sys
from typing import List

import phonecom
from phonecom import numbers
from phonecom.types import AvailablePhoneNumber


def client_from_environment() -> phonecom.Client:
    path = os.environ.get("PHONECOM_CONFIG")
    return phonecom.Client.from_file(path) if path else phonecom.Client.from_env()


def main() -> int:
    typed = "(858) 555-0100"
    caller = numbers.normalize_e164(typed)
    print(f"normalised {typed!r} to {caller} (North American: {numbers.is_nanpa(caller)})")
    print(f"vanity 1-800-FLOWERS dials {numbers.vanity_to_digits('1-800-FLOWERS')}")

    with client_from_environment() as client:
        regions = client.v4.list_available_phone_number_regions(limit=5)
        print(f"{regions.get('total', 0)} regions with numbers; first: {[r.get('npa') for r in regions['items']]}")

        # every number in 619 under $100, walked page by page (50 a page) without loading all at once
        cheap: List[AvailablePhoneNumber] = []
        for n in client.v4.list_available_phone_numbers.iter(
            filters={"npa": "eq:619", "price": "lt:100"}, sort={"price": "asc"}, limit=50
        ):
            cheap.append(n)
        print(f"{len(cheap)} numbers in 619 under $100")
        if not cheap:
            return 1

        best = cheap[0]
        bought = client.v4.create_account_phone_number(phone_number=best["phone_number"], name="Sales")
        print(f"bought {bought['phone_number']} as {bought.get('name')!r} (id {bought['id']})")

        mine = [n["phone_number"] for n in client.v4.list_account_phone_numbers.iter()]
        print(f"the account has {len(mine)} number(s): {', '.join(mine)}")

        sms = client.v4.create_account_sms(from_=bought["phone_number"], to=caller, text="Thanks for calling!")
        print(f"sent SMS {sms['id']} from {bought['phone_number']} to {caller}")

        try:
            client.v4.create_account_sms(from_=bought["phone_number"], to=typed, text="not E.164")
        except phonecom.ValidationError as e:
            print(f"refused before sending: {e.fields[0].field} {e.fields[0].message}")
    print("done")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except phonecom.PhoneComError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
