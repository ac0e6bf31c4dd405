"""The results report and the ward's answer letters on the full demo, read back from DOCX
(python-docx) and PDF (pypdf): header, number, a date line on one line, title, sections,
signature, pages before the appendix, and the summary's figures against the database.

One module-scoped load of the full demo (as in doithoai/demo/tests), rolled back at the end."""

import datetime
import io
import re
from collections import defaultdict
from typing import Any

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from doithoai.accounts.models import User
from doithoai.core.rendering import render_docx, render_pdf
from doithoai.demo.petitions import demo_round
from doithoai.dialogues.models import Directive
from doithoai.followup.choices import DIRECTIVE_SETTLED, ISSUE_SETTLED, AnswerState
from doithoai.followup.documents import APPENDIX_MARK, build_results
from doithoai.followup.documents_letters import letters_pdf
from doithoai.followup.models import Answer, AnswerLetter, Assignment
from doithoai.followup.services.letters import letters_issue
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue
from doithoai.units.models import Unit

REPORT_DATE = datetime.date(2026, 12, 7)
DATE_LINE = "Bắc Kạn, ngày 07 tháng 12 năm 2026"
MAX_PAGES_BEFORE_APPENDIX = 15


@pytest.fixture(scope="module")
def report(full_demo: None, django_db_blocker: Any) -> dict[str, Any]:
    with django_db_blocker.unblock():
        doc = build_results(demo_round(), date=REPORT_DATE)
        return {"doc": doc, "docx": render_docx(doc), "pdf": render_pdf(doc)}


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    word = Document(io.BytesIO(data))
    return [[[c.text.strip() for c in row.cells] for row in t.rows] for t in word.tables]


def _expected_by_department() -> dict[str, list[int]]:
    """Each department's issues, answered, on time, resolved, overdue — one issue at a time."""
    today = timezone.localdate()
    figures: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for issue in Issue.objects.filter(round=demo_round()):
        assignment = Assignment.objects.filter(issue=issue).order_by("-id").first()
        if assignment is None:
            name = "Chưa giao cơ quan chủ trì"
        elif assignment.state == "forwarded" or assignment.lead is None:
            name = "Chuyển cơ quan có thẩm quyền"
        else:
            name = assignment.lead.name
        first = (
            Answer.objects.filter(assignment__issue=issue, state=AnswerState.PUBLISHED)
            .select_related("assignment")
            .order_by("published_at", "id")
            .first()
        )
        on_time = bool(
            first and timezone.localtime(first.published_at).date() <= first.assignment.due_on
        )
        directive = Directive.objects.filter(issue=issue).order_by("-id").first()
        open_directive = directive is not None and directive.state not in DIRECTIVE_SETTLED
        deadline = directive.deadline if open_directive else (assignment and assignment.due_on)
        settled = issue.state in ISSUE_SETTLED and not open_directive
        row = figures[name]
        row[0] += 1
        row[1] += first is not None
        row[2] += on_time
        row[3] += issue.state in ("resolved", "closed")
        row[4] += bool(deadline and deadline < today and not settled)
    return figures


def test_summary_table_matches_the_database(report: dict[str, Any]) -> None:
    tables = _docx_tables(report["docx"])
    summary = next(t for t in tables if t[0][:2] == ["STT", "Cơ quan chủ trì"])
    assert summary[0][2:] == [
        "Số vấn đề",
        "Đã trả lời",
        "Trả lời đúng hạn",
        "Đã giải quyết",
        "Quá hạn",
    ]
    found = {row[1]: [int(v) for v in row[2:]] for row in summary[1:]}
    total = found.pop("Tổng cộng")
    expected = _expected_by_department()
    assert found == dict(expected)
    assert total == [sum(v[i] for v in expected.values()) for i in range(5)]
    assert total[0] == Issue.objects.filter(round=demo_round()).count() > 400
    assert 0 < total[2] <= total[1] and total[3] > 0 and total[4] > 0


def test_themes_table_counts_every_issue(report: dict[str, Any]) -> None:
    tables = _docx_tables(report["docx"])
    themes = next(t for t in tables if t[0][:3] == ["STT", "Lĩnh vực", "Địa bàn"])
    assert (
        sum(int(row[3]) for row in themes[1:]) == Issue.objects.filter(round=demo_round()).count()
    )
    sizes = [int(row[3]) for row in themes[1:]]
    assert sizes == sorted(sizes, reverse=True)


