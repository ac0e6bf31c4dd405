"""The issues API: the board, officers' decisions, and the engine's suggestion on a petition."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Status

from doithoai.accounts.api_auth import staff_auth
from doithoai.petitions.models import Topic
from doithoai.petitions.selectors import petition_get_for
from doithoai.synthesis import selectors, services
from doithoai.synthesis.models import Issue, Suggestion, SynthesisRun
from doithoai.synthesis.runs import synthesis_run_request
from doithoai.synthesis.schemas import (
    CreateIn,
    IssueOut,
    IssuePageOut,
    MergeIn,
    MoveIn,
    RunOut,
    SplitIn,
    SuggestionOut,
    TopicIn,
)

router = Router(tags=["synthesis"], auth=staff_auth())


def issue_out(issue: Issue) -> dict[str, Any]:
    ids = sorted(issue.memberships.values_list("petition_id", flat=True))
    return {
        "id": issue.pk,
        "round_id": issue.round_id,
        "title": issue.title,
        "topic": issue.topic.code if issue.topic else None,
        "topic_confirmed": issue.topic_confirmed,
        "topic_confidence": issue.topic_confidence,
        "department": issue.department.code if issue.department else None,
        "state": issue.state,
        "petition_ids": ids,
        "petitioners": len(ids),
    }


def _topic(code: str) -> Topic:
    topic = Topic.objects.filter(code=code, active=True).first()
    if topic is None:
        raise Http404
    return topic


@router.get("/rounds/{int:round_id}/issues", response=IssuePageOut, summary="Issues of a round")
def list_issues(
    request: HttpRequest, round_id: int, page: int = 1, topic: str = ""
) -> dict[str, Any]:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    result = selectors.board_issues(round_=round_, topic=topic, page=page)
    return {
        "items": [issue_out(i) for i in result.object_list],
        "page": result.number,
        "pages": result.paginator.num_pages,
        "count": result.paginator.count,
    }


@router.post(
    "/rounds/{int:round_id}/runs", response={202: RunOut}, summary="Run synthesis in the background"
)
def start_run(request: HttpRequest, round_id: int) -> Status[SynthesisRun]:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    return Status(202, synthesis_run_request(actor=request.user, round_=round_))


@router.get("/issues/{int:issue_id}", response=IssueOut, summary="One issue")
def get_issue(request: HttpRequest, issue_id: int) -> dict[str, Any]:
    return issue_out(selectors.issue_get_for_review(user=request.user, issue_id=issue_id))


@router.post(
    "/issues/{int:issue_id}/topic", response=IssueOut, summary="Confirm or change the topic"
)
def set_topic(request: HttpRequest, issue_id: int, payload: TopicIn) -> dict[str, Any]:
    issue = selectors.issue_get_for_review(user=request.user, issue_id=issue_id)
    return issue_out(
        services.issue_set_topic(actor=request.user, issue=issue, topic=_topic(payload.topic))
    )


@router.post("/issues/merge", response=IssueOut, summary="Merge issues into a target")
def merge(request: HttpRequest, payload: MergeIn) -> dict[str, Any]:
    target = selectors.issue_get_for_review(user=request.user, issue_id=payload.target)
    sources = [
        selectors.issue_get_for_review(user=request.user, issue_id=i) for i in payload.sources
    ]
    return issue_out(services.issue_merge(actor=request.user, target=target, sources=sources))


@router.post(
    "/issues/{int:issue_id}/split",
    response={201: IssueOut},
    summary="Split petitions into a new issue",
)
def split(request: HttpRequest, issue_id: int, payload: SplitIn) -> Status[dict[str, Any]]:
    issue = selectors.issue_get_for_review(user=request.user, issue_id=issue_id)
    new = services.issue_split(
        actor=request.user, issue=issue, petition_ids=payload.petition_ids, title=payload.title
    )
    return Status(201, issue_out(new))


@router.post("/issues", response={201: IssueOut}, summary="Create an issue by hand")
def create(request: HttpRequest, payload: CreateIn) -> Status[dict[str, Any]]:
    round_ = selectors.round_get_for_board(user=request.user, round_id=payload.round_id)
    issue = services.issue_create(
        actor=request.user, round_=round_, title=payload.title, petition_ids=payload.petition_ids
    )
    return Status(201, issue_out(issue))


@router.post(
    "/petitions/{int:petition_id}/move",
    response=IssueOut,
    summary="Move a petition to another issue",
)
def move(request: HttpRequest, petition_id: int, payload: MoveIn) -> dict[str, Any]:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    target = selectors.issue_get_for_review(user=request.user, issue_id=payload.issue_id)
    services.petition_move(actor=request.user, petition=petition, to_issue=target)
    return issue_out(target)


@router.get(
    "/petitions/{int:petition_id}/suggestion",
    response=SuggestionOut,
    summary="The engine's suggestion",
)
def suggestion(request: HttpRequest, petition_id: int) -> dict[str, Any]:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    found = Suggestion.objects.filter(petition=petition).first()
    if found is None:
        raise Http404
    return {
        "petition_id": petition.pk,
        "topic": found.topic_code,
        "confidence": found.confidence,
        "top_terms": found.top_terms,
        "group": found.group_key,
        "department": found.department_code,
        "model_version": found.model_version,
    }
