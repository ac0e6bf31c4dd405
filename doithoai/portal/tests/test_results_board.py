"""The public results board and its JSON: searchable without diacritics, filterable, no personal
data; published answers on the lookup page; the results report read back from DOCX and PDF."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader

from doithoai.core.rendering import render_docx, render_pdf
from doithoai.dialogues.models import Directive, Round
from doithoai.followup.documents import build_results
from doithoai.petitions.models import Petition

ANSWER = "Phòng Quản lý đô thị đã sửa xong đoạn đường tổ 5 trong tháng 10."


@pytest.fixture
def published(make_issue, publish, qldt, demo_round):
    issue = make_issue(title="Đường tổ 5 phường Đức Xuân xuống cấp")
    other = make_issue(n=1, title="Chiếu sáng công cộng khu chợ")
    secret = make_issue(n=1, title="Tố cáo cán bộ X", legal_kind="to_cao")
    publish(issue, ANSWER)
    Directive.objects.create(
        round=demo_round,
        issue=issue,
        text="Hoàn thiện hệ thống thoát nước tổ 5",
        assignee=qldt,
        deadline=datetime.date(2016, 12, 31),
    )
    return issue, other, secret


def _personal_strings():
    values = set()
    for p in Petition.objects.filter(round__unit__code="058").exclude(submitter_name=""):
        values |= {p.submitter_name, p.phone, p.email, p.submitter_address, p.tax_code}
    return {v for v in values if v and len(v) > 4}


def test_board_shows_issue_answer_directive_and_no_personal_data(published, client, demo_round):
    issue, other, secret = published
    page = client.get(f"/ket-qua/{demo_round.pk}/").content.decode()
    assert issue.title in page and ANSWER in page and "Hoàn thiện hệ thống thoát nước" in page
    assert other.title in page and "Phòng Quản lý đô thị" in page
    assert secret.title not in page  # denunciations never appear in public flows
    assert "quá hạn" in page  # the 2016 directive deadline has passed
    leaked = [v for v in _personal_strings() if v in page]
    assert leaked == []


def test_search_ignores_diacritics_and_filters(published, client, demo_round):
    issue, other, _secret = published
    page = client.get(f"/ket-qua/{demo_round.pk}/", {"q": "duong to 5 duc xuan"}).content.decode()
    assert issue.title in page and other.title not in page
    page = client.get(f"/ket-qua/{demo_round.pk}/", {"trang_thai": "open"}).content.decode()
    assert other.title in page and issue.title not in page
    assert client.get(f"/ket-qua/{demo_round.pk}/", {"trang_thai": "bogus"}).status_code == 200


def test_public_json_has_no_personal_data(published, client, demo_round):
    issue, _other, secret = published
    response = client.get(f"/api/v1/public/results/rounds/{demo_round.pk}/issues", {"q": "DUONG"})
    assert response.status_code == 200
    rows = response.json()
    assert [r["id"] for r in rows] == [issue.pk]
    assert rows[0]["answer"] == ANSWER and rows[0]["petitioners"] == 2 and rows[0]["overdue"]
    assert set(rows[0]) == {
        "id",
        "title",
        "topic",
        "units",
        "petitioners",
        "answer",
        "directive",
        "department",
        "deadline",
        "state",
        "overdue",
        "forwarded_to",
    }
    everything = client.get(
        f"/api/v1/public/results/rounds/{demo_round.pk}/issues"
    ).content.decode()
    assert secret.title not in everything
    assert [v for v in _personal_strings() if v in everything] == []
    assert client.get("/api/v1/public/results/rounds/999999/issues").status_code == 404


def test_draft_rounds_are_not_public(client, demo_round):
    draft = Round.objects.create(
        unit=demo_round.unit, organisation=demo_round.organisation, title="Kỳ nháp", state="draft"
    )
    assert client.get(f"/ket-qua/{draft.pk}/").status_code == 404


def test_lookup_page_shows_the_published_answer(published, client):
    issue, other, _secret = published
    petition = Petition.objects.filter(issue_link__issue=issue).first()
    page = client.post("/tra-cuu/", {"ma": petition.code}).content.decode()
    assert ANSWER in page
    unanswered = Petition.objects.filter(issue_link__issue=other).first()
    assert ANSWER not in client.post("/tra-cuu/", {"ma": unanswered.code}).content.decode()


def test_results_report_docx_and_pdf(published, demo_round, make_issue, users, qldt):
    issue, other, secret = published
    later = Round.objects.create(
        unit=demo_round.unit,
        organisation=demo_round.organisation,
        title="Kỳ đối thoại năm 2017",
        state="announced",
        starts_at=datetime.datetime(2017, 9, 20, 8, tzinfo=datetime.UTC),
    )
    doc = build_results(later, date=datetime.date(2017, 10, 5))
    assert doc.kind_label == "Báo cáo" and doc.number.endswith("/BC-UBND")
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(doc))).paragraphs)
    cells = "\n".join(
        c.text
        for t in Document(io.BytesIO(render_docx(doc))).tables
        for r in t.rows
        for c in r.cells
    )
    full = text + "\n" + cells
    assert "BÁO CÁO" in full and "Kết quả giải quyết kiến nghị" in full
    # carried over from 2016: the open issue and the answered issue with a late directive
    assert other.title in full and issue.title in full
    assert secret.title not in full
    assert [v for v in _personal_strings() if v in full] == []
    this_round = build_results(demo_round)
    pdf_text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(this_round))).pages
    )
    assert "BÁO CÁO" in pdf_text and "Đức Xuân" in pdf_text
    assert [v for v in _personal_strings() if v in pdf_text] == []
