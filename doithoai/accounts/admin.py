from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from doithoai.accounts.access import access_changed
from doithoai.accounts.models import Membership, User
from doithoai.accounts.services_security import second_factor_reset, sessions_end_all
from doithoai.core.admin_changes import ReportsChanges

# django-otp's own admin pages are in English, show what the user list's actions do better, and
# delete without recording: a second factor is reset by the action below (it records the event).
for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(ReportsChanges, BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "is_active"]
    fieldsets = [*BaseUserAdmin.fieldsets, (None, {"fields": ["full_name", "phone"]})]  # type: ignore[misc]
    actions = ["end_sessions", "reset_second_factor"]

    # Processes keep the API tokens they have read (accounts.access): a deactivation must reach
    # them. Roles changed in the inline reach them through the membership signals.
    changed = (access_changed,)

    @admin.action(description=gettext_lazy("Đăng xuất khỏi mọi thiết bị"))
    def end_sessions(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._each(request, queryset, sessions_end_all, _("Đã đăng xuất %(n)d tài khoản."))

    @admin.action(
        description=gettext_lazy("Đặt lại xác thực hai lớp (mất điện thoại), đăng xuất mọi nơi")
    )
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._each(
            request,
            queryset,
            second_factor_reset,
            _("Đã đặt lại xác thực hai lớp của %(n)d tài khoản; lần đăng nhập tới họ đăng ký lại."),
        )

    def _each(
        self,
        request: HttpRequest,
        queryset: QuerySet[User],
        service: Callable[..., object],
        done: str,
    ) -> None:
        count = 0
        for user in queryset:
            try:
                service(actor=request.user, user=user)
            except PermissionDenied as error:
                self.message_user(request, str(error), messages.ERROR)
                return
            count += 1
        self.message_user(request, done % {"n": count}, messages.SUCCESS)
