# The README's first Python program: the partner sign-up flow against the sandbox the wheel ships.
import phonecom, phonecom.sandbox

contact = {"name": "Ada Lovelace", "phone": "+15555550001", "primary_email": "ada@example.com",
           "address": {"line_1": "411 Elm", "city": "Dallas", "province": "TX", "postal_code": "75202", "country": "US"}}
with phonecom.sandbox.start() as config:
    partner = phonecom.Client(config)
    done = partner.express.signup(partner="acme", user_id="12345", contact=contact)
    print("step 1: created subaccount", done["username"], "id", done["account"]["id"])
    print("step 2: got the user's token, expires in", done["token"]["expires_in"], "s")
    user = partner.with_v4_token(done["token"]["access_token"], done["account"]["id"])
    found = user.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, sort={"price": "asc"}, limit=3)
    print("step 3:", found["total"], "numbers in NPA 858; cheapest", found["items"][0]["phone_number"])
    bought = user.v4.create_account_phone_number(phone_number=found["items"][0]["phone_number"])
    print("step 4: bought", bought["phone_number"], "for account", done["account"]["id"])
