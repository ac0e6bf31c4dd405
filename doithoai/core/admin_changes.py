"""Admin pages whose edits every server process must hear of: processes keep copies of units,
topics and API tokens (core/versions.py), dropped when the data's shared version is bumped."""

from collections.abc import Callable
from typing import Any, ClassVar

from django.db import transaction
from django.http import HttpRequest


class ReportsChanges:
    """Mixin for a ModelAdmin: once a save (with its inlines) or a delete commits, call each of
    `changed`."""

    changed: ClassVar[tuple[Callable[[], None], ...]] = ()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        self._report()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)  # type: ignore[misc]
        self._report()

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        super().delete_queryset(request, queryset)  # type: ignore[misc]
        self._report()

    def _report(self) -> None:
        for changed in self.changed:
            transaction.on_commit(changed)
