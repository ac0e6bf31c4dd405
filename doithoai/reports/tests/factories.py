"""A small known dataset for the statistics tests, in the year 2031 (after the demo's 2016)."""

import datetime

from doithoai.dialogues.models import Directive, Round
from doithoai.petitions.choices import Channel, LegalKind, PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.reports.selectors import ReportFilters
from doithoai.synthesis.models import Issue, IssueState
from doithoai.units.models import Organisation, Unit

YEAR = 2031
PERIOD = ReportFilters(date_from=datetime.date(YEAR, 1, 1), date_to=datetime.date(YEAR, 12, 31))
SECRET_NAME = "Trần Văn Bí Mật"
SECRET_TEXT = "Đề nghị sửa đường tổ 5 bị hỏng nặng, mưa xuống là ngập."


def city_ward(code: str) -> Unit:
    return Unit.objects.get(scheme="2004", code=code)


def other_district_ward() -> Unit:
    """A 2004 ward of Bắc Kạn province outside Bắc Kạn city: reached by `tinh` only."""
    return (
        Unit.objects.filter(scheme="2004", kind__in=["ward", "commune", "township"])
        .exclude(parent__code="058")
        .filter(parent__parent__code="06")
        .order_by("code")
        .first()
    )


def department(code: str = "qldt") -> Organisation:
    return Organisation.objects.get(unit__scheme="2004", unit__code="058", code=code)


def petition(**kwargs: object) -> Petition:
    kwargs.setdefault("received_on", datetime.date(YEAR, 1, 15))
    return PetitionFactory(**kwargs)


def known_dataset() -> dict[str, Petition]:
    """A: Đức Xuân, assigned to qldt; B: another city ward; C: outside the city."""
    land = Topic.objects.get(code="dat_dai")
    return {
        "A": petition(
            unit=city_ward("01840"),
            assigned_to=department("qldt"),
            topic=land,
            channel=Channel.WEB,
            legal_kind=LegalKind.KIEN_NGHI,
            state=PetitionState.ACCEPTED,
        ),
        "B": petition(
            unit=city_ward("01843"),
            channel=Channel.MTTQ,
            legal_kind=LegalKind.PHAN_ANH,
            state=PetitionState.RECEIVED,
        ),
        "C": petition(
            unit=other_district_ward(),
            channel=Channel.MTTQ,
            legal_kind=LegalKind.TO_CAO,
            confidential=True,
            state=PetitionState.RECEIVED,
        ),
    }


def city_round() -> Round:
    return Round.objects.get(unit__scheme="2004", unit__code="058")


def issue_and_directive(**directive: object) -> tuple[Issue, Directive]:
    round_ = city_round()
    issue = Issue.objects.create(
        round=round_, title="Đường tổ 5 hỏng", department=department(), state=IssueState.ASSIGNED
    )
    directive.setdefault("deadline", datetime.date(YEAR, 3, 1))
    made = Directive.objects.create(
        round=round_, issue=issue, text="Sửa đường tổ 5", assignee=department(), **directive
    )
    return issue, made
