from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from doithoai.accounts.models import Membership, User


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["full_name", "phone"]})]  # type: ignore[misc]
