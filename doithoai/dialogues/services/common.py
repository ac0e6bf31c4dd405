"""Helpers shared by the dialogue services (not services themselves)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _


def deny(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def check_move(
    table: dict[str, frozenset[str]],
    current: str,
    to_state: str,
    choices: type[models.TextChoices] | None = None,
) -> None:
    """Refuse a move outside `table`, naming the states by their labels in `choices`."""
    if to_state not in table.get(current, frozenset()):
        labels = dict(choices.choices) if choices is not None else {}
        raise ValidationError(
            _("Không thể chuyển từ trạng thái “%(a)s” sang “%(b)s”.")
            % {"a": labels.get(current, current), "b": labels.get(to_state, to_state)},
            code="bad_transition",
        )


def required(value: Any, message: str) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(message, code="required")
