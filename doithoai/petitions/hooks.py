"""Hooks that higher apps fill: petitions never imports them.

`ROUND_CHANGED` holds callbacks run inside `petition_round_set`'s transaction after a petition
moved to another round or out of every round, as `callback(petition=..., old_round_id=...,
new_round_id=..., actor=...)`. Synthesis registers one in its `AppConfig.ready()` that takes the
petition out of its issue of the old round; an exception rolls the move back.
"""

from typing import Any, Protocol

from doithoai.accounts.types import Actor


class RoundChanged(Protocol):
    def __call__(
        self, *, petition: Any, old_round_id: int | None, new_round_id: int | None, actor: Actor
    ) -> None: ...


ROUND_CHANGED: list[RoundChanged] = []


def on_round_changed(callback: RoundChanged) -> RoundChanged:
    """Register `callback` (once, however often `ready()` runs); usable as a decorator."""
    if callback not in ROUND_CHANGED:
        ROUND_CHANGED.append(callback)
    return callback


def round_changed(
    *, petition: Any, old_round_id: int | None, new_round_id: int | None, actor: Actor
) -> None:
    for callback in list(ROUND_CHANGED):
        callback(
            petition=petition, old_round_id=old_round_id, new_round_id=new_round_id, actor=actor
        )


# `CONTACT_VIEWED` holds callbacks run when a staff page or export showed petitioners' contact
# details (name, phone, e-mail, address), as `callback(user=..., petition_ids=[...], place=...)`
# with `place` one of "detail", "export", "other". Data protection registers one that keeps the
# log its officer reads (Law 91/2025/QH15).


class ContactViewed(Protocol):
    def __call__(self, *, user: Any, petition_ids: list[int], place: str) -> None: ...


CONTACT_VIEWED: list[ContactViewed] = []


def on_contact_viewed(callback: ContactViewed) -> ContactViewed:
    """Register `callback` (once, however often `ready()` runs); usable as a decorator."""
    if callback not in CONTACT_VIEWED:
        CONTACT_VIEWED.append(callback)
    return callback


def contact_viewed(*, user: Any, petition_ids: list[int], place: str) -> None:
    if not petition_ids or not getattr(user, "is_authenticated", False):
        return
    for callback in list(CONTACT_VIEWED):
        callback(user=user, petition_ids=petition_ids, place=place)


__all__ = [
    "CONTACT_VIEWED",
    "ROUND_CHANGED",
    "ContactViewed",
    "RoundChanged",
    "contact_viewed",
    "on_contact_viewed",
    "on_round_changed",
    "round_changed",
]
