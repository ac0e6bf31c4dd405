"""Reads of the issues board, always through the board policy."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import Http404

from doithoai.dialogues.models import Round
from doithoai.petitions.models import Petition
from doithoai.synthesis import policies
from doithoai.synthesis.models import Issue, IssueMembership, SynthesisRun

ISSUES_PER_PAGE = 40


@dataclass(frozen=True)
class IssueCard:
    issue: Issue
    petitions: list[Petition]

    @property
    def petitioners(self) -> int:
        return len(self.petitions)

    @property
    def units(self) -> list[str]:
        return sorted({p.unit.name for p in self.petitions})

    @property
    def channels(self) -> list[str]:
        return sorted({p.get_channel_display() for p in self.petitions})


def round_get_for_board(*, user: Any, round_id: int) -> Round:
    round_ = Round.objects.select_related("unit").filter(pk=round_id).first()
    if round_ is None or not policies.can_view_board(user, round_):
        raise Http404
    return round_


def rounds_for_board(*, user: Any) -> list[Round]:
    return [r for r in Round.objects.select_related("unit") if policies.can_view_board(user, r)]


def board_issues(*, round_: Round, topic: str = "", page: int = 1) -> Page[Issue]:
    qs: QuerySet[Issue] = (
        Issue.objects.filter(round=round_)
        .select_related("topic", "department")
        .annotate(petitioners=Count("memberships"))
        .order_by("-petitioners", "id")
    )
    if topic:
        qs = qs.filter(topic__code=topic)
    return Paginator(qs, ISSUES_PER_PAGE).get_page(page)


def board_cards(issues: list[Issue]) -> list[IssueCard]:
    members = (
        IssueMembership.objects.filter(issue__in=issues)
        .select_related("petition__unit", "petition__suggestion")
        .order_by("petition__created_at")
    )
    by_issue: dict[int, list[Petition]] = {i.pk: [] for i in issues}
    for m in members:
        by_issue[m.issue_id].append(m.petition)
    return [IssueCard(issue=i, petitions=by_issue[i.pk]) for i in issues]


def ungrouped_petitions(*, round_: Round) -> QuerySet[Petition]:
    return (
        Petition.objects.filter(round=round_, issue_link__isnull=True)
        .exclude(state="not_accepted")
        .select_related("unit")
        .order_by("created_at")
    )


def latest_run(*, round_: Round) -> SynthesisRun | None:
    return SynthesisRun.objects.filter(round=round_).order_by("-id").first()


def issue_get_for_review(*, user: Any, issue_id: int) -> Issue:
    issue = Issue.objects.select_related("round", "topic").filter(pk=issue_id).first()
    if issue is None or issue.round is None or not policies.can_view_board(user, issue.round):
        raise Http404
    return issue


def issue_choices(*, round_: Round) -> QuerySet[Issue]:
    return Issue.objects.filter(round=round_).order_by("id").only("id", "title")
