"""MTTQ supervision: remarks, verification of directives (issues: `finishing.py`), and a
petitioner's "the answer did not solve it", which reopens the issue for review."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.dialogues.models import Directive, DirectiveState
from doithoai.followup import policies
from doithoai.followup.calendar import add_working_days, time_limit_days
from doithoai.followup.choices import AssignmentState, RemarkKind
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import Assignment, SupervisionRemark
from doithoai.followup.services.common import issue_petitions, move_issue, today
from doithoai.followup.services.directives import move_directive
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState

REOPENABLE = (IssueState.ANSWERED, IssueState.IN_PROGRESS, IssueState.RESOLVED, IssueState.CLOSED)


def reopen_issue(*, actor: Actor, issue: Issue, reason: str) -> None:
    """Back to the department: the latest assignment becomes active with a fresh deadline."""
    move_issue(actor=actor, issue=issue, to_state=IssueState.ASSIGNED, reason=reason)
    latest = Assignment.objects.filter(issue=issue, lead__isnull=False).first()
    petitions = issue_petitions(issue)
    if latest is not None:
        latest.state = AssignmentState.ACTIVE
        latest.due_on = add_working_days(today(), time_limit_days(latest.time_limit_key))
        latest.save(update_fields=["state", "due_on"])
        petitions.update(due_on=latest.due_on)
    petitions.update(resolved_at=None)


@transaction.atomic
def supervision_remark_add(
    *, actor: Actor, text: str, issue: Issue | None = None, directive: Directive | None = None
) -> SupervisionRemark:
    unit_id = (
        policies.issue_unit_id(issue)
        if issue is not None
        else (directive.round.unit_id if directive is not None else None)
    )
    if not policies.can_supervise(actor, unit_id):
        raise PermissionDenied(_("Chỉ Mặt trận Tổ quốc cấp này được ghi ý kiến giám sát."))
    if not text.strip():
        raise ValidationError({"text": _("Cần ghi nội dung ý kiến giám sát.")})
    remark = SupervisionRemark.objects.create(
        issue=issue, directive=directive, text=text.strip(), author=acting_user(actor)
    )
    target: Any = issue if issue is not None else directive
    event_record(
        actor=actor,
        obj=target,
        action=FollowupEvents.SUPERVISION_REMARK,
        after={"remark": remark.pk},
    )
    return remark


@transaction.atomic
def directive_verify(*, actor: Actor, directive: Directive, agree: bool, reason: str = "") -> None:
    if not policies.can_verify_directive(actor, directive):
        raise PermissionDenied(_("Bạn không có quyền xác nhận kết quả thực hiện chỉ đạo này."))
    if not agree and not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do đề nghị mở lại.")})
    SupervisionRemark.objects.create(
        directive=directive,
        kind=RemarkKind.VERIFIED if agree else RemarkKind.REOPENED,
        text=reason.strip() or _("Đồng ý kết quả thực hiện."),
        author=acting_user(actor),
    )
    to_state = DirectiveState.VERIFIED if agree else DirectiveState.REOPENED
    move_directive(actor=actor, directive=directive, to_state=to_state, reason=reason)


def can_petitioner_reopen(petition: Petition) -> bool:
    link = getattr(petition, "issue_link", None)
    return link is not None and link.issue.state in REOPENABLE


@transaction.atomic
def petitioner_reopen(*, petition: Petition, reason: str) -> SupervisionRemark:
    """The petitioner (public lookup, by tracking code) says the answer did not solve it."""
    if petition.is_denunciation or not can_petitioner_reopen(petition):
        raise ValidationError(_("Kiến nghị này chưa có trả lời để phản hồi."))
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Vui lòng cho biết vì sao vấn đề chưa được giải quyết.")}
        )
    issue = petition.issue_link.issue
    remark = SupervisionRemark.objects.create(
        issue=issue, petition=petition, kind=RemarkKind.PETITIONER, text=reason[:2000]
    )
    event_record(
        actor=None,
        obj=issue,
        action=FollowupEvents.FOLLOWUP_PETITIONER_REOPEN,
        after={"remark": remark.pk},
    )
    reopen_issue(actor=None, issue=issue, reason=_("Người gửi phản hồi chưa được giải quyết."))
    return remark
