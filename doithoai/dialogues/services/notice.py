"""Writes of the conclusion notice: the chair's texts, drafted from the round, edited, approved.

The secretariat or the leader edits the texts; only the leader approves. Once approved the texts
are locked: the leader un-approves (with an event) to edit them again. `notice_texts` gives what
the document prints: the saved texts, or the draft for anything not saved yet."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import (
    ChairRole,
    ConclusionNotice,
    InviteeState,
    Minutes,
    Round,
    RoundState,
)
from doithoai.dialogues.selectors_notice import general_directives_of, key_issues, notice_of
from doithoai.dialogues.services.common import deny, required

# Days the departments have to answer in writing the issues not discussed (drafted, editable).
ANSWER_DAYS = 30
EDITABLE_STATES = frozenset({RoundState.HELD, RoundState.CONCLUDED})
MAX_TEXT = 20000


@dataclass(frozen=True)
class NoticeTexts:
    """What the notice prints, whether saved or drafted."""

    opening: str
    points: dict[int, str]
    general_directives: str
    answers_due_on: datetime.date | None
    approved: bool


def _conference_day(round_: Round) -> datetime.date | None:
    minutes = Minutes.objects.filter(round=round_).first()
    moment = (minutes.started_at if minutes else None) or round_.starts_at
    return timezone.localtime(moment).date() if moment else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _chairs_phrase(round_: Round) -> str:
    chairs = list(round_.chairs.all())
    main = [c for c in chairs if c.role == ChairRole.CHAIR] or chairs
    if not main:
        return _("Lãnh đạo %(body)s") % {"body": round_.organisation.name}
    return _(" và ").join(
        _("đồng chí %(name)s, %(title)s") % {"name": c.name, "title": c.position_title}
        for c in main
    )


def _signer_phrase(round_: Round) -> str:
    chairs = list(round_.chairs.all())
    signer = next((c for c in chairs if "ủy ban" in c.position_title.lower()), None)
    signer = signer or next(iter(chairs), None)
    if signer is None:
        return _("Lãnh đạo %(body)s") % {"body": round_.organisation.name}
    return _("đồng chí %(name)s, %(title)s") % {
        "name": signer.name,
        "title": signer.position_title,
    }


def draft_opening(round_: Round) -> str:
    """When, where, who chaired, who attended, how many opinions → "… kết luận như sau:"."""
    day = _conference_day(round_)
    when = (
        _("Ngày %(d)02d tháng %(m)s năm %(y)s")
        % {"d": day.day, "m": f"{day.month:02d}" if day.month <= 2 else day.month, "y": day.year}
        if day
        else _("Vừa qua")
    )
    invited = round_.invitees.exclude(state=InviteeState.DECLINED).count()
    present = round_.invitees.filter(state=InviteeState.PRESENT).count()
    petitions = round_.petitions.count()
    statements = round_.statements.count()
    press = round_.press_questions.count()
    parts = [
        _("%(when)s, tại %(venue)s, %(chairs)s chủ trì Hội nghị %(title)s.")
        % {
            "when": when,
            "venue": round_.venue or round_.organisation.name,
            "chairs": _chairs_phrase(round_),
            "title": _lower_first(round_.title),
        }
    ]
    if invited:
        parts.append(
            _("Tham dự hội nghị có %(present)s trên tổng số %(invited)s đại biểu được mời.")
            % {"present": present, "invited": invited}
        )
    if petitions:
        parts.append(
            _(
                "Trước hội nghị, Ủy ban MTTQ Việt Nam đã tổng hợp %(n)s ý kiến, kiến nghị của cử "
                "tri và Nhân dân."
            )
            % {"n": petitions}
        )
    if statements or press:
        parts.append(
            _(
                "Tại hội nghị có %(s)s ý kiến phát biểu trực tiếp và %(p)s câu hỏi của báo chí; "
                "lãnh đạo và các cơ quan chuyên môn đã trả lời tại chỗ."
            )
            % {"s": statements, "p": press}
        )
    parts.append(
        _("Sau khi nghe ý kiến của Nhân dân và các cơ quan, đơn vị, %(signer)s kết luận như sau:")
        % {"signer": _signer_phrase(round_)}
    )
    return " ".join(parts)


def draft_point(key: Any) -> str:
    """The chair's conclusion on one key issue: the answers given at the conference."""
    answers = [s.answer.strip() for s in key.statements if s.answer.strip()]
    if answers:
        return " ".join(dict.fromkeys(answers))
    return _(
        "Ghi nhận %(n)s ý kiến, kiến nghị của cử tri và Nhân dân về nội dung này; yêu cầu giải "
        "quyết dứt điểm, không để kéo dài."
    ) % {"n": key.issue.memberships.count()}


