"""What the synthesis app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.core.events import EventText, said
from doithoai.core.models import Event
from doithoai.petitions.models import Topic
from doithoai.synthesis.events import SynthesisEvents
from doithoai.units.models import Organisation


def _topic(event: Event) -> str:
    code = str(event.after["topic"])
    return Topic.objects.filter(code=code).values_list("name", flat=True).first() or _("khác")


def _department(event: Event) -> str:
    code = str(event.after["department"])
    found = Organisation.objects.filter(code=code).values_list("name", flat=True).first()
    return found or _("một cơ quan")


def _created(event: Event, who: str) -> str:
    if "split_from" in event.after:
        return _("%(who)s đã tách một phần kiến nghị thành vấn đề mới") % {"who": who}
    return _("%(who)s đã lập vấn đề “%(title)s”") % {"who": who, "title": event.after["title"]}


def _applied(event: Event, who: str) -> str:
    return _(
        "Hệ thống đã tổng hợp %(petitions)s kiến nghị thành %(groups)s nhóm "
        "(%(created)s vấn đề mới)"
    ) % {
        "petitions": event.after["petitions"],
        "groups": event.after["groups"],
        "created": event.after.get("issues_created", 0),
    }


TEXTS: dict[str, EventText] = {
    SynthesisEvents.ISSUE_CREATED: _created,
    SynthesisEvents.ISSUE_MERGED: said(
        gettext_lazy("%(who)s đã gộp %(n)s vấn đề vào vấn đề này"),
        n=lambda e: len(e.after["from"]),
    ),
    SynthesisEvents.ISSUE_MERGED_INTO: said(
        gettext_lazy("%(who)s đã gộp vấn đề này vào một vấn đề khác")
    ),
    SynthesisEvents.ISSUE_SPLIT: said(
        gettext_lazy("%(who)s đã tách %(n)s kiến nghị sang vấn đề mới"),
        n=lambda e: len(e.after["petitions"]),
    ),
    SynthesisEvents.ISSUE_EMPTIED: said(
        gettext_lazy("%(who)s đã chuyển hết kiến nghị, vấn đề được xóa")
    ),
    SynthesisEvents.ISSUE_PETITION_LEFT: said(
        gettext_lazy("%(who)s đã chuyển một kiến nghị của vấn đề sang kỳ đối thoại khác")
    ),
    SynthesisEvents.PETITION_MOVED: said(
        gettext_lazy("%(who)s đã chuyển kiến nghị sang một vấn đề khác")
    ),
    SynthesisEvents.ISSUE_TOPIC_CONFIRMED: said(
        gettext_lazy("%(who)s đã xác nhận lĩnh vực “%(topic)s”"), topic=_topic
    ),
    SynthesisEvents.ISSUE_DEPARTMENT_SET: said(
        gettext_lazy("%(who)s đã đề xuất %(department)s tham mưu giải quyết"),
        department=_department,
    ),
    SynthesisEvents.ISSUE_RENAMED: said(
        gettext_lazy("%(who)s đã sửa tiêu đề thành “%(title)s”"), title=lambda e: e.after["title"]
    ),
    SynthesisEvents.ISSUE_TITLE_CONFIRMED: said(
        gettext_lazy("%(who)s đã xác nhận tiêu đề để công khai")
    ),
    SynthesisEvents.SYNTHESIS_REQUESTED: said(
        gettext_lazy("%(who)s đã yêu cầu tổng hợp, phân loại kiến nghị")
    ),
    SynthesisEvents.SYNTHESIS_APPLIED: _applied,
    SynthesisEvents.MODEL_TRAINED: said(
        gettext_lazy("%(who)s đã huấn luyện lại mô hình phân loại")
    ),
    SynthesisEvents.MODEL_ACTIVATED: said(
        gettext_lazy("%(who)s đã bật mô hình phân loại phiên bản %(version)s"),
        version=lambda e: e.after["version"],
    ),
    # The Front's synthesis report.
    SynthesisEvents.SYNTHESIS_REPORT_DRAFTED: said(
        gettext_lazy("%(who)s đã lập dự thảo báo cáo tổng hợp (%(n)s nhóm vấn đề)"),
        n=lambda e: e.after["themes"],
    ),
    SynthesisEvents.SYNTHESIS_REPORT_REFRESHED: said(
        gettext_lazy("%(who)s đã cập nhật số liệu báo cáo tổng hợp theo kết quả tổng hợp mới")
    ),
    SynthesisEvents.SYNTHESIS_REPORT_EDITED: said(
        gettext_lazy("%(who)s đã sửa nội dung báo cáo tổng hợp")
    ),
    SynthesisEvents.SYNTHESIS_REPORT_APPROVED: said(
        gettext_lazy("%(who)s đã duyệt báo cáo tổng hợp")
    ),
    SynthesisEvents.SYNTHESIS_REPORT_REOPENED: said(
        gettext_lazy("%(who)s đã bỏ duyệt báo cáo tổng hợp để sửa")
    ),
}
