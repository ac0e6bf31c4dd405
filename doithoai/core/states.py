"""State machines: a `TextChoices`, one table of allowed moves, and the one helper that applies it.

Every stateful model declares its states as a `TextChoices` and its moves as a `StateTable` next
to them (from state → the states it may move to). A service moves an object with `transition`,
which refuses a move outside the table (a `ValidationError` with the table's Vietnamese message,
nothing written), saves the state with `save(update_fields=...)` and records exactly one event.
A service may call `table.check` earlier to refuse a move before its other checks; no other code
compares states to decide whether a move is allowed (policies still read the state to decide who
may see or do what).
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doithoai.core.events import event_record
from doithoai.core.models import Event
from doithoai.core.types import AnyUser

DEFAULT_REFUSAL = _("Không thể chuyển từ trạng thái “%(a)s” sang “%(b)s”.")


class StateTable(Mapping[str, frozenset[str]]):
    """The allowed moves of one state machine. Every state of `choices` is a key (a final state
    maps to nothing). `message` refuses a move (`%(a)s`, `%(b)s`: the labels of the states);
    `refusals` gives a move to one state its own message."""

    def __init__(
        self,
        choices: type[models.TextChoices],
        moves: Mapping[str, Iterable[str]],
        *,
        message: str | Promise = DEFAULT_REFUSAL,
        refusals: Mapping[str, str | Promise] | None = None,
    ) -> None:
        values = set(choices.values)
        missing = values - set(moves)
        unknown = (set(moves) | {t for ts in moves.values() for t in ts}) - values
        if missing or unknown:
            raise ImproperlyConfigured(
                f"{choices.__name__}: states missing {sorted(missing)}, unknown {sorted(unknown)}"
            )
        self.choices = choices
        self._moves = {str(k): frozenset(str(t) for t in ts) for k, ts in moves.items()}
        self.message = message
        self.refusals = dict(refusals or {})

    def __getitem__(self, state: str) -> frozenset[str]:
        return self._moves[state]

    def __iter__(self) -> Iterator[str]:
        return iter(self._moves)

    def __len__(self) -> int:
        return len(self._moves)

    def allows(self, current: str, to_state: str) -> bool:
        return to_state in self._moves.get(current, frozenset())

    def label(self, state: str) -> str:
        return str(dict(self.choices.choices).get(state, state))

    def check(self, current: str, to_state: str) -> None:
        """Refuse a move outside the table."""
        if not self.allows(current, to_state):
            message = self.refusals.get(to_state, self.message)
            raise ValidationError(
                str(message) % {"a": self.label(current), "b": self.label(to_state)},
                code="bad_transition",
            )


def transition(
    obj: models.Model,
    to_state: str,
    *,
    actor: AnyUser | None,
    table: StateTable,
    action: str,
    field: str = "state",
    fields: Iterable[str] = (),
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    subject: models.Model | None = None,
) -> Event:
    """Move `obj` to `to_state` along `table`: check, save the state (and `fields`, set by the
    caller) and record one event `action` with the states before and after, about `obj` or, for
    a row that belongs to another's history (an extension request of a directive), `subject`."""
    current = str(getattr(obj, field))
    table.check(current, to_state)
    setattr(obj, field, to_state)
    obj.save(update_fields=[field, *fields])
    return event_record(
        actor=actor,
        obj=subject if subject is not None else obj,
        action=action,
        before={field: current, **(before or {})},
        after={field: to_state, **(after or {})},
        reason=reason,
    )
