from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from doithoai.accounts.models import Membership, User
from doithoai.accounts.selectors import access_changed


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["full_name", "phone"]})]  # type: ignore[misc]

    # Processes keep the API tokens they have read, with the user's roles: a change here
    # (deactivation, roles in the inline) must reach them.
    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        transaction.on_commit(access_changed)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(access_changed)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        super().delete_queryset(request, queryset)
        transaction.on_commit(access_changed)
