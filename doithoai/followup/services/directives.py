"""Directives (chỉ đạo) to resolution: progress with evidence, completion, extensions.

`dialogues.Directive` is shared; its `state`, `deadline` and `completed_at` change only here.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.dialogues.models import Directive, DirectiveState
from doithoai.followup import policies
from doithoai.followup.choices import (
    DIRECTIVE_TRANSITIONS,
    EXTENSION_TRANSITIONS,
    ISSUE_TRANSITIONS,
    ExtensionState,
)
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import DirectiveUpdate, ExtensionRequest
from doithoai.followup.services.common import move_issue
from doithoai.petitions.attachments import CheckedFile
from doithoai.synthesis.models import IssueState


def move_directive(*, actor: Actor, directive: Directive, to_state: str, reason: str = "") -> None:
    fields = []
    if to_state == DirectiveState.DONE:
        directive.completed_at = timezone.now()
        fields.append("completed_at")
    elif to_state == DirectiveState.REOPENED:
        directive.completed_at = None
        fields.append("completed_at")
    transition(
        directive,
        to_state,
        actor=actor,
        table=DIRECTIVE_TRANSITIONS,
        action=FollowupEvents.DIRECTIVE_STATE,
        fields=fields,
        reason=reason,
    )
    issue = directive.issue
    if (
        issue is not None
        and to_state == DirectiveState.IN_PROGRESS
        and ISSUE_TRANSITIONS.allows(issue.state, IssueState.IN_PROGRESS)
    ):
        move_issue(actor=actor, issue=issue, to_state=IssueState.IN_PROGRESS)


@transaction.atomic
def directive_progress_add(
    *,
    actor: Actor,
    directive: Directive,
    text: str,
    percent: int,
    evidence: CheckedFile | None = None,
) -> DirectiveUpdate:
    """The assignee reports progress (with a photo or document as evidence)."""
    if not policies.can_report_progress(actor, directive):
        raise PermissionDenied(_("Bạn không có quyền báo cáo tiến độ chỉ đạo này."))
    if not text.strip():
        raise ValidationError({"text": _("Cần ghi nội dung tiến độ.")})
    if not 0 <= percent <= 100:
        raise ValidationError({"percent": _("Tỷ lệ hoàn thành phải từ 0 đến 100.")})
    update = DirectiveUpdate(
        directive=directive, text=text.strip(), percent=percent, author=acting_user(actor)
    )
    if evidence is not None:
        update.evidence.save(evidence.name, ContentFile(evidence.data), save=False)
        update.evidence_name = evidence.name[:200]
    update.save()
    event_record(
        actor=actor,
        obj=directive,
        action=FollowupEvents.DIRECTIVE_PROGRESS,
        after={"percent": percent},
    )
    if directive.state != DirectiveState.IN_PROGRESS:
        move_directive(actor=actor, directive=directive, to_state=DirectiveState.IN_PROGRESS)
    return update


@transaction.atomic
def directive_complete(*, actor: Actor, directive: Directive, text: str) -> Directive:
    """The assignee reports the directive done; the MTTQ verifies it afterwards."""
    if not policies.can_report_progress(actor, directive):
        raise PermissionDenied(_("Bạn không có quyền báo cáo hoàn thành chỉ đạo này."))
    if not text.strip():
        raise ValidationError({"text": _("Cần ghi kết quả thực hiện.")})
    DirectiveUpdate.objects.create(
        directive=directive, text=text.strip(), percent=100, author=acting_user(actor)
    )
    move_directive(actor=actor, directive=directive, to_state=DirectiveState.DONE, reason=text)
    return directive


@transaction.atomic
def directive_extension_request(
    *, actor: Actor, directive: Directive, until: datetime.date, reason: str
) -> ExtensionRequest:
    if not policies.can_report_progress(actor, directive):
        raise PermissionDenied(_("Bạn không có quyền xin gia hạn chỉ đạo này."))
    if until <= directive.deadline:
        raise ValidationError({"until": _("Ngày xin gia hạn phải sau thời hạn hiện tại.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Cần ghi lý do xin gia hạn.")})
    request = ExtensionRequest.objects.create(
        directive=directive,
        old_deadline=directive.deadline,
        requested_deadline=until,
        reason=reason.strip(),
        requested_by=acting_user(actor),
    )
    move_directive(
        actor=actor, directive=directive, to_state=DirectiveState.EXTENSION_REQUESTED, reason=reason
    )
    return request


@transaction.atomic
def directive_extension_decide(
    *, actor: Actor, request: ExtensionRequest, approve: bool, note: str = ""
) -> ExtensionRequest:
    """A leader of the level approves (the deadline moves) or refuses an extension."""
    directive = request.directive
    to_state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
    if not (
        EXTENSION_TRANSITIONS.allows(request.state, to_state)
        and policies.can_decide_extension(actor, directive)
    ):
        raise PermissionDenied(_("Bạn không có quyền quyết định gia hạn này."))
    if approve:
        directive.deadline = request.requested_deadline
        directive.save(update_fields=["deadline"])
    request.decided_by, request.decision_note = acting_user(actor), note.strip()
    transition(
        request,
        to_state,
        actor=actor,
        table=EXTENSION_TRANSITIONS,
        action=FollowupEvents.DIRECTIVE_EXTENSION,
        subject=directive,
        fields=["decided_by", "decision_note"],
        before={"deadline": request.old_deadline.isoformat()},
        after={"deadline": directive.deadline.isoformat(), "approved": approve},
        reason=note,
    )
    move_directive(actor=actor, directive=directive, to_state=DirectiveState.IN_PROGRESS)
    return request
