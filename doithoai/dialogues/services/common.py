"""Helpers shared by the dialogue services (not services themselves)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def deny(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def required(value: Any, message: str) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(message, code="required")
