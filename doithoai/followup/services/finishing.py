"""Finishing an issue: resolved (note, evidence, petitioners told), verified by the MTTQ, closed.

The steps and the states each may start from are `choices.ISSUE_STEPS`; every state change goes
through `common.move_issue` (the table `choices.ISSUE_TRANSITIONS`) and writes one event.
Closed means: resolved, the petitioners informed, and verified by the MTTQ where the unit's
`FollowupSetting.mttq_verification_required` (on unless switched off) asks for it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.followup import policies
from doithoai.followup.choices import ISSUE_TRANSITIONS, RemarkKind, Verification
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import IssueResolution, SupervisionRemark
from doithoai.followup.services.common import (
    issue_petitions,
    issue_setting,
    move_issue,
    notify_petitioners,
)
from doithoai.followup.services.supervision import reopen_issue
from doithoai.petitions.attachments import CheckedFile
from doithoai.synthesis.models import Issue, IssueState

MIN_NOTE = 10


def latest_resolution(issue: Issue) -> IssueResolution | None:
    return IssueResolution.objects.filter(issue=issue).order_by("-id").first()


def verification_required(issue: Issue) -> bool:
    setting = issue_setting(issue)
    return True if setting is None else setting.mttq_verification_required


def close_problems(issue: Issue) -> list[str]:
    """What still keeps a resolved issue from being closed (empty: it may be closed)."""
    if not ISSUE_TRANSITIONS.allows(issue.state, IssueState.CLOSED):
        return [_("Chỉ vấn đề đã giải quyết mới được kết thúc.")]
    resolution = latest_resolution(issue)
    problems = []
    if resolution is None or resolution.informed_at is None:
        problems.append(_("Chưa thông báo kết quả giải quyết cho người gửi."))
    if verification_required(issue) and (
        resolution is None or resolution.verification != Verification.VERIFIED
    ):
        problems.append(_("Mặt trận Tổ quốc chưa xác nhận kết quả giải quyết."))
    return problems


@transaction.atomic
def issue_resolve(
    *, actor: Actor, issue: Issue, note: str = "", evidence: CheckedFile | None = None
) -> IssueResolution:
    """Record that an answered issue is resolved, with what was done and optional evidence; the
    petitioners are told (which is what "informed" means for closing)."""
    if not policies.can_resolve(actor, issue):
        raise PermissionDenied(_("Bạn không thể ghi nhận vấn đề này đã giải quyết."))
    note = (note or "").strip()
    if len(note) < MIN_NOTE:
        raise ValidationError(
            {"note": _("Cần ghi kết quả giải quyết (ít nhất 10 ký tự) để Mặt trận xác nhận.")}
        )
    now = timezone.now()
    resolution = IssueResolution(
        issue=issue, note=note, resolved_by=acting_user(actor), informed_at=now
    )
    if evidence is not None:
        resolution.evidence.save(evidence.name, ContentFile(evidence.data), save=False)
        resolution.evidence_name = evidence.name[:200]
    resolution.save()
    move_issue(actor=actor, issue=issue, to_state=IssueState.RESOLVED, reason=note)
    petitions = issue_petitions(issue)
    petitions.update(resolved_at=now)
    notify_petitioners(actor=actor, petitions=petitions, key="petition_resolved", context={})
    event_record(
        actor=actor,
        obj=issue,
        action=FollowupEvents.FOLLOWUP_RESOLVED,
        after={"resolution": resolution.pk, "evidence": bool(evidence)},
        reason=note,
    )
    return resolution


def _close(*, actor: Actor, issue: Issue, reason: str = "") -> None:
    problems = close_problems(issue)
    if problems:
        raise ValidationError(problems)
    move_issue(actor=actor, issue=issue, to_state=IssueState.CLOSED, reason=reason)


@transaction.atomic
def issue_verify(*, actor: Actor, issue: Issue, agree: bool, reason: str = "") -> Issue:
    """The MTTQ records its verification of a resolved issue, with a remark. Verified: the issue
    closes (the petitioners were told when it was resolved). Not verified: a remark is required
    and the issue goes back to its department with a fresh deadline."""
    if not policies.can_verify_issue(actor, issue):
        raise PermissionDenied(_("Bạn không có quyền xác nhận kết quả giải quyết vấn đề này."))
    reason = (reason or "").strip()
    if not agree and not reason:
        raise ValidationError({"reason": _("Cần ghi lý do xác nhận chưa giải quyết.")})
    resolution = latest_resolution(issue)
    if resolution is None:  # resolved before resolutions were recorded
        resolution = IssueResolution.objects.create(
            issue=issue, note=_("(không ghi)"), informed_at=timezone.now()
        )
    resolution.verification = Verification.VERIFIED if agree else Verification.NOT_VERIFIED
    resolution.verification_remark = reason
    resolution.verified_by, resolution.verified_at = acting_user(actor), timezone.now()
    resolution.save(
        update_fields=["verification", "verification_remark", "verified_by", "verified_at"]
    )
    SupervisionRemark.objects.create(
        issue=issue,
        kind=RemarkKind.VERIFIED if agree else RemarkKind.REOPENED,
        text=reason or _("Đồng ý kết quả giải quyết."),
        author=acting_user(actor),
    )
    event_record(
        actor=actor,
        obj=issue,
        action=FollowupEvents.FOLLOWUP_VERIFIED if agree else FollowupEvents.FOLLOWUP_NOT_VERIFIED,
        after={"resolution": resolution.pk},
        reason=reason,
    )
    if agree:
        _close(actor=actor, issue=issue, reason=reason)
    else:
        reopen_issue(actor=actor, issue=issue, reason=reason)
    return issue


@transaction.atomic
def issue_close(*, actor: Actor, issue: Issue, reason: str = "") -> Issue:
    """The secretariat closes a resolved issue whose petitioners were told and which the MTTQ
    verified where that is required (`close_problems` lists what is missing)."""
    if not policies.can_close(actor, issue):
        raise PermissionDenied(_("Bạn không có quyền kết thúc vấn đề này."))
    _close(actor=actor, issue=issue, reason=(reason or "").strip())
    return issue
