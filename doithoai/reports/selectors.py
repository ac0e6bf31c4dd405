"""Statistics a user may read: each table is one GROUP BY query over the scoped rows.

Labels (topic names, unit names, ...) are looked up afterwards in one small query on the
reference table, so the aggregation never joins the petitions to anything.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.accounts.types import Actor
from doithoai.dialogues.models import Directive, DirectiveState, Round
from doithoai.petitions.choices import Channel, LegalKind, PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.reports import policies
from doithoai.synthesis.models import Issue, IssueState
from doithoai.units.models import Organisation, Unit


@dataclass(frozen=True)
class ReportFilters:
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    round_id: int | None = None


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str | Promise
    field: str
    chart: str  # "bars" (look at sizes) or "columns" (look at a trend)


DIMENSIONS: dict[str, Dimension] = {
    d.key: d
    for d in (
        Dimension("topic", gettext_lazy("Lĩnh vực"), "topic_id", "bars"),
        Dimension("unit", gettext_lazy("Địa bàn"), "unit_id", "bars"),
        Dimension("department", gettext_lazy("Cơ quan giải quyết"), "assigned_to_id", "bars"),
        Dimension("channel", gettext_lazy("Kênh tiếp nhận"), "channel", "bars"),
        Dimension("legal_kind", gettext_lazy("Loại đơn"), "legal_kind", "bars"),
        Dimension("state", gettext_lazy("Trạng thái"), "state", "bars"),
        Dimension("round", gettext_lazy("Kỳ đối thoại"), "round_id", "columns"),
        Dimension("year", gettext_lazy("Năm tiếp nhận"), "year", "columns"),
    )
}


@dataclass(frozen=True)
class Row:
    key: Any
    label: str
    total: int
    resolved: int
    with_due: int
    on_time: int
    overdue: int
    pending: int  # not resolved, not due yet

    @property
    def late(self) -> int:
        """Resolved after the due date."""
        return self.with_due - self.on_time - self.overdue - self.pending

    @property
    def on_time_rate(self) -> float | None:
        """Resolved by the due date, among the petitions that have one (percent)."""
        return round(100 * self.on_time / self.with_due, 1) if self.with_due else None


def scoped_petitions(*, user: Actor, filters: ReportFilters) -> QuerySet[Petition]:
    scope = policies.petition_scope_q(user)
    if scope is None:
        return Petition.objects.none()
    qs = Petition.objects.filter(scope)
    if filters.date_from:
        qs = qs.filter(received_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(received_on__lte=filters.date_to)
    if filters.round_id:
        qs = qs.filter(round_id=filters.round_id)
    return qs


def _petition_aggregates(today: datetime.date) -> dict[str, Count]:
    # Counting the NOT NULL received_on (not id) lets PostgreSQL answer from a covering index.
    unresolved = Q(resolved_at__isnull=True)
    return {
        "total": Count("received_on"),
        "resolved": Count("received_on", filter=Q(resolved_at__isnull=False)),
        "with_due": Count("received_on", filter=Q(due_on__isnull=False)),
        "on_time": Count(
            "received_on", filter=Q(due_on__isnull=False, resolved_at__date__lte=F("due_on"))
        ),
        "overdue": Count("received_on", filter=unresolved & Q(due_on__lt=today)),
        "pending": Count("received_on", filter=unresolved & Q(due_on__gte=today)),
    }


def petition_breakdown(*, user: Actor, filters: ReportFilters, dimension: str) -> list[Row]:
    """One GROUP BY over the user's petitions by `dimension`, largest first."""
    dim = DIMENSIONS[dimension]
    today = timezone.localdate()
    qs = scoped_petitions(user=user, filters=filters)
    if dim.key == "year":
        qs = qs.annotate(year=ExtractYear("received_on"))
    grouped = list(
        qs.order_by()
        .values(dim.field)
        .annotate(**_petition_aggregates(today))
        .values_list(dim.field, "total", "resolved", "with_due", "on_time", "overdue", "pending")
    )
    labels = _labels(dim.key, [g[0] for g in grouped])
    rows = []
    for key, *counts in grouped:
        rows.append(Row(key, labels.get(key, str(key)), *counts))
    if dim.chart == "columns":
        rows.sort(key=lambda r: (r.key is None, r.key or 0))
    else:
        rows.sort(key=lambda r: (-r.total, r.label))
    return rows


