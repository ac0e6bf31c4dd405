"""Reads behind the conclusion notice: the key issues of the conference and the other issues.

A key issue is one the conference discussed: an issue item of the agenda that was opened, an
issue a speaker raised, or an issue the chair gave a directive on. Every other issue of the round
goes to the notice's appendix, grouped by department."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from doithoai.dialogues.models import (
    AgendaKind,
    AgendaState,
    ConclusionNotice,
    Directive,
    Round,
    Statement,
)
from doithoai.synthesis.models import Issue


@dataclass
class KeyIssue:
    """One issue discussed at the conference, with what was said and directed about it."""

    issue: Any
    statements: list[Statement] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    @property
    def assignee(self) -> Any:
        """Who carries it out: the directive's assignee, else the issue's department."""
        if self.directives:
            return self.directives[0].assignee
        return self.issue.department


def key_issues(round_: Round) -> list[KeyIssue]:
    """The discussed issues in the order of the agenda, then those raised from the floor."""
    found: dict[int, KeyIssue] = {}
    items = (
        round_.agenda_items.filter(kind=AgendaKind.ISSUE, issue__isnull=False)
        .exclude(state=AgendaState.PENDING)
        .select_related("issue", "issue__department")
        .order_by("position", "id")
    )
    for item in items:
        found.setdefault(item.issue_id or 0, KeyIssue(issue=item.issue))
    said = (
        round_.statements.filter(issue__isnull=False)
        .select_related("issue", "issue__department", "answered_by")
        .order_by("created_at", "id")
    )
    for statement in said:
        key = found.setdefault(statement.issue_id or 0, KeyIssue(issue=statement.issue))
        key.statements.append(statement)
    directed = (
        round_.directives.filter(issue__isnull=False)
        .select_related("issue", "issue__department", "assignee")
        .order_by("id")
    )
    for directive in directed:
        key = found.setdefault(directive.issue_id or 0, KeyIssue(issue=directive.issue))
        key.directives.append(directive)
    return list(found.values())


def other_issues(round_: Round, exclude: set[int]) -> QuerySet[Issue]:
    """The round's issues not discussed, by department then id (the appendix)."""
    return (
        Issue.objects.filter(round=round_)
        .exclude(pk__in=exclude)
        .select_related("department")
        .order_by("department__name", "id")
    )


def general_directives_of(round_: Round) -> list[Directive]:
    """Directives the conference gave without an issue (to departments or wards at large)."""
    return list(round_.directives.filter(issue__isnull=True).select_related("assignee"))


def notice_of(round_: Round) -> ConclusionNotice | None:
    return ConclusionNotice.objects.filter(round=round_).select_related("approved_by").first()
