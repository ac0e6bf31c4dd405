import pytest
from django.core import mail

from doithoai.dialogues.models import Round
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

ROLES = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "baochi", "quantri"]


@pytest.fixture
def demo_round(db):
    return Round.objects.get(unit__code="058")


@pytest.fixture
def qldt(demo_round):
    return Organisation.objects.get(unit=demo_round.unit, code="qldt")


@pytest.fixture
def tnmt(demo_round):
    return Organisation.objects.get(unit=demo_round.unit, code="tnmt")


@pytest.fixture
def make_issue(demo_round):
    def make(n: int = 2, title: str = "Đường tổ 5 phường Đức Xuân xuống cấp", **petition_kw):
        issue = Issue.objects.create(round=demo_round, title=title)
        for _ in range(n):
            p = PetitionFactory(round=demo_round, state="grouped", **petition_kw)
            IssueMembership.objects.create(petition=p, issue=issue)
        return issue

    return make


@pytest.fixture
def issue(make_issue):
    return make_issue()


@pytest.fixture
def users(demo_user):
    return {name: demo_user(name) for name in ROLES}


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox
