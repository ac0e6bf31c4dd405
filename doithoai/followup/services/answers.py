"""Answers: the department drafts, its head approves or returns, the leader approves where the
unit requires it (FollowupSetting), and the secretariat publishes — only an approved answer."""

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.models import Role
from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.privacy import personal_data_findings
from doithoai.core.states import transition
from doithoai.followup import policies
from doithoai.followup.choices import ANSWER_TRANSITIONS, AnswerState, AssignmentState
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import (
    Answer,
    AnswerFile,
    AnswerTemplate,
    Assignment,
)
from doithoai.followup.services.common import (
    issue_title_confirmed,
    move_issue,
    notify_petitioners,
    setting_for,
    staff_in_unit,
    staff_of,
    subject_petitions,
    title_of,
)
from doithoai.notify.services import message_to_staff
from doithoai.petitions.attachments import CheckedFile
from doithoai.synthesis.models import IssueState
from doithoai.synthesis.services import issue_title_set
from doithoai.units.models import Organisation

MIN_ANSWER = 10


def leader_approval_required(assignment: Assignment) -> bool:
    """Answers go out in the name of the People's Committee that runs the round (or of the
    petition's unit): its leader approves them unless its `FollowupSetting` says otherwise."""
    setting = setting_for(assignment)
    return True if setting is None else setting.leader_approval_required


def _publication_problems(answer: Answer, *, title: bool = True) -> list[str]:
    """Why an approved answer may not reach the public yet (empty: it may); `title=False`
    leaves out the issue's title, which the publish step lets the publisher confirm."""
    problems = []
    if answer.approved_by_id is None:
        problems.append(_("Trả lời chưa được người có thẩm quyền xác nhận."))
    findings = personal_data_findings(answer.text)
    if findings:
        listed = "; ".join(f"{f.message}: “{f.fragment}”" for f in findings)
        problems.append(
            _("Trả lời còn thông tin cá nhân, cần sửa trước khi công khai: %(list)s.")
            % {"list": listed}
        )
    issue = answer.assignment.issue
    if title and issue is not None and not issue_title_confirmed(issue):
        problems.append(_("Tiêu đề vấn đề chưa được xác nhận để công khai."))
    return problems


def publication_problems(answer: Answer, *, title: bool = True) -> list[str]:
    return _publication_problems(answer, title=title)


def _link(answer: Answer) -> str:
    return f"{settings.DOITHOAI_PUBLIC_URL}/staff/theo-doi/giao/{answer.assignment_id}/"


def _move(*, actor: Actor, answer: Answer, to_state: str, remark: str = "") -> None:
    fields = ["updated_at"]
    if to_state == AnswerState.RETURNED:
        answer.remark = remark
        fields.append("remark")
    if to_state in (AnswerState.APPROVED, AnswerState.HEAD_APPROVED):
        answer.approved_by = acting_user(actor)
        fields.append("approved_by")
    if to_state == AnswerState.PUBLISHED:
        answer.published_at = timezone.now()
        fields.append("published_at")
    transition(
        answer,
        to_state,
        actor=actor,
        table=ANSWER_TRANSITIONS,
        action=FollowupEvents.ANSWER_STATE,
        fields=fields,
        reason=remark,
    )


@transaction.atomic
def answer_draft(
    *,
    actor: Actor,
    assignment: Assignment,
    text: str,
    files: Sequence[CheckedFile] = (),
    answer: Answer | None = None,
) -> Answer:
    """Create or edit a draft answer (text, documents, photos of the work done)."""
    text = (text or "").strip()
    if answer is not None:
        if answer.assignment_id != assignment.pk or not policies.can_edit_answer(actor, answer):
            raise PermissionDenied(_("Bạn không được sửa trả lời này."))
    elif not policies.can_draft(actor, assignment):
        raise PermissionDenied(_("Bạn không có quyền soạn trả lời cho việc này."))
    if len(text) < MIN_ANSWER:
        raise ValidationError({"text": _("Nội dung trả lời cần ít nhất 10 ký tự.")})
    if answer is None:
        answer = Answer.objects.create(
            assignment=assignment, text=text, drafted_by=acting_user(actor)
        )
        event_record(actor=actor, obj=answer, action=FollowupEvents.ANSWER_DRAFTED)
    else:
        before = answer.text
        answer.text = text
        answer.save(update_fields=["text", "updated_at"])
        # The text before each edit stays in the events: a returned draft keeps its history.
        event_record(
            actor=actor,
            obj=answer,
            action=FollowupEvents.ANSWER_EDITED,
            before={"text": before, "state": answer.state},
            after={"text": text},
        )
    for checked in files:
        stored = AnswerFile(
            answer=answer,
            original_name=checked.name[:200],
            content_type=checked.content_type,
            size=len(checked.data),
        )
        stored.file.save(checked.name, ContentFile(checked.data), save=False)
        stored.save()
    return answer


