import pytest
from django.core import mail

from doithoai.dialogues.models import Round
from doithoai.synthesis.tests.factories import IssueFactory, IssueMembershipFactory
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
    def make(
        n: int = 2,
        title: str = "Đường tổ 5 phường Đức Xuân xuống cấp",
        confirmed: bool = True,
        **petition_kw,
    ):
        issue = IssueFactory(round=demo_round, title=title, title_confirmed=confirmed)
        for _ in range(n):
            IssueMembershipFactory(
                issue=issue,
                petition__state="grouped",
                **{f"petition__{key}": value for key, value in petition_kw.items()},
            )
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


RESOLVED_NOTE = "Đã sửa xong mặt đường, nghiệm thu ngày 20/10/2016."


def approve_all(users, answer):
    """The head approves, then the leader where the unit requires it (the default)."""
    from doithoai.followup import services

    services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
    if answer.state == "head_approved":  # the service moved the instance itself
        services.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
    return answer


@pytest.fixture
def publish(users, qldt):
    """Assign, draft, submit, approve (head, leader) and publish an answer to `issue`."""
    from doithoai.followup import services

    def run(issue, text="Đã sửa xong đoạn đường tổ 5 trong tháng 10."):
        a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
        answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=text)
        services.answer_submit(actor=users["chuyenvien"], answer=answer)
        approve_all(users, answer)
        return services.answer_publish(actor=users["vanphong"], answer=answer)

    return run
