"""In a real browser, on the full demo: each role logs in and finds its work waiting, and a
visitor sees this year's round announced on the home page."""

import pytest

from conftest import log_in
from doithoai.demo.full import load_full_demo
from doithoai.demo.life2016_data import RETURN_REMARK
from doithoai.demo.round2 import second_round
from doithoai.followup.choices import AnswerState
from doithoai.followup.models import Answer

pytestmark = pytest.mark.browser


def _title(state: str, lead: str = "qldt") -> str:
    answer = (
        Answer.objects.filter(state=state, assignment__lead__code=lead)
        .select_related("assignment__issue")
        .order_by("updated_at", "id")
        .first()
    )
    assert answer is not None and answer.assignment.issue is not None
    return answer.assignment.issue.title


def test_every_role_finds_its_work_in_the_full_demo(page):  # type: ignore[no-untyped-def]
    load_full_demo()
    round_ = second_round()
    assert round_ is not None

    page.goto("/")
    home = page.inner_text("main")
    assert round_.title in home
    assert round_.intake_deadline.strftime("%d/%m/%Y") in home  # type: ignore[union-attr]

    log_in(page, "truongphong")
    page.goto("/staff/theo-doi/?ds=cho-duyet")
    assert _title(AnswerState.SUBMITTED) in page.inner_text("main")

    log_in(page, "lanhdao")
    page.goto("/staff/theo-doi/?ds=lanh-dao-duyet")
    assert _title(AnswerState.HEAD_APPROVED) in page.inner_text("main")

    log_in(page, "chuyenvien")
    returned = Answer.objects.filter(
        state=AnswerState.RETURNED, assignment__lead__code="qldt"
    ).first()
    assert returned is not None
    page.goto(f"/staff/theo-doi/giao/{returned.assignment_id}/")
    assert RETURN_REMARK in page.inner_text("main")

    log_in(page, "mttq")
    page.goto("/staff/theo-doi/?ds=xac-nhan")
    assert page.locator("main tbody tr").count() >= 1

    log_in(page, "phuong")
    page.goto("/staff/doi-thoai/nhiem-vu/cua-toi/")
    tasks = page.inner_text("main")
    assert "phường Đức Xuân" in tasks
    assert round_.title in tasks