@transaction.atomic
def answer_submit(*, actor: Actor, answer: Answer) -> Answer:
    """The officer sends the draft to the department head."""
    if not policies.can_move_answer(actor, answer, AnswerState.SUBMITTED):
        raise PermissionDenied(_("Bạn không thể trình trả lời này."))
    _move(actor=actor, answer=answer, to_state=AnswerState.SUBMITTED)
    message_to_staff(
        actor=actor,
        users=staff_of(answer.assignment.lead_id, Role.DEPARTMENT_HEAD),
        key="staff_approval",
        context={"title": title_of(answer.assignment), "link": _link(answer)},
        about=f"answer:{answer.pk}",
    )
    return answer


@transaction.atomic
def answer_decide(*, actor: Actor, answer: Answer, approve: bool, remark: str = "") -> Answer:
    """The head (then the leader, where required) approves, or returns with a remark."""
    head = policies.can_head_decide(actor, answer)
    if not head and not policies.can_leader_decide(actor, answer):
        raise PermissionDenied(_("Bạn không có quyền duyệt trả lời này."))
    if not approve:
        if not remark.strip():
            raise ValidationError({"remark": _("Cần ghi ý kiến khi trả lại dự thảo.")})
        _move(actor=actor, answer=answer, to_state=AnswerState.RETURNED, remark=remark.strip())
        return answer
    needs_leader = head and leader_approval_required(answer.assignment)
    to_state = AnswerState.HEAD_APPROVED if needs_leader else AnswerState.APPROVED
    _move(actor=actor, answer=answer, to_state=to_state)
    if needs_leader:
        unit_id = policies.assignment_unit_id(answer.assignment)
        message_to_staff(
            actor=actor,
            users=staff_in_unit(unit_id, Role.LEADER),
            key="staff_approval",
            context={"title": title_of(answer.assignment), "link": _link(answer)},
            about=f"answer:{answer.pk}",
        )
    return answer


@transaction.atomic
def answer_publish(*, actor: Actor, answer: Answer, title: str | None = None) -> Answer:
    """Send an approved answer to the petitioners and show it on the public board — only when a
    person approved it, the personal-data check finds nothing in it and the issue's title is
    confirmed. `title`, given on the publish step, is the publisher's confirmed (maybe edited)
    title, saved through synthesis' `issue_title_set` in the same transaction."""
    if not policies.can_publish(actor, answer):
        raise PermissionDenied(_("Chỉ trả lời đã được duyệt mới được gửi và công khai."))
    issue = answer.assignment.issue
    if title is not None and issue is not None:
        issue_title_set(actor=actor, issue=issue, title=title, confirm=True)
    problems = _publication_problems(answer)
    if problems:
        raise ValidationError(problems)
    _move(actor=actor, answer=answer, to_state=AnswerState.PUBLISHED)
    assignment = answer.assignment
    assignment.state = AssignmentState.CLOSED
    assignment.save(update_fields=["state"])
    if assignment.issue is not None and assignment.issue.state == IssueState.ASSIGNED:
        move_issue(actor=actor, issue=assignment.issue, to_state=IssueState.ANSWERED)
    notify_petitioners(
        actor=actor,
        petitions=subject_petitions(assignment),
        key="petition_answered",
        context={"answer": answer.text},
    )
    return answer


@transaction.atomic
def answer_template_save(
    *,
    actor: Actor,
    title: str,
    text: str,
    organisation: Organisation | None = None,
    template: AnswerTemplate | None = None,
) -> AnswerTemplate:
    """Save an answer as a reusable template of a department (its officers and head)."""
    if organisation is None or organisation.pk not in policies.department_ids(actor):
        raise PermissionDenied(_("Bạn chỉ lưu mẫu trả lời cho phòng, ban của mình."))
    if not title.strip() or len(text.strip()) < MIN_ANSWER:
        raise ValidationError(_("Mẫu cần có tên và nội dung."))
    if template is None:
        template = AnswerTemplate.objects.create(
            title=title.strip()[:200],
            text=text.strip(),
            organisation=organisation,
            created_by=acting_user(actor),
        )
    else:
        template.title, template.text = title.strip()[:200], text.strip()
        template.save(update_fields=["title", "text"])
    event_record(actor=actor, obj=template, action=FollowupEvents.ANSWER_TEMPLATE_SAVED)
    return template
