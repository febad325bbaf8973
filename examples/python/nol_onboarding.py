"""numbers.online onboarding of one business number, from a partner's own admin:

1. sign up an account for the customer (its key is shown once: store it),
2. send a one-time code to the number, 3. confirm it (the number is now bound to the account),
4. stage the business profile, 5. upload the logo,
6. mint the verification checkout link (the customer pays on the hosted page),
7. poll until the listing is verified, then show the trust grade and the live risk.

The sandbox's OTP provider returns the code in its answer (``dev_code``) and its payment provider
settles a checkout at the first status read; against the real service the code is read from
standard input.

    PHONECOM_CONFIG=/tmp/sandbox.json python examples/python/nol_onboarding.py
"""

from __future__ import annotations

import base64
import sys
import time

import phonecom

NUMBER = "+14155550142"
# The logo: a 1x1 PNG.
LOGO_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGMAAQAABQABDQottAAAAABJRU5ErkJggg=="
)


def main() -> int:
    with phonecom.Client.from_env() as partner:  # PHONECOM_CONFIG, then PHONECOM_* variables
        # 1. A keyless sign-up; then act with the new account's own key.
        signup = partner.nol.account_signup(name="Acme Plumbing (portal customer 12345)")
        print(f"step 1: signed up account {signup['account']['id']} with key {signup.get('key_prefix')}… (store it: shown once)")
        acme = partner.with_nol_key(signup["api_key"])

        # 2-3. Prove the customer holds the number.
        sent = acme.nol.account_verify_phone_start(phone=NUMBER, channel="sms")
        print(f"step 2: sent a one-time code to {NUMBER} by SMS")
        code = sent.get("dev_code") or input("code the number received: ").strip()
        bound = acme.nol.account_verify_phone_confirm(phone=NUMBER, code=str(code))
        print(f"step 3: {bound.get('verified_phone')} is bound to the account")

        # 4. The business profile (a personal listing refuses the business-only fields).
        staged = acme.nol.put_account_listing(
            e164=NUMBER,
            kind="business",
            dba="Acme Plumbing",
            legal_name="Acme Plumbing LLC",
            ein="12-3456789",
            industry="Home services",
            address="1 Main St, Austin TX",
            website="https://acme.example",
            bio="Licensed plumbers, same-day service.",
        )
        print(f"step 4: staged the business profile \"Acme Plumbing\" (state {staged.get('state')})")

        # 5. The logo: bytes are base64-encoded for you; type and size are checked first.
        logo = acme.nol.upload_listing_logo(e164=NUMBER, file={"filename": "logo.png", "content_base64": LOGO_PNG})
        print(f"step 5: uploaded the logo ({logo.get('byte_size')} bytes, {logo.get('content_type')})")

        # 6. The payment link: open it in a new tab for the customer.
        checkout = acme.nol.verify_checkout(e164=NUMBER)
        print(f"step 6: checkout for ${checkout.get('amount_usd')}: the customer pays at {checkout.get('url')}")

        # 7. Poll (with a growing pause) until the listing is verified, for up to 30 minutes.
        pause, deadline, reads = 0.2, time.monotonic() + 30 * 60, 0
        while True:
            reads += 1
            status = acme.nol.get_account_listing(e164=NUMBER)
            if status.get("state") == "verified":
                break
            if time.monotonic() + pause > deadline:
                print(f"error: not verified yet (state {status.get('state')}): poll again later", file=sys.stderr)
                return 1
            time.sleep(pause)
            pause = min(pause * 1.5, 5.0)
        risk = status.get("risk") or {}
        print(
            f"step 7: verified after {reads} status read(s): trust grade {status.get('trust_grade')}, "
            f"live risk {risk.get('score')} of 100 ({risk.get('report_count')} reports)"
        )
        listing = status.get("listing") or {}
        print(f"        public listing \"{listing.get('name')}\" at {listing.get('public_url')}")
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())  # a PhoneComError ends the script with its message and exit status 1
