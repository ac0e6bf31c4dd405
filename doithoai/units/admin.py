from django.contrib import admin

from doithoai.core.admin_changes import ReportsChanges
from doithoai.units.hooks import organisation_changed
from doithoai.units.models import Organisation, Unit
from doithoai.units.selectors import tree_changed


@admin.register(Unit)
class UnitAdmin(ReportsChanges, admin.ModelAdmin[Unit]):
    list_display = ["code", "name", "kind", "scheme", "valid_from", "valid_to"]
    list_filter = ["scheme", "kind"]
    search_fields = ["code", "name", "name_folded"]
    raw_id_fields = ["parent"]
    readonly_fields = ["name_folded"]
    # Processes keep units and the areas built from the tree.
    changed = (tree_changed,)


@admin.register(Organisation)
class OrganisationAdmin(ReportsChanges, admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "unit", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "code"]
    raw_id_fields = ["unit", "parent"]
    # A role's reach follows its organisation's unit; processes keep tokens with their roles.
    changed = (organisation_changed,)