def draft_general_directives(round_: Round, answers_due_on: datetime.date | None) -> str:
    """Directives to the departments and the wards, one per line."""
    due = (
        _(" trước ngày %(d)s") % {"d": answers_due_on.strftime("%d/%m/%Y")}
        if answers_due_on
        else ""
    )
    lines = [
        _(
            "Các phòng, ban chuyên môn khẩn trương giải quyết, trả lời bằng văn bản các ý kiến, "
            "kiến nghị được giao tại Phụ lục kèm theo%(due)s; công khai kết quả để Nhân dân biết."
        )
        % {"due": due},
        _(
            "UBND các xã, phường phối hợp với Ủy ban MTTQ cùng cấp thông tin kết quả giải quyết "
            "đến Nhân dân trên địa bàn; kịp thời phản ánh những vướng mắc phát sinh."
        ),
    ]
    for directive in general_directives_of(round_):
        lines.append(
            _("%(text)s Giao %(who)s thực hiện, thời hạn %(d)s.")
            % {
                "text": directive.text.rstrip(". ") + ".",
                "who": directive.assignee.name,
                "d": directive.deadline.strftime("%d/%m/%Y"),
            }
        )
    lines.append(
        _(
            "Văn phòng theo dõi, đôn đốc các cơ quan, đơn vị thực hiện; tổng hợp kết quả, báo cáo "
            "lãnh đạo và thông báo đến Ủy ban MTTQ Việt Nam cùng cấp."
        )
    )
    return "\n".join(lines)


def draft_answers_due_on(round_: Round) -> datetime.date | None:
    day = _conference_day(round_) or round_.conclusion_on
    return day + datetime.timedelta(days=ANSWER_DAYS) if day else None


def notice_texts(round_: Round, keys: list[Any] | None = None) -> NoticeTexts:
    """The saved texts of the notice, the draft filling whatever was not saved."""
    notice = notice_of(round_)
    keys = key_issues(round_) if keys is None else keys
    saved = {int(k): v for k, v in (notice.points if notice else {}).items() if v.strip()}
    due = notice.answers_due_on if notice and notice.answers_due_on else None
    due = due or draft_answers_due_on(round_)
    return NoticeTexts(
        opening=(notice.opening if notice else "").strip() or draft_opening(round_),
        points={k.issue.pk: saved.get(k.issue.pk) or draft_point(k) for k in keys},
        general_directives=(notice.general_directives if notice else "").strip()
        or draft_general_directives(round_, due),
        answers_due_on=due,
        approved=bool(notice and notice.approved),
    )


def _check_editable(round_: Round, notice: ConclusionNotice) -> None:
    state = Round.objects.filter(pk=round_.pk).values_list("state", flat=True).first()
    if state not in EDITABLE_STATES:
        raise ValidationError(
            _("Chỉ soạn thông báo kết luận sau khi hội nghị đã tổ chức."), code="not_held"
        )
    if notice.approved:
        raise ValidationError(
            _("Thông báo kết luận đã được duyệt; lãnh đạo hủy duyệt thì mới sửa được."),
            code="approved",
        )


