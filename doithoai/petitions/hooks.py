"""Hooks that higher apps fill: petitions never imports them.

`ROUND_CHANGED` holds callbacks run inside `petition_round_set`'s transaction after a petition
moved to another round or out of every round, as `callback(petition=..., old_round_id=...,
new_round_id=..., actor=...)`. Synthesis registers one in its `AppConfig.ready()` that takes the
petition out of its issue of the old round; an exception rolls the move back.
"""

from typing import Any, Protocol


class RoundChanged(Protocol):
    def __call__(
        self, *, petition: Any, old_round_id: int | None, new_round_id: int | None, actor: Any
    ) -> None: ...


ROUND_CHANGED: list[RoundChanged] = []


def on_round_changed(callback: RoundChanged) -> RoundChanged:
    """Register `callback` (once, however often `ready()` runs); usable as a decorator."""
    if callback not in ROUND_CHANGED:
        ROUND_CHANGED.append(callback)
    return callback


def round_changed(
    *, petition: Any, old_round_id: int | None, new_round_id: int | None, actor: Any
) -> None:
    for callback in list(ROUND_CHANGED):
        callback(
            petition=petition, old_round_id=old_round_id, new_round_id=new_round_id, actor=actor
        )


__all__ = ["ROUND_CHANGED", "RoundChanged", "on_round_changed", "round_changed"]
