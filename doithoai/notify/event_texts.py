"""What the notify app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext as _

from doithoai.core.events import EventText, said
from doithoai.core.models import Event
from doithoai.notify.events import NotifyEvents


def _consent(event: Event, who: str) -> str:
    ways = [
        label
        for key, label in (("email", _("thư điện tử")), ("sms", _("tin nhắn")))
        if event.after.get(key)
    ]
    if not ways:
        return _("Người gửi không nhận thông báo kết quả")
    return _("Người gửi đồng ý nhận thông báo kết quả qua %(ways)s") % {"ways": ", ".join(ways)}


TEXTS: dict[str, EventText] = {
    NotifyEvents.NOTIFY_CONSENT: _consent,
    NotifyEvents.MESSAGE_RETRY: said(_("%(who)s đã cho gửi lại thông báo")),
}