@transaction.atomic
def conclusion_notice_update(
    *,
    actor: Actor,
    round_: Round,
    opening: str | None = None,
    points: dict[int, str] | None = None,
    general_directives: str | None = None,
    answers_due_on: datetime.date | None = None,
) -> ConclusionNotice:
    """Save the chair's texts (the secretariat drafts them, the leader corrects them)."""
    deny(policies.can_edit_conclusion(actor, round_))
    notice, _created = ConclusionNotice.objects.select_for_update().get_or_create(round=round_)
    _check_editable(round_, notice)
    changed: list[str] = []
    if opening is not None:
        required(opening, _("Vui lòng nhập đoạn mở đầu của thông báo."))
        notice.opening = opening.strip()[:MAX_TEXT]
        changed.append("opening")
    if general_directives is not None:
        notice.general_directives = general_directives.strip()[:MAX_TEXT]
        changed.append("general_directives")
    if points is not None:
        allowed = {k.issue.pk for k in key_issues(round_)}
        if set(points) - allowed:
            raise ValidationError(_("Vấn đề không thuộc các nội dung đã thảo luận tại hội nghị."))
        merged = dict(notice.points)
        merged.update({str(k): v.strip()[:MAX_TEXT] for k, v in points.items()})
        notice.points = merged
        changed.append("points")
    if answers_due_on is not None:
        day = _conference_day(round_)
        if day and answers_due_on < day:
            raise ValidationError(_("Thời hạn trả lời phải sau ngày hội nghị."))
        notice.answers_due_on = answers_due_on
        changed.append("answers_due_on")
    if changed:
        notice.save(update_fields=[*changed, "updated_at"])
        event_record(
            actor=actor,
            obj=round_,
            action=DialogueEvents.CONCLUSION_NOTICE_UPDATE,
            after={"fields": changed},
        )
    return notice


@transaction.atomic
def conclusion_notice_approve(*, actor: Actor, round_: Round) -> ConclusionNotice:
    """The leader approves the notice; texts never saved are saved as drafted, then locked."""
    deny(policies.can_approve_conclusion(actor, round_))
    notice, _created = ConclusionNotice.objects.select_for_update().get_or_create(round=round_)
    _check_editable(round_, notice)
    texts = notice_texts(round_)
    notice.opening = texts.opening
    notice.points = {str(k): v for k, v in texts.points.items()}
    notice.general_directives = texts.general_directives
    notice.answers_due_on = texts.answers_due_on
    notice.approved_at = timezone.now()
    notice.approved_by = acting_user(actor)
    notice.save(
        update_fields=[
            "opening",
            "points",
            "general_directives",
            "answers_due_on",
            "approved_at",
            "approved_by",
            "updated_at",
        ]
    )
    event_record(actor=actor, obj=round_, action=DialogueEvents.CONCLUSION_NOTICE_APPROVE)
    return notice


@transaction.atomic
def conclusion_notice_unapprove(
    *, actor: Actor, round_: Round, reason: str = ""
) -> ConclusionNotice:
    """The leader withdraws the approval so that the texts can be edited again."""
    deny(policies.can_approve_conclusion(actor, round_))
    notice = ConclusionNotice.objects.select_for_update().filter(round=round_).first()
    if notice is None or not notice.approved:
        raise ValidationError(_("Thông báo kết luận chưa được duyệt."), code="not_approved")
    before = notice.approved_at.isoformat() if notice.approved_at else ""
    notice.approved_at = None
    notice.approved_by = None
    notice.save(update_fields=["approved_at", "approved_by", "updated_at"])
    event_record(
        actor=actor,
        obj=round_,
        action=DialogueEvents.CONCLUSION_NOTICE_UNAPPROVE,
        before={"approved_at": before},
        reason=reason.strip()[:500],
    )
    return notice
