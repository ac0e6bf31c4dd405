from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from doithoai.accounts.selectors import access_changed
from doithoai.units.models import Organisation, Unit
from doithoai.units.selectors import tree_changed


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ["code", "name", "kind", "scheme", "valid_from", "valid_to"]
    list_filter = ["scheme", "kind"]
    search_fields = ["code", "name", "name_folded"]
    raw_id_fields = ["parent"]
    readonly_fields = ["name_folded"]

    # Every process keeps units and the areas built from the tree: an edit here must reach them.
    def save_model(self, request: HttpRequest, obj: Unit, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(tree_changed)

    def delete_model(self, request: HttpRequest, obj: Unit) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(tree_changed)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Unit]) -> None:
        super().delete_queryset(request, queryset)
        transaction.on_commit(tree_changed)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "unit", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code"]
    raw_id_fields = ["unit", "parent"]

    # A role's reach follows its organisation's unit: processes keep tokens with their roles.
    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(access_changed)
