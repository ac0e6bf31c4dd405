"""Fixtures of the dialogue tests: the demo round (its plan comes from the demo step) and issues."""

import pytest

from doithoai.dialogues.models import Round
from doithoai.dialogues.tests.factories import RoundFactory
from doithoai.units.models import Organisation

ROLES = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "baochi", "tinh"]


@pytest.fixture
def round_(db) -> Round:
    from doithoai.demo.petitions import demo_round

    return demo_round()


@pytest.fixture
def draft_round(db) -> Round:
    return RoundFactory(title="Đối thoại thử nghiệm", venue="Hội trường")


@pytest.fixture
def issues(round_):
    """A few issues of the demo round (as synthesis would make them), with petitions."""
    from doithoai.petitions.models import Petition, Topic
    from doithoai.synthesis.models import Issue, IssueMembership

    if round_.issues.exists():
        return list(round_.issues.order_by("id"))
    petitions = list(Petition.objects.filter(round=round_).order_by("id")[:12])
    topics = {t.code: t for t in Topic.objects.all()}
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    made = []
    for n, (code, title) in enumerate(
        [
            ("khac", "Hỗ trợ hộ kinh doanh sau khi di dời chợ"),
            ("gpmb", "Chậm bồi thường giải phóng mặt bằng đường Trường Chinh"),
            ("do_thi", "Lấn chiếm vỉa hè khu vực chợ Đức Xuân"),
        ]
    ):
        issue = Issue.objects.create(round=round_, title=title, topic=topics[code], department=qldt)
        for petition in petitions[n * 4 : n * 4 + (1 + n)]:
            IssueMembership.objects.create(petition=petition, issue=issue)
        made.append(issue)
    return made
