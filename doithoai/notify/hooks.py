"""Hooks that higher apps fill: notify never imports them.

`PETITIONER_OPTED_OUT` holds checks run before a message to a petitioner is queued, as
`check(petition=...) -> bool`; when one answers True nothing is sent about that petition (the
message is kept as `suppressed`, without the address). Data protection registers one for the
petitioners who withdrew their consent (Law 91/2025/QH15).
"""

from typing import Any, Protocol


class OptedOut(Protocol):
    def __call__(self, *, petition: Any) -> bool: ...


PETITIONER_OPTED_OUT: list[OptedOut] = []


def on_petitioner_opted_out(check: OptedOut) -> OptedOut:
    """Register `check` (once, however often `ready()` runs); usable as a decorator."""
    if check not in PETITIONER_OPTED_OUT:
        PETITIONER_OPTED_OUT.append(check)
    return check


def petitioner_opted_out(*, petition: Any) -> bool:
    return any(check(petition=petition) for check in list(PETITIONER_OPTED_OUT))


__all__ = ["PETITIONER_OPTED_OUT", "OptedOut", "on_petitioner_opted_out", "petitioner_opted_out"]