def test_results_docx_reads_back(report: dict[str, Any]) -> None:
    word = Document(io.BytesIO(report["docx"]))
    paragraphs = [p.text for p in word.paragraphs]
    cells = [p.text for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Số: 01/BC-UBND" in cells and DATE_LINE in cells
    assert "BÁO CÁO" in paragraphs
    for heading in (
        "I. KẾT QUẢ CHUNG",
        "II. CÁC VẤN ĐỀ QUÁ HẠN, CHƯA GIẢI QUYẾT XONG",
        "IV. NHIỆM VỤ THỜI GIAN TỚI",
        APPENDIX_MARK,
    ):
        assert heading in paragraphs
    assert "TM. ỦY BAN NHÂN DÂN" in cells and "CHỦ TỊCH" in cells
    # The appendix: every named issue once, numbered on, under its theme, the deadline apart.
    after = paragraphs[paragraphs.index(APPENDIX_MARK) :]
    numbered = [p for p in after if re.match(r"\d+\. ", p)]
    assert [p.split(".", 1)[0] for p in numbered] == [str(i) for i in range(1, len(numbered) + 1)]
    named = (
        Issue.objects.filter(round=demo_round(), title_confirmed=True)
        .filter(
            memberships__petition__legal_kind__in=[
                k for k in LegalKind.values if k != LegalKind.TO_CAO
            ]
        )
        .distinct()
    )
    assert len(numbered) == named.count()
    for line in numbered:
        assert re.search(r" — .+; hạn (\d{2}/\d{2}/\d{4}|—); \S", line), line


def test_results_pdf_reads_back_within_its_page_bounds(report: dict[str, Any]) -> None:
    reader = PdfReader(io.BytesIO(report["pdf"]))
    pages = [page.extract_text() for page in reader.pages]
    first = pages[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Số: 01/BC-UBND" in first
    # The place-and-date line is on one line of the page.
    assert any(DATE_LINE in line for line in first.splitlines())
    assert "BÁO CÁO" in first and "I. KẾT QUẢ CHUNG" in first
    appendix = next(
        i
        for i, text in enumerate(pages)
        if any(line.strip() == APPENDIX_MARK for line in text.splitlines())
    )
    assert 2 <= appendix + 1 <= MAX_PAGES_BEFORE_APPENDIX
    assert len(pages) <= 60
    text = "\n".join(pages)
    assert "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text
    # Dates and states never run together ("21/12/2026Đã trả lời").
    assert not re.search(r"\d{2}/\d{2}/\d{4}[^\W\d_]", text)
    leaked = {
        v
        for p in Petition.objects.filter(round=demo_round()).exclude(submitter_name="")
        for v in (p.submitter_name, p.phone)
        if v and v in text
    }
    assert leaked == set()


def test_the_ward_gets_one_letter_per_petitioner_without_email(full_demo: None, db: Any) -> None:
    officer = User.objects.get(username="phuong")
    duc_xuan = Unit.objects.get(scheme="2004", code="01840")
    published = Answer.objects.filter(state=AnswerState.PUBLISHED)
    expected = {
        p.pk
        for p in Petition.objects.filter(unit=duc_xuan, round=demo_round(), email="")
        .exclude(submitter_name="")
        .exclude(anonymous=True)
        .exclude(legal_kind="to_cao")
        .select_related("issue_link")
        if hasattr(p, "issue_link")
        and published.filter(assignment__issue_id=p.issue_link.issue_id).exists()
    }
    assert len(expected) >= 10
    letters = letters_issue(actor=officer, ward=duc_xuan, on=REPORT_DATE)
    assert {letter.petition_id for letter in letters} == expected
    assert AnswerLetter.objects.filter(ward=duc_xuan).count() == len(expected)
    reader = PdfReader(io.BytesIO(letters_pdf(letters)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("Kính gửi: Ông (Bà)") == len(letters)
    assert len(reader.pages) >= len(letters)
    assert any(DATE_LINE in line for line in reader.pages[0].extract_text().splitlines())
    for letter in letters:
        assert letter.petition.code in text
