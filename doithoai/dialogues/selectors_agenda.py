"""Reads of the agenda builder: the ranked proposal of key issues and the issue picker.

The ranking rule (docs/architecture.md, "Agenda builder"): each issue of the round scores

    petitions + FOCUS_WEIGHT (topic among the plan's focus topics)
              + REPEAT_WEIGHT (raised in an earlier round of the same unit)
              + OVERDUE_WEIGHT × its petitions past their due date and not resolved

An issue is a *repeat* when an earlier round of the same unit had an issue of the same topic with
a petition from the same unit (ward, commune) — or of the same area where issues carry one.
Ties go to more petitions, then the older issue.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doithoai.core.text import fold
from doithoai.dialogues.models import AgendaItem, Round
from doithoai.synthesis.models import Issue, IssueMembership

FOCUS_WEIGHT = 5
REPEAT_WEIGHT = 3
OVERDUE_WEIGHT = 1
SEARCH_LIMIT = 15


@dataclass
class Proposal:
    issue: Any
    petitions: int
    focus: bool
    repeat: bool
    overdue: int
    score: int = field(init=False)

    def __post_init__(self) -> None:
        self.score = (
            self.petitions
            + (FOCUS_WEIGHT if self.focus else 0)
            + (REPEAT_WEIGHT if self.repeat else 0)
            + OVERDUE_WEIGHT * self.overdue
        )

    @property
    def reason(self) -> str:
        parts = [
            ngettext("%(n)d kiến nghị", "%(n)d kiến nghị", self.petitions) % {"n": self.petitions}
        ]
        if self.focus:
            parts.append(_("nội dung trọng tâm"))
        if self.repeat:
            parts.append(_("đã nêu ở kỳ trước"))
        if self.overdue:
            parts.append(_("%(n)d kiến nghị quá hạn") % {"n": self.overdue})
        return " · ".join(parts)[:300]


def _earlier_rounds(round_: Round) -> Any:
    earlier = Round.objects.filter(unit_id=round_.unit_id).exclude(pk=round_.pk)
    if round_.starts_at is not None:
        return earlier.filter(
            Q(starts_at__lt=round_.starts_at) | Q(starts_at__isnull=True, pk__lt=round_.pk)
        )
    return earlier.filter(pk__lt=round_.pk)


def _issue_has_area() -> bool:
    try:
        Issue._meta.get_field("area")
    except FieldDoesNotExist:
        return False
    return True


def _repeats(round_: Round) -> set[int]:
    """Issues of `round_` that repeat a concern of an earlier round of the same unit."""
    earlier = _earlier_rounds(round_)
    past = set(
        IssueMembership.objects.filter(issue__round__in=earlier, issue__topic__isnull=False)
        .values_list("issue__topic_id", "petition__unit_id")
        .distinct()
    )
    if _issue_has_area():
        past |= set(
            Issue.objects.filter(round__in=earlier, topic__isnull=False, area__isnull=False)
            .values_list("topic_id", "area_id")
            .distinct()
        )
    if not past:
        return set()
    mine = IssueMembership.objects.filter(issue__round=round_, issue__topic__isnull=False)
    found = {
        issue_id
        for issue_id, topic_id, unit_id in mine.values_list(
            "issue_id", "issue__topic_id", "petition__unit_id"
        ).distinct()
        if (topic_id, unit_id) in past
    }
    if _issue_has_area():
        found |= {
            issue_id
            for issue_id, topic_id, area_id in Issue.objects.filter(
                round=round_, topic__isnull=False, area__isnull=False
            ).values_list("id", "topic_id", "area_id")
            if (topic_id, area_id) in past
        }
    return found


def agenda_proposals(
    round_: Round, *, exclude: set[int] | None = None, today: datetime.date | None = None
) -> list[Proposal]:
    """Every issue of the round (less `exclude`), best first, by the rule in this module."""
    today = today or timezone.localdate()
    focus = set(round_.focus_topics.exclude(topic=None).values_list("topic_id", flat=True))
    repeats = _repeats(round_)
    issues = (
        Issue.objects.filter(round=round_)
        .exclude(pk__in=exclude or set())
        .only("id", "title", "topic_id")
        .annotate(
            n_petitions=Count("memberships"),
            n_overdue=Count(
                "memberships",
                filter=Q(
                    memberships__petition__due_on__lt=today,
                    memberships__petition__resolved_at__isnull=True,
                ),
            ),
        )
    )
    found = [
        Proposal(
            issue=issue,
            petitions=issue.n_petitions,
            focus=issue.topic_id in focus,
            repeat=issue.pk in repeats,
            overdue=issue.n_overdue,
        )
        for issue in issues
    ]
    found.sort(key=lambda p: (-p.score, -p.petitions, p.issue.pk))
    return found


def agenda_total(round_: Round) -> int:
    return sum(round_.agenda_items.values_list("minutes", flat=True))


def on_agenda_issue_ids(round_: Round) -> set[int]:
    return set(
        AgendaItem.objects.filter(round=round_, issue__isnull=False).values_list(
            "issue_id", flat=True
        )
    )


def issues_search(round_: Round, query: str, *, limit: int = SEARCH_LIMIT) -> list[Any]:
    """Issues of the round whose title holds every word of `query` (diacritics ignored), or the
    issue `#id`; at most `limit`, most petitions first. For pickers: never a list of hundreds."""
    query = query.strip()
    if not query:
        return []
    issues = Issue.objects.filter(round=round_)
    digits = query.lstrip("#")
    if digits.isdigit():
        return list(issues.filter(pk=int(digits)).annotate(n_petitions=Count("memberships")))
    words = fold(query).split()
    ids = [
        pk
        for pk, title in issues.values_list("id", "title")
        if all(word in fold(title) for word in words)
    ]
    return list(
        issues.filter(pk__in=ids)
        .annotate(n_petitions=Count("memberships"))
        .order_by("-n_petitions", "id")[:limit]
    )
