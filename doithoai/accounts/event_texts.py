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
}