def _labels(dimension: str, keys: list[Any]) -> dict[Any, str]:
    ids = [k for k in keys if k is not None]
    none_label = {
        "topic": _("Chưa phân loại"),
        "department": _("Chưa giao"),
        "round": _("Ngoài kỳ đối thoại"),
    }.get(dimension, "—")
    labels: dict[Any, str] = {None: none_label}
    if dimension == "topic":
        labels |= dict(Topic.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif dimension == "unit":
        labels |= dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif dimension == "department":
        labels |= dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif dimension == "round":
        labels |= dict(Round.objects.filter(pk__in=ids).values_list("pk", "title"))
    elif dimension == "channel":
        labels |= {k: str(v) for k, v in Channel.choices}
    elif dimension == "legal_kind":
        labels |= {k: str(v) for k, v in LegalKind.choices}
    elif dimension == "state":
        labels |= {k: str(v) for k, v in PetitionState.choices}
    elif dimension == "year":
        labels |= {k: str(k) for k in ids}
    return labels


def totals(rows: list[Row]) -> Row:
    fields = ("total", "resolved", "with_due", "on_time", "overdue", "pending")
    return Row(None, _("Tổng cộng"), *(sum(getattr(r, f) for r in rows) for f in fields))


@dataclass(frozen=True)
class CountRow:
    key: Any
    label: str
    total: int
    done: int
    overdue: int


def issue_breakdown(*, user: Actor, filters: ReportFilters) -> list[CountRow]:
    """Issues by state: one GROUP BY. `done` and `overdue` are not used for issues."""
    scope = policies.issue_scope_q(user)
    if scope is None:
        return []
    qs = Issue.objects.filter(scope)
    if filters.round_id:
        qs = qs.filter(round_id=filters.round_id)
    grouped = dict(qs.order_by().values("state").annotate(n=Count("id")).values_list("state", "n"))
    return [
        CountRow(value, str(label), grouped.get(value, 0), 0, 0)
        for value, label in IssueState.choices
    ]


DIRECTIVE_DONE = (DirectiveState.DONE, DirectiveState.VERIFIED)


def directive_breakdown(*, user: Actor, filters: ReportFilters) -> list[CountRow]:
    """Directives by the organisation carrying them out: total, done, overdue. One GROUP BY."""
    scope = policies.directive_scope_q(user)
    if scope is None:
        return []
    qs = Directive.objects.filter(scope)
    if filters.round_id:
        qs = qs.filter(round_id=filters.round_id)
    # For directives the period applies to the deadline.
    if filters.date_from:
        qs = qs.filter(deadline__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(deadline__lte=filters.date_to)
    not_done = ~Q(state__in=DIRECTIVE_DONE)
    grouped = list(
        qs.order_by()
        .values("assignee_id")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(state__in=DIRECTIVE_DONE)),
            overdue=Count("id", filter=not_done & Q(deadline__lt=timezone.localdate())),
        )
        .values_list("assignee_id", "total", "done", "overdue")
    )
    names = dict(
        Organisation.objects.filter(pk__in=[g[0] for g in grouped]).values_list("pk", "name")
    )
    rows = [CountRow(k, names.get(k, "—"), t, d, o) for k, t, d, o in grouped]
    return sorted(rows, key=lambda r: (-r.total, r.label))


def rounds_for_reports(*, user: Actor) -> QuerySet[Round]:
    """Rounds offered as a filter: those of the user's area (all for an administrator)."""
    if policies.is_administrator(user):
        return Round.objects.all()
    area = policies.area_ids(user, *policies.AREA_ROLES)
    return Round.objects.filter(unit_id__in=area)
