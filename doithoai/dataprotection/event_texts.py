"""What the data-protection app's events say in a history (core.events.event_describe). No
sentence carries a personal value: the events hold fields and counts only."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.core.events import EventText, said
from doithoai.core.models import Event
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import AnonymisationCause

FIELD_LABELS = {
    "submitter_name": gettext_lazy("họ và tên"),
    "phone": gettext_lazy("điện thoại"),
    "email": gettext_lazy("thư điện tử"),
    "submitter_address": gettext_lazy("địa chỉ người gửi"),
}


def _corrected(event: Event, who: str) -> str:
    fields = ", ".join(str(FIELD_LABELS.get(f, f)) for f in event.after["fields"])
    return _("%(who)s đã chỉnh sửa thông tin người gửi (%(fields)s) theo yêu cầu #%(req)s") % {
        "who": who,
        "fields": fields,
        "req": event.after["request"],
    }


def _anonymised(event: Event, who: str) -> str:
    if event.after["cause"] == AnonymisationCause.RETENTION:
        return _("%(who)s đã xóa dữ liệu cá nhân của người gửi do hết thời hạn lưu giữ") % {
            "who": who
        }
    return _("%(who)s đã xóa dữ liệu cá nhân của người gửi theo yêu cầu #%(req)s") % {
        "who": who,
        "req": event.after["request"],
    }


TEXTS: dict[str, EventText] = {
    DataProtectionEvents.DSR_RECEIVED: said(
        gettext_lazy("%(who)s đã tiếp nhận yêu cầu về dữ liệu cá nhân")
    ),
    DataProtectionEvents.DSR_ACKNOWLEDGED: said(
        gettext_lazy("%(who)s đã xác nhận với người yêu cầu")
    ),
    DataProtectionEvents.DSR_EXTENDED: said(
        gettext_lazy("%(who)s đã gia hạn đến %(due)s"), due=lambda e: e.after["due_on"]
    ),
    DataProtectionEvents.DSR_CLOSED: said(gettext_lazy("%(who)s đã kết thúc yêu cầu")),
    DataProtectionEvents.DSR_EXPORTED: said(
        gettext_lazy("%(who)s đã xuất bản sao dữ liệu của %(n)s kiến nghị"),
        n=lambda e: e.after["petitions"],
    ),
    DataProtectionEvents.DSR_CORRECT: said(
        gettext_lazy("%(who)s đã chỉnh sửa thông tin của %(n)s kiến nghị"),
        n=lambda e: e.after["petitions"],
    ),
    DataProtectionEvents.DSR_STOP: said(
        gettext_lazy("%(who)s đã ngừng gửi thông báo về %(n)s kiến nghị"),
        n=lambda e: e.after["petitions"],
    ),
    DataProtectionEvents.DSR_ERASE: said(
        gettext_lazy("%(who)s đã xóa dữ liệu cá nhân trong %(n)s kiến nghị"),
        n=lambda e: e.after["petitions"],
    ),
    DataProtectionEvents.PETITION_CONTACT_CORRECTED: _corrected,
    DataProtectionEvents.PETITION_ANONYMISED: _anonymised,
    DataProtectionEvents.PETITION_CONSENT_WITHDRAWN: said(
        gettext_lazy("%(who)s đã ngừng gửi thông báo cho người gửi theo yêu cầu #%(req)s"),
        req=lambda e: e.after["request"],
    ),
    DataProtectionEvents.RETENTION_RUN: said(
        gettext_lazy("%(who)s đã áp dụng thời hạn lưu giữ: %(n)s kiến nghị được xóa dữ liệu"),
        n=lambda e: e.after["total"],
    ),
}
