"""Assign an issue or a petition to a lead department, or forward it to the competent body."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.followup import policies
from doithoai.followup.calendar import add_working_days, time_limit_days
from doithoai.followup.choices import TRANSFER_KEY, AnswerState, AssignmentState
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import Answer, Assignment
from doithoai.followup.services.common import (
    department_staff,
    issue_petitions,
    main_legal_kind,
    move_issue,
    notify_petitioners,
    title_of,
    today,
)
from doithoai.notify.services import message_to_staff
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState
from doithoai.units.models import Organisation


def _check_due(due_on: datetime.date | None, key: str) -> datetime.date:
    if due_on is None:
        return add_working_days(today(), time_limit_days(key))
    if due_on < today():
        raise ValidationError({"due_on": _("Hạn giải quyết không được trước ngày hôm nay.")})
    return due_on


def _close_active(*, issue: Issue | None, petition: Petition | None) -> None:
    found = Assignment.objects.filter(state__in=[AssignmentState.ACTIVE, AssignmentState.FORWARDED])
    found = found.filter(issue=issue) if issue is not None else found.filter(petition=petition)
    for old in found:
        old.state = AssignmentState.CLOSED
        old.save(update_fields=["state"])


def _create(
    *,
    actor: Actor,
    issue: Issue | None,
    petition: Petition | None,
    lead: Organisation | None,
    cooperating: Iterable[Organisation],
    due_on: datetime.date | None,
    key: str,
    forwarded_to: str = "",
    reason: str = "",
) -> Assignment:
    helpers = [o for o in cooperating if lead is None or o.pk != lead.pk]
    due = _check_due(due_on, key)
    _close_active(issue=issue, petition=petition)
    assignment = Assignment.objects.create(
        issue=issue,
        petition=petition,
        lead=lead,
        due_on=due,
        time_limit_key=key,
        state=AssignmentState.FORWARDED if forwarded_to else AssignmentState.ACTIVE,
        forwarded_to=forwarded_to,
        reason=reason,
        assigned_by=acting_user(actor),
    )
    assignment.cooperating.set(helpers)
    petitions = (
        issue_petitions(issue)
        if issue is not None
        else Petition.objects.filter(pk=petition.pk if petition else 0)
    )
    petitions.update(assigned_to=lead, due_on=due, forwarded_to=forwarded_to, resolved_at=None)
    subject: Any = issue if issue is not None else petition
    event_record(
        actor=actor,
        obj=subject,
        action=FollowupEvents.FOLLOWUP_FORWARDED
        if forwarded_to
        else FollowupEvents.FOLLOWUP_ASSIGNED,
        after={
            "assignment": assignment.pk,
            "lead": lead.pk if lead else None,
            "cooperating": [o.pk for o in helpers],
            "due_on": due.isoformat(),
            "forwarded_to": forwarded_to,
        },
        reason=reason,
    )
    if issue is not None:
        if lead is not None and issue.department_id != lead.pk:
            issue.department = lead
            issue.save(update_fields=["department", "updated_at"])
        if issue.state != IssueState.ASSIGNED or forwarded_to:
            move_issue(actor=actor, issue=issue, to_state=IssueState.ASSIGNED, reason=reason)
    return assignment


def _notify(actor: Actor, assignment: Assignment, petitions: Any) -> None:
    name = assignment.lead.name if assignment.lead else assignment.forwarded_to
    due = assignment.due_on.strftime("%d/%m/%Y")
    if assignment.lead is not None:
        title = title_of(assignment)
        message_to_staff(
            actor=actor,
            users=department_staff(assignment.lead_id),
            key="staff_assigned",
            context={
                "title": title,
                "organisation": name,
                "due": due,
                "link": f"{settings.DOITHOAI_PUBLIC_URL}/staff/theo-doi/giao/{assignment.pk}/",
            },
            about=f"assignment:{assignment.pk}",
        )
    key = "petition_forwarded" if assignment.forwarded_to else "petition_assigned"
    notify_petitioners(
        actor=actor, petitions=petitions, key=key, context={"organisation": name, "due": due}
    )


def _lead_ok(lead: Organisation) -> None:
    if not lead.active:
        raise ValidationError({"lead": _("Cơ quan này không còn hoạt động.")})


@transaction.atomic
def issue_assign(
    *,
    actor: Actor,
    issue: Issue,
    lead: Organisation,
    cooperating: Iterable[Organisation] = (),
    due_on: datetime.date | None = None,
    reason: str = "",
) -> Assignment:
    """Give an issue to a lead department (and co-operating ones) with a working-day deadline."""
    if not policies.can_assign(actor, issue):
        raise PermissionDenied(_("Bạn không có quyền giao giải quyết vấn đề này."))
    _lead_ok(lead)
    key = main_legal_kind(issue_petitions(issue))
    assignment = _create(
        actor=actor,
        issue=issue,
        petition=None,
        lead=lead,
        cooperating=cooperating,
        due_on=due_on,
        key=key,
        reason=reason,
    )
    _notify(actor, assignment, issue_petitions(issue))
    return assignment


@transaction.atomic
def petition_assign(
    *,
    actor: Actor,
    petition: Petition,
    lead: Organisation,
    cooperating: Iterable[Organisation] = (),
    due_on: datetime.date | None = None,
) -> Assignment:
    """Give a single petition (not grouped in an issue) to a lead department."""
    if not policies.can_assign_petition(actor, petition):
        raise PermissionDenied(_("Bạn không có quyền giao giải quyết kiến nghị này."))
    if hasattr(petition, "issue_link"):
        raise ValidationError(_("Kiến nghị đã thuộc một vấn đề: hãy giao vấn đề đó."))
    _lead_ok(lead)
    assignment = _create(
        actor=actor,
        issue=None,
        petition=petition,
        lead=lead,
        cooperating=cooperating,
        due_on=due_on,
        key=petition.legal_kind,
    )
    _notify(actor, assignment, Petition.objects.filter(pk=petition.pk))
    return assignment


@transaction.atomic
def assignment_forward(
    *,
    actor: Actor,
    to_body: str,
    reason: str,
    issue: Issue | None = None,
    petition: Petition | None = None,
    due_on: datetime.date | None = None,
) -> Assignment:
    """Forward to the competent body outside the unit, with a reason and the transfer limit."""
    allowed = (
        policies.can_assign(actor, issue)
        if issue is not None
        else petition is not None and policies.can_assign_petition(actor, petition)
    )
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền chuyển kiến nghị này."))
    to_body, reason = to_body.strip(), reason.strip()
    if not to_body or not reason:
        raise ValidationError(_("Cần ghi rõ cơ quan có thẩm quyền và lý do chuyển."))
    assignment = _create(
        actor=actor,
        issue=issue,
        petition=petition,
        lead=None,
        cooperating=(),
        due_on=due_on,
        key=TRANSFER_KEY,
        forwarded_to=to_body[:200],
        reason=reason,
    )
    petitions = (
        issue_petitions(issue) if issue is not None else Petition.objects.filter(pk=petition.pk)  # type: ignore[union-attr]
    )
    _notify(actor, assignment, petitions)
    return assignment


@transaction.atomic
def forwarded_reply_record(*, actor: Actor, assignment: Assignment, text: str) -> Answer:
    """The secretariat records the competent body's reply; it becomes an approved answer."""
    subject_ok = (
        policies.can_assign(actor, assignment.issue)
        if assignment.issue is not None
        else policies.can_assign_petition(actor, assignment.petition)
    )
    if assignment.state != AssignmentState.FORWARDED or not subject_ok:
        raise PermissionDenied(_("Bạn không có quyền ghi nhận trả lời cho việc chuyển này."))
    if len(text.strip()) < 10:
        raise ValidationError({"text": _("Nội dung trả lời quá ngắn.")})
    answer = Answer.objects.create(
        assignment=assignment,
        text=text.strip(),
        state=AnswerState.APPROVED,
        drafted_by=acting_user(actor),
        approved_by=acting_user(actor),
    )
    event_record(actor=actor, obj=answer, action=FollowupEvents.ANSWER_FORWARDED_REPLY)
    return answer
