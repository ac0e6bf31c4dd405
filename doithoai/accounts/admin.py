from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from doithoai.accounts.models import Membership, User
from doithoai.accounts.selectors import access_changed
from doithoai.core.admin_changes import ReportsChanges


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(ReportsChanges, BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["full_name", "phone"]})]  # type: ignore[misc]

    # Processes keep the API tokens they have read, with the user's roles: a deactivation or
    # a role changed in the inline must reach them.
    changed = (access_changed,)
