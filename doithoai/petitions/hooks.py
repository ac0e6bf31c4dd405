"""Hooks that higher apps fill: petitions never imports them.

`ROUND_CHANGED` holds callbacks run inside `petition_round_set`'s transaction after a petition
moved to another round or out of every round, as `callback(petition=..., old_round_id=...,
new_round_id=..., actor=...)`. Synthesis registers one in its `AppConfig.ready()` that takes the
petition out of its issue of the old round; an exception rolls the move back.
"""

from collections.abc import Callable
from dataclasses import dataclass
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
# with `place` one of "detail", "export", "api", "followup", "letters", "other". Data protection
# registers one that keeps the log its officer reads (Law 91/2025/QH15).


class ContactViewed(Protocol):
    def __call__(self, *, user: Actor, petition_ids: list[int], place: str) -> None: ...


CONTACT_VIEWED: list[ContactViewed] = []


def on_contact_viewed(callback: ContactViewed) -> ContactViewed:
    """Register `callback` (once, however often `ready()` runs); usable as a decorator."""
    if callback not in CONTACT_VIEWED:
        CONTACT_VIEWED.append(callback)
    return callback


def contact_viewed(*, user: Actor, petition_ids: list[int], place: str) -> None:
    if not petition_ids or not getattr(user, "is_authenticated", False):
        return
    for callback in list(CONTACT_VIEWED):
        callback(user=user, petition_ids=petition_ids, place=place)


# `RECEIVED` holds callbacks run inside the intake transaction when a received petition gets a
# receipt, as `callback(petition=..., actor=..., notify_email=..., notify_sms=..., context=...)`
# (`notify_*`: what the petitioner asked for on the form; `context`: more for the message).
# Notify registers one that records that consent and queues the receipt into its outbox.


class Received(Protocol):
    def __call__(
        self,
        *,
        petition: Any,
        actor: Actor,
        notify_email: bool,
        notify_sms: bool,
        context: dict[str, Any],
    ) -> None: ...


RECEIVED: list[Received] = []


def on_received(callback: Received) -> Received:
    """Register `callback` (once, however often `ready()` runs); usable as a decorator."""
    if callback not in RECEIVED:
        RECEIVED.append(callback)
    return callback


def received(
    *, petition: Any, actor: Actor, notify_email: bool, notify_sms: bool, context: dict[str, Any]
) -> None:
    for callback in list(RECEIVED):
        callback(
            petition=petition,
            actor=actor,
            notify_email=notify_email,
            notify_sms=notify_sms,
            context=context,
        )


# `PUBLIC_ANSWERS` holds what the public lookup shows of the answers to a petition: follow-up
# registers an EXISTS expression (`exists(petition_ref, issue_ref)`, asked in the petition's own
# query) and the rows (`rows(petition_id=..., issue_id=...)`: text and published_at, no names).
# Without it the lookup shows no answers.


@dataclass(frozen=True)
class PublicAnswers:
    exists: Callable[[Any, Any], Any]
    rows: Callable[..., list[dict[str, Any]]]


PUBLIC_ANSWERS: list[PublicAnswers] = []


def public_answers_register(answers: PublicAnswers) -> None:
    """Register (or replace) the source of published answers."""
    PUBLIC_ANSWERS[:] = [answers]


__all__ = [
    "CONTACT_VIEWED",
    "PUBLIC_ANSWERS",
    "RECEIVED",
    "ROUND_CHANGED",
    "ContactViewed",
    "PublicAnswers",
    "Received",
    "RoundChanged",
    "contact_viewed",
    "on_contact_viewed",
    "on_received",
    "on_round_changed",
    "public_answers_register",
    "received",
    "round_changed",
]
