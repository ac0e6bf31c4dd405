"""The follow-up API (staff, token or session): assignments, answers, directive progress."""

import datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from doithoai.accounts.api_auth import staff_auth
from doithoai.core.api import InputSchema
from doithoai.followup import policies, selectors, services
from doithoai.followup.models import Answer, Assignment
from doithoai.synthesis.models import Issue
from doithoai.units.models import Organisation

router = Router(tags=["followup"], auth=staff_auth())


class AssignmentOut(Schema):
    id: int
    issue: int | None
    petition_code: str | None
    lead: str | None
    cooperating: list[str]
    due_on: datetime.date
    state: str
    forwarded_to: str
    overdue: bool


class AssignIn(InputSchema):
    lead: int
    cooperating: list[int] = []
    due_on: datetime.date | None = None


class ForwardIn(InputSchema):
    to_body: str
    reason: str


class AnswerIn(InputSchema):
    text: str


class AnswerOut(Schema):
    id: int
    assignment: int
    text: str
    state: str
    remark: str


class DecideIn(InputSchema):
    approve: bool
    remark: str = ""


class ProgressIn(InputSchema):
    text: str
    percent: int


class ProgressOut(Schema):
    directive: int
    state: str
    percent: int


def _assignment_out(a: Assignment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "issue": a.issue_id,
        "petition_code": a.petition.code if a.petition is not None else None,
        "lead": a.lead.name if a.lead else None,
        "cooperating": [o.name for o in a.cooperating.all()],
        "due_on": a.due_on,
        "state": a.state,
        "forwarded_to": a.forwarded_to,
        "overdue": selectors.assignment_overdue(a),
    }


def _answer_out(a: Answer) -> dict[str, Any]:
    return {
        "id": a.pk,
        "assignment": a.assignment_id,
        "text": a.text,
        "state": a.state,
        "remark": a.remark,
    }


def _issue(request: HttpRequest, issue_id: int) -> Issue:
    issue = Issue.objects.select_related("round").filter(pk=issue_id).first()
    if issue is None or not policies.can_view_issue_followup(request.user, issue):
        raise Http404
    return issue


@router.get("/assignments", response=list[AssignmentOut])
def assignment_list(request: HttpRequest) -> list[dict[str, Any]]:
    qs = selectors.assignments_visible_to(user=request.user).prefetch_related("cooperating")
    return [_assignment_out(a) for a in qs[:500]]


@router.post("/issues/{issue_id}/assign", response={201: AssignmentOut})
def assign(request: HttpRequest, issue_id: int, body: AssignIn) -> Status:
    issue = _issue(request, issue_id)
    lead = get_object_or_404(Organisation, pk=body.lead)
    helpers = list(Organisation.objects.filter(pk__in=body.cooperating))
    a = services.issue_assign(
        actor=request.user, issue=issue, lead=lead, cooperating=helpers, due_on=body.due_on
    )
    return Status(201, _assignment_out(a))


class BulkAssignIn(InputSchema):
    issues: list[int]


class SkippedOut(Schema):
    issue: int
    reason: str


class BulkAssignOut(Schema):
    assigned: list[AssignmentOut]
    skipped: list[SkippedOut]


@router.post("/issues/assign-suggested", response=BulkAssignOut)
def assign_suggested(request: HttpRequest, body: BulkAssignIn) -> dict[str, Any]:
    """Assign the issues to their suggested departments; the others are listed as skipped."""
    issues = selectors.issues_for_bulk(user=request.user, issue_ids=body.issues[:600])
    found = {i.pk for i in issues}
    result = services.issues_assign_suggested(actor=request.user, issues=issues)
    skipped = [{"issue": s.issue.pk, "reason": s.reason} for s in result.skipped]
    skipped += [
        {"issue": pk, "reason": _("không tìm thấy")} for pk in body.issues if pk not in found
    ]
    return {"assigned": [_assignment_out(a) for a in result.assigned], "skipped": skipped}


class IssueStepIn(InputSchema):
    text: str = ""


class IssueStepOut(Schema):
    id: int
    state: str


@router.post("/issues/{issue_id}/resolve", response=IssueStepOut)
def resolve(request: HttpRequest, issue_id: int, body: IssueStepIn) -> dict[str, Any]:
    issue = _issue(request, issue_id)
    services.issue_resolve(actor=request.user, issue=issue, note=body.text)
    return {"id": issue.pk, "state": issue.state}


class VerifyIn(InputSchema):
    verified: bool
    remark: str = ""


@router.post("/issues/{issue_id}/verify", response=IssueStepOut)
def verify(request: HttpRequest, issue_id: int, body: VerifyIn) -> dict[str, Any]:
    issue = _issue(request, issue_id)
    services.issue_verify(actor=request.user, issue=issue, agree=body.verified, reason=body.remark)
    return {"id": issue.pk, "state": issue.state}


@router.post("/issues/{issue_id}/close", response=IssueStepOut)
def close(request: HttpRequest, issue_id: int, body: IssueStepIn) -> dict[str, Any]:
    issue = _issue(request, issue_id)
    services.issue_close(actor=request.user, issue=issue, reason=body.text)
    return {"id": issue.pk, "state": issue.state}


@router.post("/issues/{issue_id}/forward", response={201: AssignmentOut})
def forward(request: HttpRequest, issue_id: int, body: ForwardIn) -> Status:
    issue = _issue(request, issue_id)
    a = services.assignment_forward(
        actor=request.user, issue=issue, to_body=body.to_body, reason=body.reason
    )
    return Status(201, _assignment_out(a))


@router.post("/assignments/{assignment_id}/answers", response={201: AnswerOut})
def draft(request: HttpRequest, assignment_id: int, body: AnswerIn) -> Status:
    a = selectors.assignment_get_for(user=request.user, assignment_id=assignment_id)
    return Status(
        201, _answer_out(services.answer_draft(actor=request.user, assignment=a, text=body.text))
    )


def _answer(request: HttpRequest, answer_id: int) -> Answer:
    answer = Answer.objects.select_related("assignment").filter(pk=answer_id).first()
    if answer is None or not policies.can_view_assignment(request.user, answer.assignment):
        raise Http404
    return answer


@router.post("/answers/{answer_id}/submit", response=AnswerOut)
def submit(request: HttpRequest, answer_id: int) -> dict[str, Any]:
    return _answer_out(
        services.answer_submit(actor=request.user, answer=_answer(request, answer_id))
    )


@router.post("/answers/{answer_id}/decide", response=AnswerOut)
def decide(request: HttpRequest, answer_id: int, body: DecideIn) -> dict[str, Any]:
    answer = services.answer_decide(
        actor=request.user,
        answer=_answer(request, answer_id),
        approve=body.approve,
        remark=body.remark,
    )
    return _answer_out(answer)


@router.post("/answers/{answer_id}/publish", response=AnswerOut)
def publish(request: HttpRequest, answer_id: int) -> dict[str, Any]:
    return _answer_out(
        services.answer_publish(actor=request.user, answer=_answer(request, answer_id))
    )


@router.post("/directives/{directive_id}/progress", response={201: ProgressOut})
def progress(request: HttpRequest, directive_id: int, body: ProgressIn) -> Status:
    directive = selectors.directive_get_for(user=request.user, directive_id=directive_id)
    update = services.directive_progress_add(
        actor=request.user, directive=directive, text=body.text, percent=body.percent
    )
    directive.refresh_from_db()
    return Status(
        201, {"directive": directive.pk, "state": directive.state, "percent": update.percent}
    )
