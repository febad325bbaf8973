"""Phone numbers: E.164 checks and normalisation, vanity patterns.

>>> from phonecom import numbers
>>> numbers.normalize_e164("1 (858) 555-0100")
'+18585550100'
>>> numbers.is_e164("858-555")
False
>>> numbers.vanity_to_digits("1-800-FLOWERS")
'18003569377'
"""

from __future__ import annotations

from typing import Optional

from . import _native
from ._errors import ValidationError

__all__ = ["check_e164", "is_e164", "normalize_e164", "is_nanpa", "vanity_to_digits", "letter_digit"]


def check_e164(number: str) -> None:
    """Raise :class:`phonecom.ValidationError` unless ``number`` is E.164 (``+`` then 8 to 15 digits, not starting with 0)."""
    _native.e164_check(number)


def is_e164(number: str) -> bool:
    """Whether ``number`` is E.164."""
    try:
        _native.e164_check(number)
    except ValidationError:
        return False
    return True


def normalize_e164(number: str) -> str:
    """A human-written number as E.164: drops spaces, dots, dashes and parentheses, adds the ``+``,
    and reads 10-digit North American numbers as ``+1``. Raises :class:`phonecom.ValidationError`."""
    return str(_native.e164_normalize(number))


def is_nanpa(number: str) -> bool:
    """Whether ``number`` is a North American (``+1`` and 10 digits) E.164 number."""
    return bool(_native.e164_is_nanpa(number))


def vanity_to_digits(pattern: str) -> str:
    """A vanity pattern as keypad digits (``858*CALL`` -> ``858*2255``); digits, ``*`` and ``+`` are
    kept, spaces, dashes, dots and parentheses dropped. Raises :class:`phonecom.ValidationError`."""
    return str(_native.vanity_to_digits(pattern))


def letter_digit(letter: str) -> Optional[str]:
    """The keypad digit of one letter (``"C"`` -> ``"2"``), or None for anything else."""
    d: Optional[str] = _native.vanity_letter_digit(letter)
    return d
