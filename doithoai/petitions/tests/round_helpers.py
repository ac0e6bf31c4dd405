"""Rounds made by the tests themselves: no test depends on the demo round's state."""

import datetime

from django.utils import timezone

from doithoai.dialogues.models import Round, RoundState
from doithoai.petitions.rounds import rounds_changed
from doithoai.petitions.tests.factories import ward
from doithoai.units.models import Organisation, Scheme, Unit


def city() -> Unit:
    return Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")


def elsewhere() -> Unit:
    """A unit that covers none of the demo's wards: today's Thái Nguyên province."""
    return Unit.objects.filter(scheme=Scheme.CURRENT_2025, parent__isnull=True).order_by("code")[0]


def make_round(
    unit: Unit | None = None,
    state: str = RoundState.ANNOUNCED,
    title: str = "Đối thoại của thành phố quý IV",
    days: int = 20,
) -> Round:
    unit = unit or city()
    organisation = (
        Organisation.objects.filter(unit=unit).order_by("pk").first()
        or Organisation.objects.order_by("pk")[0]
    )
    round_ = Round.objects.create(
        unit=unit,
        organisation=organisation,
        title=title,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        venue="Hội trường",
        state=state,
    )
    rounds_changed()
    return round_


def close_every_round() -> None:
    """No round collects petitions (the demo's rounds included), inside the test's transaction."""
    Round.objects.filter(state__in=(RoundState.APPROVED, RoundState.ANNOUNCED)).update(
        state=RoundState.HELD
    )
    rounds_changed()


__all__ = ["city", "close_every_round", "elsewhere", "make_round", "ward"]
