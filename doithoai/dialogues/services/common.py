"""Helpers shared by the dialogue services (not services themselves)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def deny(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def check_move(table: dict[str, frozenset[str]], current: str, to_state: str) -> None:
    if to_state not in table.get(current, frozenset()):
        raise ValidationError(
            _("Không thể chuyển từ trạng thái '%(a)s' sang '%(b)s'.")
            % {"a": current, "b": to_state},
            code="bad_transition",
        )


def required(value: Any, message: str) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(message, code="required")
