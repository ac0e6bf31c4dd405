"""The Front's synthesis report of the full demo's 2016 round (approved) and second round (a
draft), rendered as DOCX and PDF and read back: the Front's own header, the number, the date line
on one line, the title, the sections, the signature and the page count.

One module-scoped load of the full demo on top of the session's reference data, rolled back when
the module ends."""

from typing import Any

import pytest
from django.core.management import call_command

from doithoai.core.document_kinds import BUILDERS, document_render
from doithoai.core.rendering import render_docx, render_pdf
from doithoai.core.rendering.tests.readback import (
    cell_lines,
    docx_document,
    normalise,
    pdf_reader,
)
from doithoai.demo.petitions import demo_round
from doithoai.demo.round2 import second_round
from doithoai.synthesis.documents import (
    APPENDIX_HEADING,
    build_synthesis_report,
    synthesis_report_issue_problem,
)
from doithoai.synthesis.models import ReportState, SynthesisReport

DATE_LINE = "Bắc Kạn, ngày 08 tháng 9 năm 2016"
SECTIONS = [
    "I. TÌNH HÌNH TIẾP NHẬN Ý KIẾN, KIẾN NGHỊ",
    "II. NỘI DUNG Ý KIẾN, KIẾN NGHỊ THEO NHÓM VẤN ĐỀ",
    "III. KIẾN NGHỊ, ĐỀ XUẤT",
]
MAX_BODY_PAGES = 12
MAX_PAGES = 40


@pytest.fixture(scope="module")
def files(full_demo: None, django_db_blocker: Any) -> dict[str, bytes]:
    with django_db_blocker.unblock():
        doc = build_synthesis_report(demo_round(), number="07/BC-MTTQ")
        return {"docx": render_docx(doc), "pdf": render_pdf(doc)}


@pytest.fixture
def demo(full_demo: None, db: Any) -> None:
    return None


def test_demo_rounds_have_an_approved_report_and_a_draft(demo: None) -> None:
    first = SynthesisReport.objects.get(round=demo_round())
    assert first.state == ReportState.APPROVED and first.signer_name == "Hà Văn Quang"
    assert synthesis_report_issue_problem(demo_round()) is None
    later = second_round()
    assert later is not None
    assert SynthesisReport.objects.get(round=later).state == ReportState.DRAFT
    assert synthesis_report_issue_problem(later) == "Mặt trận chưa duyệt báo cáo tổng hợp."


def test_docx_reads_back_with_the_fronts_header(files: dict[str, bytes]) -> None:
    document = docx_document(files["docx"])
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert cell_lines(left) == [
        "ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ BẮC KẠN",
        "BAN THƯỜNG TRỰC",
        "Số: 07/BC-MTTQ",
    ]
    assert cell_lines(right) == ["MẶT TRẬN TỔ QUỐC VIỆT NAM", DATE_LINE]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "Độc lập - Tự do - Hạnh phúc" not in text
    assert "BÁO CÁO" in text and "Tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân" in text
    positions = [text.index(section) for section in SECTIONS]
    assert positions == sorted(positions)
    assert text.index(APPENDIX_HEADING.upper()) > positions[-1]
    assert "Theo kênh tiếp nhận" in text and "Theo địa bàn" in text and "Theo lĩnh vực" in text
    closing = document.tables[-1]
    recipients, signature = closing.rows[0].cells
    assert cell_lines(signature) == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Hà Văn Quang"]
    assert cell_lines(recipients)[0] == "Nơi nhận:"
    assert cell_lines(recipients)[-1] == "- Lưu: VT."
    counts = document.tables[1]
    assert [c.text for c in counts.rows[0].cells] == [
        "STT",
        "Kênh tiếp nhận",
        "Số ý kiến, kiến nghị",
        "Tỷ lệ",
    ]
    assert [c.text for c in counts.rows[-1].cells][1:3] == ["Tổng cộng", "560"]


def test_pdf_reads_back_in_bounds(files: dict[str, bytes]) -> None:
    reader = pdf_reader(files["pdf"])
    pages = [page.extract_text() for page in reader.pages]
    first_lines = [normalise(line) for line in pages[0].splitlines()]
    assert DATE_LINE in first_lines  # the date line is one line
    first = normalise(pages[0])
    assert "MẶT TRẬN TỔ QUỐC VIỆT NAM" in first and "BAN THƯỜNG TRỰC" in first
    assert "Số: 07/BC-MTTQ" in first and "BÁO CÁO" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in first
    appendix = next(
        n for n, text in enumerate(pages) if APPENDIX_HEADING.upper() in normalise(text)
    )
    assert 3 <= appendix <= MAX_BODY_PAGES  # the report itself: a dozen pages at most
    assert len(pages) <= MAX_PAGES
    last = normalise(pages[-1])
    assert "TM. BAN THƯỜNG TRỰC" in last and "Hà Văn Quang" in last
    assert all(s in normalise(" ".join(pages)) for s in SECTIONS)


def test_document_kind_and_command(demo: None, tmp_path: Any) -> None:
    assert "synthesis" in BUILDERS
    draft = document_render(second_round(), "synthesis", "docx")
    text = "\n".join(p.text for p in docx_document(draft).paragraphs)
    assert "II. NỘI DUNG Ý KIẾN, KIẾN NGHỊ THEO NHÓM VẤN ĐỀ" in text
    output = tmp_path / "bao-cao.docx"
    call_command("document", "synthesis", "--round", str(demo_round().pk), "--output", str(output))
    header = docx_document(output.read_bytes()).tables[0]
    assert "Số: …/BC-MTTQ" in cell_lines(header.rows[0].cells[0])
