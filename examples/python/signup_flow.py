"""The partner sign-up flow, end to end, in Python:

1. sign up portal user 12345 (create the subaccount ``acme-12345`` with a contact; never twice),
2. get the user's token (what the Express front-end library's ``getAccessCallback`` returns),
3. search numbers in NPA 858 under $149, cheapest first,
4. buy the cheapest for the user's account.

Run it with a config file (e.g. the sandbox's config line)::

    cargo run -p phonecom-sandbox > /tmp/sandbox.json &     # or your own credentials
    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/signup_flow.py

Without ``PHONECOM_CONFIG`` it reads the ``PHONECOM_*`` environment variables.
"""

from __future__ import annotations

import os
import sys

import phonecom
from phonecom.types import Contact


def price_text(price: object) -> str:
    """A v4 price as a person reads it: the one-time price in whole US dollars, where 0 means no
    one-time price (printed bare, "$0" looked like a price that failed to parse) and
    "REQUEST_QUOTE" a price given on request."""
    if price == 0:
        return "free (no one-time price)"
    if price == "REQUEST_QUOTE":
        return "price on request"
    return f"${price}.00 one-time"


def client_from_environment() -> phonecom.Client:
    path = os.environ.get("PHONECOM_CONFIG")
    return phonecom.Client.from_file(path) if path else phonecom.Client.from_env()


def main() -> int:
    contact: Contact = {
        "name": "Ada Lovelace",
        "company": "Book Depository",
        "address": {"line_1": "411 Elm, st.", "city": "Dallas", "province": "TX", "postal_code": "75202", "country": "US"},
        "phone": "+15555550001",
        "primary_email": "ada@example.com",
    }
    with client_from_environment() as client:
        try:
            # done["password"] is the generated password, returned once: store it with the user's
            # record (oauth.user-token gets a new token with it). To make every retry finish, even
            # after a restart, store phonecom.express.generate_password() first and pass password=.
            done = client.express.signup(partner="acme", user_id="12345", contact=contact)
        except phonecom.ValidationError as e:
            for f in e.fields:
                print(f"  {f.field}: {f.message}", file=sys.stderr)
            raise
        account = done["account"]
        print(f"step 1: created subaccount {done['username']} (id {account['id']}) for portal user 12345")
        token = done["token"]
        print(f"step 2: got the user's token ({token['token_type']}, expires in {token.get('expires_in', 0)}s, scope {token.get('scope', '-')})")

        user = client.with_v4_token(token["access_token"], account["id"])
        page = user.v4.list_available_phone_numbers(
            filters={"npa": "eq:858", "price": "lt:149"}, sort={"price": "asc"}, limit=5
        )
        print(f"step 3: {page.get('total', len(page['items']))} numbers in NPA 858 under $149; the cheapest:")
        for n in page["items"]:
            print(f"        {n['phone_number']} {n.get('city', ''):<14} {price_text(n.get('price'))}")
        if not page["items"]:
            print("no number in NPA 858 under $149", file=sys.stderr)
            return 1
        cheapest = page["items"][0]
        bought = user.v4.create_account_phone_number(phone_number=cheapest["phone_number"], name="Main line")
        print(f"step 4: bought {bought['phone_number']} (number id {bought['id']}) for account {account['id']}")
    print("done")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except phonecom.PhoneComError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
