"""Public results JSON under /api/v1/public/results/ — explicit fields, no personal data."""

import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema

from doithoai.portal.selectors import BoardFilters, board_search, public_round_get, public_rounds

router = Router(tags=["public"])


class ResultsRoundOut(Schema):
    id: int
    title: str
    unit: str


class IssueResultOut(Schema):
    id: int
    title: str
    topic: str
    units: list[str]
    petitioners: int
    answer: str
    directive: str
    department: str
    deadline: datetime.date | None
    state: str
    overdue: bool
    forwarded_to: str


@router.get("/rounds", response=list[ResultsRoundOut])
def rounds(request: HttpRequest) -> list[dict[str, object]]:
    return [{"id": r.pk, "title": r.title, "unit": r.unit.name} for r in public_rounds()]


@router.get("/rounds/{round_id}/issues", response=list[IssueResultOut])
def issues(request: HttpRequest, round_id: int, query: Query[BoardFilters]) -> list[object]:
    round_ = public_round_get(round_id=round_id)
    return list(board_search(round_=round_, filters=query))
