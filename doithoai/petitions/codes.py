"""Tracking codes: short enough to read over the phone, too many to enumerate.

Ten Crockford base-32 symbols (50 random bits) shown as three groups, e.g. `K7M-4P9-QX2C`.
Lookup forgives case, spaces, dashes and the letters people confuse with digits (O, I, L).
"""

import secrets

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
