"""Express Sign-Up helpers that need no network: user names, passwords, contact checks.

The sign-up flow itself (create the subaccount, never twice, then get the user's token) is a
catalog operation: ``client.express.signup(partner=..., user_id=..., contact=...)``.

>>> from phonecom import express
>>> express.username("super-partner", "12345")
'super-partner-12345'
>>> len(express.generate_password())
32
"""

from __future__ import annotations

from typing import Any, Mapping, cast

from . import _native
from .types import Contact

__all__ = ["username", "generate_password", "validate_contact", "PASSWORD_LENGTH"]

PASSWORD_LENGTH = 32
"""Length of generated passwords."""


def username(partner: str, user_id: str) -> str:
    """The guide's user name ``<partner>-<user_id>``.

    ``partner``: 2-32 characters, lower-case letters, digits and ``-``, starting with a letter.
    ``user_id``: 1-30 characters, letters, digits, ``_``, ``.`` or ``-``.
    Raises :class:`phonecom.ValidationError` naming the argument and the rule.
    """
    return str(_native.express_username(partner, user_id))


def generate_password(length: int = PASSWORD_LENGTH) -> str:
    """A random password from the OS CSPRNG: ``length`` characters (16 to 4096) of letters,
    digits and ``-_.~!@#%^*+=``, with at least one of each class. Raises
    :class:`phonecom.ValidationError` naming ``length`` for any other int (negative or huge too)."""
    return str(_native.express_generate_password(length))


def validate_contact(contact: Mapping[str, Any]) -> Contact:
    """Check a contact against the guide's rules (name, address with line_1, city, country and
    the province for US/CA, E.164 phone, e-mail); returns it as the API will receive it.
    Raises :class:`phonecom.ValidationError` listing every bad field (``contact.address.province``)."""
    return cast(Contact, _native.express_validate_contact(contact))
