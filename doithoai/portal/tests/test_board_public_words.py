"""Only what a person confirmed and the personal-data check passed reaches the board, its issue
pages and the public JSON; the table stacks into labelled cards on a phone."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from doithoai.followup.choices import AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment

pytestmark = pytest.mark.django_db


def _api(client, round_):
    return client.get(f"/api/v1/public/results/rounds/{round_.pk}/issues").json()


def test_an_unconfirmed_title_stays_off_every_public_page(client, demo_round, make_issue):
    draft = make_issue(title="Lấn chiếm vỉa hè trước chợ phường Sông Cầu", confirmed=False)
    board = client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    assert draft.title not in board
    assert draft.pk not in [r["id"] for r in _api(client, demo_round)]
    issue_page = client.get(reverse("portal-issue", args=[demo_round.pk, draft.pk]))
    assert issue_page.status_code == 404
    draft.title_confirmed = True
    draft.save(update_fields=["title_confirmed"])
    assert draft.title in client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    assert draft.pk in [r["id"] for r in _api(client, demo_round)]


def test_a_confirmed_title_with_a_name_is_still_held_back(client, demo_round, make_issue):
    named = make_issue(title="Hộ ông Nguyễn Văn Tranh lấn chiếm đất", confirmed=True)
    assert (
        named.title
        not in client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    )
    assert client.get(reverse("portal-issue", args=[demo_round.pk, named.pk])).status_code == 404


def test_an_answer_with_a_phone_number_keeps_its_issue_off_the_board(
    client, demo_round, make_issue, qldt
):
    issue = make_issue(title="Cống thoát nước tổ 9 bị tắc")
    assignment = Assignment.objects.create(
        issue=issue, lead=qldt, state=AssignmentState.CLOSED, due_on=datetime.date(2016, 10, 1)
    )
    Answer.objects.create(
        assignment=assignment,
        text="Đã liên hệ số 0912 345 678 để xử lý.",
        state=AnswerState.PUBLISHED,
        published_at=timezone.now(),
    )
    board = client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    assert issue.title not in board and "0912 345 678" not in board
    assert issue.pk not in [r["id"] for r in _api(client, demo_round)]


def test_issue_page_shows_the_answer_and_links_back(client, demo_round, make_issue, publish):
    issue = make_issue(title="Đường tổ 5 phường Đức Xuân xuống cấp")
    publish(issue, "Đã sửa xong đoạn đường trong tháng 10.")
    board = client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    url = reverse("portal-issue", args=[demo_round.pk, issue.pk])
    assert f'href="{url}"' in board
    page = client.get(url).content.decode()
    assert issue.title in page and "Đã sửa xong đoạn đường" in page
    assert reverse("portal-board", args=[demo_round.pk]) in page
    assert client.get(reverse("portal-issue", args=[demo_round.pk, 999999])).status_code == 404


def test_board_cells_carry_their_column_name_for_the_phone_layout(client, demo_round, make_issue):
    make_issue(title="Chiếu sáng công cộng khu chợ")
    page = client.get(reverse("portal-board", args=[demo_round.pk])).content.decode()
    assert 'class="board stack"' in page
    assert 'data-label="Trả lời"' in page and 'data-label="Thời hạn"' in page
    # the topic filter is a list of names, not a code to type
    assert 'name="linh_vuc"' in page and "<select" in page and "Mã lĩnh vực" not in page
