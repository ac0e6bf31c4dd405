"""What the accounts app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.events import AccountEvents
from doithoai.core.events import EventText, said

TEXTS: dict[str, EventText] = {
    AccountEvents.USER_CREATED: said(
        _("%(who)s đã tạo tài khoản %(username)s"), username=lambda e: e.after["username"]
    ),
    AccountEvents.MEMBERSHIP_GRANTED: said(_("%(who)s đã giao vai trò cho tài khoản")),
    AccountEvents.MEMBERSHIP_REVOKED: said(_("%(who)s đã thu hồi vai trò của tài khoản")),
    AccountEvents.API_TOKEN_CREATED: said(
        _("%(who)s đã tạo khóa API “%(name)s”"), name=lambda e: e.after["name"]
    ),
    AccountEvents.API_TOKEN_REVOKED: said(
        _("%(who)s đã thu hồi khóa API “%(name)s”"), name=lambda e: e.before["name"]
    ),
    AccountEvents.LOGIN_LOCKED_OUT: said(
        _("Đăng nhập bị tạm khóa sau %(failures)s lần nhập sai mật khẩu"),
        failures=lambda e: e.after.get("failures", ""),
    ),
    AccountEvents.LOGIN_UNLOCKED: said(_("%(who)s đã mở khóa đăng nhập")),
    AccountEvents.SESSIONS_ENDED: said(_("%(who)s đã đăng xuất tài khoản khỏi mọi thiết bị")),
    AccountEvents.SECOND_FACTOR_ENROLLED: said(_("%(who)s đã đăng ký ứng dụng xác thực hai lớp")),
    AccountEvents.SECOND_FACTOR_FAILED: said(_("%(who)s đã nhập sai mã xác thực hai lớp")),
    AccountEvents.SECOND_FACTOR_RECOVERY_CODE_USED: said(
        _("%(who)s đã dùng một mã khôi phục (còn %(left)s mã)"),
        left=lambda e: e.after.get("left", ""),
    ),
    AccountEvents.SECOND_FACTOR_CODES_REGENERATED: said(_("%(who)s đã tạo bộ mã khôi phục mới")),
    AccountEvents.SECOND_FACTOR_RESET: said(_("%(who)s đã đặt lại xác thực hai lớp của tài khoản")),
}
