"""The results board is searched, filtered and paged in the database (`board_issue_ids`), rows are
built for the page shown only, and a row whose text fails the personal-data check is withheld
with the count saying so."""

import datetime
import re

import pytest

from doithoai.core.text import fold
from doithoai.dialogues.models import Directive
from doithoai.portal.selectors import BoardFilters, board_issue_ids, board_rows
from doithoai.portal.views import PAGE_SIZE
from doithoai.synthesis.models import IssueMembership

ANSWER = "Đã giải tỏa lòng đường trước chợ Bắc Kạn trong tháng 10."


@pytest.fixture
def board(make_issue, publish, qldt, demo_round):
    answered = make_issue(title="Lấn chiếm vỉa hè khu chợ trung tâm")
    publish(answered, ANSWER)
    Directive.objects.create(
        round=demo_round,
        issue=answered,
        text="Kiểm tra việc lấn chiếm vỉa hè",
        assignee=qldt,
        deadline=datetime.date(2016, 12, 31),
    )
    waiting = make_issue(n=1, title="Thiếu đèn chiếu sáng ngõ nhỏ")
    return answered, waiting


def _ids(client, round_id, **query):
    page = client.get(f"/ket-qua/{round_id}/", query).content.decode()
    return {int(i) for i in re.findall(r'data-testid="issue-(\d+)"', page)}, page


def test_search_reaches_the_lead_department_and_the_ward_but_not_the_answer(
    board, client, demo_round
):
    answered, waiting = board
    found, _page = _ids(client, demo_round.pk, q="quan ly do thi")  # the lead department
    assert answered.pk in found and waiting.pk not in found
    ward = IssueMembership.objects.filter(issue=waiting).get().petition.unit.name
    found, _page = _ids(client, demo_round.pk, q=fold(ward).upper())
    assert waiting.pk in found
    found, _page = _ids(client, demo_round.pk, q="giai toa long duong")  # words of the answer only
    assert answered.pk not in found
    found, _page = _ids(client, demo_round.pk, q="vỉa hè chợ")
    assert found == {answered.pk}


def test_department_and_overdue_filters_match_the_rows(board, client, demo_round, qldt):
    answered, waiting = board
    found, _page = _ids(client, demo_round.pk, co_quan=qldt.pk)
    assert answered.pk in found and waiting.pk not in found
    found, _page = _ids(client, demo_round.pk, qua_han="on")
    assert answered.pk in found and waiting.pk not in found
    # the database filters agree with the rows' own fields, over the whole round
    rows = board_rows(round_=demo_round)
    overdue = list(board_issue_ids(round_=demo_round, filters=BoardFilters(overdue=True)))
    assert overdue == [r.id for r in rows if r.overdue]
    led = list(board_issue_ids(round_=demo_round, filters=BoardFilters(department=qldt.pk)))
    assert led == [r.id for r in rows if r.department_id == qldt.pk]


def test_the_pages_together_show_every_row_once_and_the_count_is_theirs(board, client, demo_round):
    expected = [r.id for r in board_rows(round_=demo_round)]
    seen: list[int] = []
    for number in range(1, len(expected) // PAGE_SIZE + 2):
        page = client.get(f"/ket-qua/{demo_round.pk}/", {"trang": number}).content.decode()
        seen += [int(i) for i in re.findall(r'data-testid="issue-(\d+)"', page)]
        assert f">{len(expected)} vấn đề<" in page
    assert seen == expected


def test_a_row_whose_text_fails_the_check_is_withheld_and_said_so(board, client, demo_round, qldt):
    _answered, waiting = board
    Directive.objects.create(
        round=demo_round,
        issue=waiting,
        text="Liên hệ ông Trần Văn Bí qua số 0912345678",
        assignee=qldt,
        deadline=datetime.date(2016, 12, 31),
    )
    found, page = _ids(client, demo_round.pk, q="den chieu sang ngo nho")
    assert waiting.pk not in found and "0912345678" not in page
    assert 'data-testid="withheld"' in page and "1 vấn đề của trang này tạm ẩn" in page
    assert client.get(f"/ket-qua/{demo_round.pk}/{waiting.pk}/").status_code == 404
