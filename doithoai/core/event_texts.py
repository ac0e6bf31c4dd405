"""What the core app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, said
from doithoai.core.jobs import JobEvents, job_kind
from doithoai.core.models import Event


def _kind_label(event: Event) -> str:
    code = str(event.after.get("kind", ""))
    kind = job_kind(code)
    return str(kind.label) if kind else code


TEXTS: dict[str, EventText] = {
    JobEvents.JOB_STARTED: said(
        _("%(who)s đã yêu cầu tạo tệp ở chế độ chạy nền: %(kind)s"), kind=_kind_label
    ),
}
