"""Acceptance (issue 13): no public page or public API answer of the demo shows a petitioner's
name, phone or e-mail, or anything the public-words check finds (honorific + name, phone, e-mail,
ID and house numbers) — while the database holds hundreds of named petitioners, issues whose
generated titles carry names, a legacy answer with a phone number and a public registration."""

import datetime
import re

import pytest
from django.utils import timezone

from doithoai.dialogues.models import Round, RoundState
from doithoai.dialogues.services import invitee_register_public
from doithoai.followup.choices import AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment
from doithoai.petitions.models import Petition
from doithoai.portal import selectors
from doithoai.portal.tests.public_scan import leaks, personal_values, public_answers
from doithoai.synthesis.models import Issue, IssueMembership

pytestmark = pytest.mark.django_db
ENGLISH = re.compile(
    r"\b(?:select an option|forbidden|not found|submit|search|next|previous|received|minutes|"
    r"plan|announced|concluded|published|true|false|none|petition\.\w+|issue\.\w+)\b",
    re.IGNORECASE,
)

CLEAN = [
    ("Ngập úng đường Trường Chinh, phường Đức Xuân", "Đã nạo vét cống thoát nước trong tháng 10."),
    ("Rác thải tồn đọng khu chợ phường Sông Cầu", "Tăng tần suất thu gom rác lên hằng ngày."),
    ("Đèn chiếu sáng hỏng tại tổ 9, phường Phùng Chí Kiên", "Đã thay 12 bộ đèn."),
]


@pytest.fixture
def round_with_results(demo_round, publish, qldt):
    """The demo's 2016 round, concluded: its named petitions grouped into issues — most with
    raw titles nobody confirmed (several naming the petitioner), a few confirmed and answered —
    plus an announced round with a public registration."""
    named = list(
        Petition.objects.filter(round=demo_round, issue_link__isnull=True)
        .exclude(submitter_name="")
        .order_by("id")[:40]
    )
    assert len(named) == 40, "the demo must hold named petitions"
    for i, petition in enumerate(named[:30]):
        raw = f"Hộ ông {petition.submitter_name} có tranh chấp đất, số điện thoại {petition.phone}"
        title = raw if i % 3 == 0 else petition.text.split(".")[0][:300]
        issue = Issue.objects.create(round=demo_round, unit=demo_round.unit, title=title)
        IssueMembership.objects.create(petition=petition, issue=issue)
    for (title, text), petition in zip(CLEAN, named[30:33], strict=True):
        issue = Issue.objects.create(
            round=demo_round, unit=demo_round.unit, title=title, title_confirmed=True
        )
        IssueMembership.objects.create(petition=petition, issue=issue)
        publish(issue, text)
    # An answer published before the personal-data check existed: its issue stays off the board.
    legacy = Issue.objects.create(
        round=demo_round,
        unit=demo_round.unit,
        title="Lấn chiếm vỉa hè đường Nguyễn Văn Tố",
        title_confirmed=True,
    )
    IssueMembership.objects.create(petition=named[33], issue=legacy)
    assignment = Assignment.objects.create(
        issue=legacy, lead=qldt, state=AssignmentState.CLOSED, due_on=datetime.date(2016, 10, 31)
    )
    Answer.objects.create(
        assignment=assignment,
        text=f"Đã làm việc với bà {named[33].submitter_name}, điện thoại {named[33].phone}.",
        state=AnswerState.PUBLISHED,
        published_at=timezone.now(),
    )
    Round.objects.filter(pk=demo_round.pk).update(state=RoundState.CONCLUDED)
    announced = Round.objects.create(
        unit=demo_round.unit,
        organisation=demo_round.organisation,
        title="Đối thoại trực tiếp năm 2026",
        starts_at=timezone.now() + datetime.timedelta(days=20),
        venue="Hội trường UBND phường Đức Xuân",
        intake_deadline=timezone.localdate() + datetime.timedelta(days=10),
        open_seats=20,
        state=RoundState.ANNOUNCED,
    )
    invitee_register_public(
        round_=announced, name="Lường Thị Đăng Ký", unit=None, phone="0987654321"
    )
    return demo_round, named[30].code


def test_no_public_page_or_api_answer_shows_personal_data(round_with_results, client):
    demo_round, code = round_with_results
    answers = public_answers(client, code=code)
    assert [a.url for a in answers if a.status >= 500] == []
    shown = {a.url: a for a in answers}
    # the scan reached the pages that matter, with content
    board = shown[f"/ket-qua/{demo_round.pk}/?trang=1"]
    assert board.status == 200 and all(title in board.text for title, _ in CLEAN)
    assert any(url.startswith(f"/ket-qua/{demo_round.pk}/") and "?" not in url for url in shown)
    assert shown["POST /tra-cuu/"].status == 200 and code in shown["POST /tra-cuu/"].text
    assert code in shown["/kien-nghi/da-gui/"].text
    assert any(url.startswith("/api/v1/public/results/rounds/") for url in shown)
    assert any(url.startswith("/api/v1/public/petitions/") for url in shown)
    values = personal_values()
    assert len(values) > 500  # the demo's petitioners, and the registration
    assert leaks(answers, values) == []
    # and the pages speak Vietnamese: no English interface words, raw codes or Python values
    english = {
        a.url: sorted(set(ENGLISH.findall(a.text)))
        for a in answers
        if not a.url.startswith(("/api/", "/open311/")) and ENGLISH.search(a.text)
    }
    assert english == {}


def test_the_scan_finds_a_board_that_shows_unconfirmed_titles(
    round_with_results, client, monkeypatch
):
    """If the board published raw titles and unchecked answers, the scan above would fail."""
    _round, code = round_with_results
    monkeypatch.setattr(selectors, "PUBLIC_ISSUES", selectors.Q())
    monkeypatch.setattr(selectors, "is_publishable", lambda row: True)
    found = leaks(public_answers(client, code=code), personal_values())
    assert any("from the database" in f for f in found)
    assert any(" name " in f for f in found) and any(" phone " in f for f in found)


# Where the petitioner's own code may show: the answers to someone who holds it.
HOLDERS_OF_THE_CODE = ("POST /tra-cuu/", "/kien-nghi/da-gui/", "/api/v1/public/petitions/")
CODE_SHAPE = re.compile(r"[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{4}")


def test_no_public_list_shows_a_tracking_code(round_with_results, client):
    """The tracking code is a secret (issue 15): scan every public answer, Open311's list of
    every petition included, for every petition's code. Only the answers to the petitioner who
    typed their own code show it; Open311 names requests by their public ids."""
    _round, code = round_with_results
    codes = set(Petition.objects.values_list("code", flat=True))
    assert len(codes) > 100
    answers = public_answers(client, code=code)
    shown = {
        (a.url, found)
        for a in answers
        for found in CODE_SHAPE.findall(a.raw)
        if found in codes and not (found == code and a.url.startswith(HOLDERS_OF_THE_CODE))
    }
    assert shown == set()
    listed = [
        row for a in answers if a.url.startswith("/open311/v2/requests.json") for row in a.texts
    ]
    public_ids = {str(p) for p in Petition.objects.values_list("public_id", flat=True)}
    assert public_ids <= set(listed)
