"""Retention: a petitioner's personal data is kept for a number of years per legal kind after
the petition was settled (`rules.retention_years`), then the petition is anonymised.

Settled: resolved (`resolved_at`), or not accepted (counted from the day received). A petition
still open is never expired. A dry run counts and changes nothing; a real run anonymises each
expired petition in its own transaction and records a `RetentionRun` with its report (counts per
kind, never codes or names)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.dataprotection import policies, rules
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import Anonymisation, AnonymisationCause, RetentionRun
from doithoai.dataprotection.services.petitions import PERSON_FIELDS, petition_anonymise
from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition

BATCH = 500


@dataclass
class KindReport:
    kind: str
    years: int
    cutoff: datetime.date
    count: int = 0


@dataclass
class RetentionReport:
    today: datetime.date
    dry_run: bool
    kinds: list[KindReport] = field(default_factory=list)
    run: RetentionRun | None = None

    @property
    def total(self) -> int:
        return sum(k.count for k in self.kinds)

    def as_dict(self) -> dict[str, Any]:
        return {
            k.kind: {"years": k.years, "cutoff": k.cutoff.isoformat(), "count": k.count}
            for k in self.kinds
        }


def expired_petitions(
    *, kind: str, cutoff: datetime.date, unit_ids: set[int] | None = None
) -> QuerySet[Petition]:
    """Petitions of `kind` settled before `cutoff`, still holding personal data."""
    settled = Q(resolved_at__date__lt=cutoff) | Q(
        resolved_at__isnull=True, state=PetitionState.NOT_ACCEPTED, received_on__lt=cutoff
    )
    holding = Q()
    for name in PERSON_FIELDS:
        holding |= ~Q(**{name: ""})
    qs = (
        Petition.objects.filter(settled, holding, legal_kind=kind)
        .exclude(pk__in=Anonymisation.objects.values("petition_id"))
        .order_by("id")
    )
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    return qs


def retention_preview(*, user: Actor, today: datetime.date | None = None) -> RetentionReport:
    """What a run would anonymise today in the officer's area (read-only)."""
    if not policies.can_run_retention(user):
        raise PermissionDenied(_("Bạn không có quyền xem quy tắc lưu giữ dữ liệu."))
    day = today or timezone.localdate()
    report = RetentionReport(today=day, dry_run=True)
    area = policies.dpo_area(user)
    for kind, years in sorted(rules.retention_years().items()):
        cutoff = rules.years_before(day, years)
        count = expired_petitions(kind=kind, cutoff=cutoff, unit_ids=area).count()
        report.kinds.append(KindReport(kind, years, cutoff, count))
    return report


def retention_run(
    *, actor: Actor = None, dry_run: bool, today: datetime.date | None = None
) -> RetentionReport:
    """Apply the retention rules to every unit (the scheduled task, the `retention` command)."""
    if actor is not None and not policies.can_run_retention(actor):
        raise PermissionDenied(_("Bạn không có quyền chạy quy tắc lưu giữ dữ liệu."))
    day = today or timezone.localdate()
    report = RetentionReport(today=day, dry_run=dry_run)
    for kind, years in sorted(rules.retention_years().items()):
        cutoff = rules.years_before(day, years)
        expired = expired_petitions(kind=kind, cutoff=cutoff)
        entry = KindReport(kind, years, cutoff)
        if dry_run:
            entry.count = expired.count()
        else:
            # In batches of ids: each anonymised petition leaves the query.
            while batch := list(expired.values_list("pk", flat=True)[:BATCH]):
                for petition in Petition.objects.filter(pk__in=batch):
                    petition_anonymise(
                        actor=actor, petition=petition, cause=AnonymisationCause.RETENTION
                    )
                    entry.count += 1
        report.kinds.append(entry)
    if not dry_run:
        with transaction.atomic():
            report.run = RetentionRun.objects.create(
                by=acting_user(actor),
                dry_run=False,
                today=day,
                report=report.as_dict(),
                total=report.total,
            )
            event_record(
                actor=actor,
                obj=report.run,
                action=DataProtectionEvents.RETENTION_RUN,
                after={"total": report.total},
            )
    return report
