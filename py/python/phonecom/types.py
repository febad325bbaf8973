"""Typed shapes of the entities the partner flows touch, as ``TypedDict``s.

Results are plain dicts: these classes only tell a type checker (and the reader) which keys
are documented. Every key is optional (``total=False``) because the upstream may leave any of
them out, and the dicts may hold more keys than these.

>>> from phonecom.types import AvailablePhoneNumber
>>> def cheapest(numbers: "list[AvailablePhoneNumber]") -> str:
...     return min(numbers, key=lambda n: n.get("price", 0))["phone_number"]
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Dict, Generic, List, Optional, TypedDict, TypeVar, Union

__all__ = [
    "Address",
    "Contact",
    "AccountSummary",
    "Account",
    "AvailablePhoneNumber",
    "PhoneNumber",
    "Sms",
    "Call",
    "CallLog",
    "UserToken",
    "Signup",
    "XmlCallRecord",
    "XmlCallListData",
    "XmlCallList",
    "ListResult",
    "Page",
    "FileDict",
    "FileParam",
]

T = TypeVar("T")


class Address(TypedDict, total=False):
    """A postal address (``line_1``, ``city`` and ``country`` are required when you send one)."""

    line_1: str
    line_2: str
    city: str
    province: str
    postal_code: str
    country: str


class Contact(TypedDict, total=False):
    """A contact: account contact, billing contact, Express Sign-Up contact.

    Sent: ``name``, ``address``, ``phone`` (E.164) and ``primary_email`` are required.
    """

    name: str
    company: str
    address: Address
    phone: str
    fax: str
    primary_email: str
    alternate_email: str


class AccountSummary(TypedDict, total=False):
    """A short reference to an account."""

    id: int
    name: str


class Account(TypedDict, total=False):
    """An account or subaccount (v4 ``AccountFull``)."""

    id: int
    name: str
    username: str
    master_account: AccountSummary
    contact: Contact
    billing_contact: Contact


class AvailablePhoneNumber(TypedDict, total=False):
    """A number that can be bought (v4 ``AvailableNumbersFull``); ``price`` is whole US dollars or ``"REQUEST_QUOTE"``."""

    phone_number: str
    formatted: str
    price: Union[int, str]
    is_toll_free: bool
    country_code: str
    npa: str
    nxx: str
    xxxx: str
    city: str
    province: str
    country: str


class PhoneNumber(TypedDict, total=False):
    """A number on the account (v4 ``PhoneNumberFull``)."""

    id: int
    phone_number: str
    name: str
    block_incoming: bool
    block_anonymous: bool


# `from` is a keyword: the functional form keeps the key's real name.
Sms = TypedDict(
    "Sms",
    {
        "id": str,
        "from": str,
        "to": Any,
        "text": str,
        "direction": str,
        "created_at": int,
    },
    total=False,
)
Sms.__doc__ = "An SMS message (v4 ``SmsFull``); ``direction`` is ``in`` or ``out``, ``created_at`` Unix time."


class Call(TypedDict, total=False):
    """A call started through the API (v4 ``CallFull``)."""

    id: str
    caller_phone_number: str
    caller_extension: int
    caller_caller_id: str
    callee_phone_number: str
    callee_extension: int
    callee_caller_id: str


class CallLog(TypedDict, total=False):
    """A call detail record (v4 ``CallLogFull``); times are Unix seconds, ``call_duration`` seconds."""

    id: str
    start_time: int
    created_at: int
    caller_id: str
    called_number: str
    direction: str
    call_duration: int


class UserToken(TypedDict, total=False):
    """A portal user's OAuth token (what the Express front-end library's ``getAccessCallback`` expects)."""

    access_token: str
    token_type: str
    expires_in: int
    scope: str
    account_id: int


class Signup(TypedDict, total=False):
    """The result of ``client.express.signup``: the subaccount, its user name, the generated password
    (returned once; store it), the user's token, and whether an unknown outcome was recovered."""

    account: Account
    username: str
    password: Optional[str]
    token: UserToken
    recovered: bool


class XmlCallRecord(TypedDict, total=False):
    """A call detail record of the XML API (``xml.getCallList``, and the rows of
    ``client.xml.get_call_list.iter(startTime=..., endTime=...)``): ``startTime`` in Unix seconds,
    ``startTimeGmt`` its ISO form, ``duration`` and ``finalActionDuration`` in seconds, ``url`` a
    recording's listen URL; other elements of the record are kept beside these."""

    id: str
    startTime: int
    startTimeGmt: str
    callerId: str
    calledNumber: str
    duration: int
    finalAction: str
    finalActionDuration: int
    url: str
    transcription: str


class XmlCallListData(TypedDict, total=False):
    """The ``data`` of ``xml.getCallList``: the rows, at most 500 per request."""

    items: List[XmlCallRecord]


class XmlCallList(TypedDict, total=False):
    """The reply of ``xml.getCallList``: the envelope (``status``, ``msg``, ``resultDate``,
    ``clTRID``, ``svTRID``) around ``data``. Walk a longer range with ``.iter()``."""

    status: str
    msg: str
    resultDate: str
    clTRID: str
    svTRID: str
    data: XmlCallListData


if sys.version_info >= (3, 11) or TYPE_CHECKING:

    class ListResult(TypedDict, Generic[T], total=False):
        """One v4 list response: ``items`` plus the paging fields."""

        filters: Dict[str, Any]
        sort: Dict[str, Any]
        total: int
        offset: int
        limit: int
        items: List[T]

    class Page(TypedDict, Generic[T]):
        """One page of a lazily walked list."""

        items: List[T]
        total: Optional[int]
        offset: int
        limit: int
        request_id: str

else:  # Python 3.9 and 3.10 cannot make a TypedDict generic; a dict is the same shape at run time.

    class ListResult(Dict[str, Any]):  # type: ignore[no-redef]
        """One v4 list response: ``items`` plus the paging fields."""

    class Page(Dict[str, Any]):  # type: ignore[no-redef]
        """One page of a lazily walked list."""


class FileDict(TypedDict, total=False):
    """A file parameter given inline: ``filename`` and ``content_base64`` (``bytes`` are encoded for you)."""

    filename: str
    content_base64: Union[str, bytes]
    path: str


FileParam = Union["os.PathLike[str]", FileDict]
"""A file parameter: a path (``pathlib.Path``) or a :class:`FileDict`."""
