"""No form of any secret in any error: credentials with the characters that each encoding changes
(`& < > " ' % + / = :`), refused by every family, and secrets the upstream repeats back (the
sandbox's `echo` fault), in every surface of the exception. The same provocations and the same
forms (`conftest.secret_forms`) as the Node and C suites."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Tuple

import phonecom
from conftest import CONTACT, Sandbox, config_secrets, leaks

SPECIAL = "&<>\"'%+/=:"
# What the credentials are changed to: wrong, so every family refuses them.
WRONG = {
    ("v4", "token"): f"sbx_v4_{SPECIAL}tok0123456789",
    ("xml", "password"): f"xml_{SPECIAL}pw0123456789",
    ("v1", "api_key"): f"v1_{SPECIAL}key0123456789",
    ("v1", "password"): f"v1pw_{SPECIAL}0123456789",
    ("nol", "api_key"): f"nol_{SPECIAL}key0123456789",
}
PER_CALL_PASSWORD = f"Pw_{SPECIAL}echo0123456789"


def _surfaces(err: phonecom.PhoneComError) -> str:
    return "\n".join([str(err), repr(err), repr(err.to_dict()), json.dumps(err.to_dict())])


def test_no_form_of_any_secret_in_any_error(config: Dict[str, Any], sandbox: Sandbox) -> None:
    wrong = json.loads(json.dumps(config))
    for (family, key), value in WRONG.items():
        wrong[family][key] = value
    real = phonecom.Client(config, retry={"max_attempts": 1})
    bad = phonecom.Client(wrong, retry={"max_attempts": 1})
    secrets: List[Tuple[str, Optional[str]]] = config_secrets(config) + config_secrets(wrong)
    secrets.append((PER_CALL_PASSWORD, None))

    def echo(path: str) -> None:
        sandbox.queue_fault("echo", path=path)

    account = config["v4"]["account_id"]
    provoked: List[Tuple[str, Callable[[], Any]]] = [
        ("v4, wrong token", lambda: bad.v4.get_account()),
        ("xml, wrong password", lambda: bad.xml.get_phone_number_list()),
        ("v1, wrong key and password", lambda: bad.v1.menus.list()),
        ("nol, wrong key", lambda: bad.nol.get_account()),
        ("v4, a per-call password echoed", lambda: (
            echo(f"/v4/accounts/{account}/subaccounts"),
            real.v4.create_account_subaccount(username="echoed", password=PER_CALL_PASSWORD, contact=CONTACT),
        )),
        ("xml, the configured password echoed", lambda: (echo("/special/xmlapi"), real.xml.get_phone_number_list())),
        ("v1, the configured key echoed", lambda: (echo("/v1"), real.v1.menus.list())),
    ]
    kinds = {}
    for what, provoke in provoked:
        try:
            provoke()
        except phonecom.PhoneComError as err:
            kinds[what] = err.kind
            assert leaks(_surfaces(err), secrets) == [], f"{what}: {err!r}"
        else:
            raise AssertionError(f"{what}: no error")
    assert len(kinds) == len(provoked)
