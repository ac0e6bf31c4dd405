"""What the accounts app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, said

TEXTS: dict[str, EventText] = {
    "user.created": said(
        _("%(who)s đã tạo tài khoản %(username)s"), username=lambda e: e.after["username"]
    ),
    "membership.granted": said(_("%(who)s đã giao vai trò cho tài khoản")),
    "membership.revoked": said(_("%(who)s đã thu hồi vai trò của tài khoản")),
    "api_token.created": said(
        _("%(who)s đã tạo khóa API “%(name)s”"), name=lambda e: e.after["name"]
    ),
    "api_token.revoked": said(
        _("%(who)s đã thu hồi khóa API “%(name)s”"), name=lambda e: e.before["name"]
    ),
    "login.locked_out": said(
        _("Đăng nhập bị tạm khóa sau %(failures)s lần nhập sai mật khẩu"),
        failures=lambda e: e.after.get("failures", ""),
    ),
    "login.unlocked": said(_("%(who)s đã mở khóa đăng nhập")),
    "sessions.ended": said(_("%(who)s đã đăng xuất tài khoản khỏi mọi thiết bị")),
    "second_factor.enrolled": said(_("%(who)s đã đăng ký ứng dụng xác thực hai lớp")),
    "second_factor.failed": said(_("%(who)s đã nhập sai mã xác thực hai lớp")),
    "second_factor.recovery_code_used": said(
        _("%(who)s đã dùng một mã khôi phục (còn %(left)s mã)"),
        left=lambda e: e.after.get("left", ""),
    ),
    "second_factor.codes_regenerated": said(_("%(who)s đã tạo bộ mã khôi phục mới")),
    "second_factor.reset": said(_("%(who)s đã đặt lại xác thực hai lớp của tài khoản")),
}
