"""What the follow-up app's events say in a history (core.events.event_describe)."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.core.events import EventText, choice_label, said
from doithoai.core.models import Event
from doithoai.dialogues.models import DirectiveState
from doithoai.followup.choices import AnswerState
from doithoai.followup.events import FollowupEvents
from doithoai.followup.letter_choices import DeliveryMethod
from doithoai.synthesis.models import IssueState
from doithoai.units.models import Organisation


def _date(value: object) -> str:
    return datetime.date.fromisoformat(str(value)).strftime("%d/%m/%Y")


def _assigned(event: Event, who: str) -> str:
    lead = event.after.get("lead")
    name = (
        Organisation.objects.filter(pk=lead).values_list("name", flat=True).first()
        if lead
        else None
    )
    sentence = _("%(who)s đã giao cho %(lead)s chủ trì giải quyết") % {
        "who": who,
        "lead": name or _("cơ quan tham mưu"),
    }
    if event.after.get("due_on"):
        sentence += ", " + _("hạn %(date)s") % {"date": _date(event.after["due_on"])}
    return sentence


def _forwarded(event: Event, who: str) -> str:
    return _("%(who)s đã chuyển đến %(body)s là cơ quan có thẩm quyền") % {
        "who": who,
        "body": event.after["forwarded_to"],
    }


def _extension(event: Event, who: str) -> str:
    if event.after.get("approved"):
        return _("%(who)s đã đồng ý gia hạn chỉ đạo đến %(date)s") % {
            "who": who,
            "date": _date(event.after["deadline"]),
        }
    return _("%(who)s đã không đồng ý gia hạn chỉ đạo") % {"who": who}


TEXTS: dict[str, EventText] = {
    FollowupEvents.FOLLOWUP_ASSIGNED: _assigned,
    FollowupEvents.FOLLOWUP_FORWARDED: _forwarded,
    FollowupEvents.ISSUE_STATE: said(
        gettext_lazy("%(who)s đã chuyển vấn đề sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(IssueState, e.after["state"]),
    ),
    FollowupEvents.ANSWER_DRAFTED: said(gettext_lazy("%(who)s đã soạn dự thảo trả lời")),
    FollowupEvents.ANSWER_EDITED: said(gettext_lazy("%(who)s đã sửa dự thảo trả lời")),
    FollowupEvents.ANSWER_STATE: said(
        gettext_lazy("%(who)s đã chuyển câu trả lời sang bước “%(state)s”"),
        state=lambda e: choice_label(AnswerState, e.after["state"]),
    ),
    FollowupEvents.ANSWER_FORWARDED_REPLY: said(
        gettext_lazy("%(who)s đã ghi nhận trả lời của cơ quan có thẩm quyền")
    ),
    FollowupEvents.ANSWER_TEMPLATE_SAVED: said(gettext_lazy("%(who)s đã lưu mẫu câu trả lời")),
    FollowupEvents.DIRECTIVE_STATE: said(
        gettext_lazy("%(who)s đã chuyển chỉ đạo sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(DirectiveState, e.after["state"]),
    ),
    FollowupEvents.DIRECTIVE_PROGRESS: said(
        gettext_lazy("%(who)s đã báo cáo tiến độ thực hiện chỉ đạo: %(percent)s%%"),
        percent=lambda e: e.after["percent"],
    ),
    FollowupEvents.DIRECTIVE_EXTENSION: _extension,
    FollowupEvents.FOLLOWUP_RESOLVED: said(
        gettext_lazy("%(who)s đã ghi nhận vấn đề đã được giải quyết")
    ),
    FollowupEvents.FOLLOWUP_VERIFIED: said(
        gettext_lazy("%(who)s đã xác nhận vấn đề đã được giải quyết (giám sát của Mặt trận)")
    ),
    FollowupEvents.FOLLOWUP_NOT_VERIFIED: said(
        gettext_lazy("%(who)s đã xác nhận vấn đề chưa được giải quyết (giám sát của Mặt trận)")
    ),
    FollowupEvents.FOLLOWUP_SETTINGS: said(
        gettext_lazy("%(who)s đã sửa cấu hình phê duyệt trả lời")
    ),
    FollowupEvents.SUPERVISION_REMARK: said(
        gettext_lazy("%(who)s đã ghi ý kiến giám sát của Mặt trận")
    ),
    FollowupEvents.FOLLOWUP_PETITIONER_REOPEN: said(
        gettext_lazy("Người gửi đã phản hồi là vấn đề chưa được giải quyết")
    ),
    FollowupEvents.LETTER_ISSUED: said(
        gettext_lazy("%(who)s đã lập thư trả lời số %(seq)s năm %(year)s"),
        seq=lambda e: f"{int(e.after['seq']):02d}",
        year=lambda e: e.after["year"],
    ),
    FollowupEvents.LETTER_DELIVERY: said(
        gettext_lazy("%(who)s đã ghi nhận việc chuyển thư trả lời: %(method)s"),
        method=lambda e: choice_label(DeliveryMethod, e.after["method"]),
    ),
}
