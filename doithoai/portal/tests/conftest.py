"""Fixtures of the public pages' tests: the demo's 2016 round (found by its title, so a second
round of the city does not matter), issues made of petitions, and answers carried through the
whole approval chain to publication."""

from collections.abc import Callable
from typing import Any

import pytest

from doithoai.core.text import fold
from doithoai.demo.petitions import ROUND_TITLE
from doithoai.dialogues.models import Round
from doithoai.followup import services
from doithoai.followup.choices import AnswerState
from doithoai.followup.models import Answer
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

ROLES = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "baochi", "quantri"]


@pytest.fixture
def demo_round(db: Any) -> Round:
    return Round.objects.get(title=ROUND_TITLE)


@pytest.fixture
def qldt(demo_round: Round) -> Organisation:
    return Organisation.objects.get(unit=demo_round.unit, code="qldt")


@pytest.fixture
def users(demo_user: Any) -> dict[str, Any]:
    return {name: demo_user(name) for name in ROLES}


@pytest.fixture
def make_issue(demo_round: Round) -> Callable[..., Issue]:
    def make(
        n: int = 2,
        title: str = "Đường tổ 5 phường Đức Xuân xuống cấp",
        confirmed: bool = True,
        **petition_kw: Any,
    ) -> Issue:
        issue = Issue.objects.create(
            round=demo_round,
            unit=demo_round.unit,
            title=title,
            title_folded=fold(title),  # as the synthesis services set it
            title_confirmed=confirmed,
        )
        for _ in range(n):
            p = PetitionFactory(round=demo_round, state="grouped", **petition_kw)
            IssueMembership.objects.create(petition=p, issue=issue)
        return issue

    return make


@pytest.fixture
def publish(users: dict[str, Any], qldt: Organisation) -> Callable[[Issue, str], Answer]:
    """Assign, draft, submit, approve (head, then leader when required) and publish."""

    def run(issue: Issue, text: str) -> Answer:
        a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
        answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=text)
        services.answer_submit(actor=users["chuyenvien"], answer=answer)
        services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
        answer.refresh_from_db()
        if answer.state == AnswerState.HEAD_APPROVED:
            services.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
            answer.refresh_from_db()
        return services.answer_publish(actor=users["vanphong"], answer=answer)

    return run
