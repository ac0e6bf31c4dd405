"""Tracking codes: short enough to read over the phone, too many to enumerate.

Ten Crockford base-32 symbols (50 random bits) shown as three groups, e.g. `K7M-4P9-QX2C`.
Lookup forgives case, spaces, dashes and the letters people confuse with digits (O, I, L).

A code is the petitioner's secret, their only credential (lookup, reopen): public lists and
Open311 show the petition's `public_id` instead, pages take the code in POST bodies only, lookups
are rate limited (`DOITHOAI_LOOKUP_RATE_PER_HOUR`) and log lines mask it (docs/security.md,
"Tracking codes and uploads").
"""

import secrets
import uuid

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_code() -> str:
    bits = secrets.randbits(5 * LENGTH)  # one draw: each symbol is 5 of the random bits
    raw = "".join(ALPHABET[(bits >> (5 * i)) & 31] for i in range(LENGTH))
    return f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"


def normalise_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be one."""
    raw = "".join(c for c in (typed or "").upper() if c.isalnum()).translate(_CONFUSABLE)
    if len(raw) != LENGTH or any(c not in ALPHABET for c in raw):
        return None
    return f"{raw[:3]}-{raw[3:6]}-{raw[6:]}"


_DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")
PUBLIC_ID_LENGTH = 32


def new_public_id() -> str:
    """A petition's public id: a random UUID's 32 hex digits with 0–9 spelled g–p (32 letters
    a–p), so that no run of digits in a public list can read as a phone or an ID number."""
    return uuid.uuid4().hex.translate(_DIGITS_AS_LETTERS)


def normalise_public_id(typed: str) -> str | None:
    """The stored form of a typed public id, or None when it cannot be one."""
    value = (typed or "").strip().lower()
    if len(value) != PUBLIC_ID_LENGTH or any(c not in "abcdefghijklmnop" for c in value):
        return None
    return value
