"""The conclusion notice and the minutes of the full demo's 2016 round, rendered and read back:
the notice is the chair's (approved, at most 6 pages before its appendix), the minutes hold the
attendance by group, the statements with answers and directives, and the press questions.

One module-scoped load of the full demo on top of the session's reference data, rolled back when
the module ends."""

import re
from typing import Any

import pytest

from doithoai.core.document_kinds import document_render
from doithoai.core.rendering.tests.readback import (
    cell_lines,
    docx_document,
    normalise,
    pdf_reader,
)
from doithoai.demo.petitions import demo_round
from doithoai.dialogues.documents import conclusion_issue_problem
from doithoai.dialogues.models import ConclusionNotice, Round
from doithoai.dialogues.selectors_notice import key_issues

MAX_NOTICE_PAGES = 6  # before the appendix
DATE_LINE = re.compile(r"^Bắc Kạn, ngày \d\d tháng \d{1,2} năm \d{4}$")


@pytest.fixture
def demo(full_demo: None, db: Any) -> Round:
    return demo_round()


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pdf_reader(data).pages]


def _docx_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return normalise(" ".join(parts))


def test_the_demo_notice_is_approved_with_the_chairs_texts(demo: Round) -> None:
    notice = ConclusionNotice.objects.get(round=demo)
    assert notice.approved and notice.approved_by.username == "lanhdao"
    assert notice.opening.endswith("kết luận như sau:")
    assert "Ngày 23 tháng 9 năm 2016" in notice.opening
    assert len([line for line in notice.general_directives.splitlines() if line.strip()]) >= 3
    keys = key_issues(demo)
    assert len(keys) >= 7 and sum(1 for k in keys if k.directives) >= 6
    assert set(notice.points) == {str(k.issue.pk) for k in keys}
    assert conclusion_issue_problem(demo) is None


def test_the_notice_pdf_is_short_before_its_appendix(demo: Round) -> None:
    pages = _pages(document_render(demo, "conclusion", "pdf"))
    first_lines = [line.strip() for line in pages[0].splitlines()]
    assert "Bắc Kạn, ngày 03 tháng 10 năm 2016" in first_lines  # the date line on one line
    assert any(DATE_LINE.match(line) for line in first_lines)
    text = normalise(" ".join(pages))
    for piece in (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/TB-UBND",
        "THÔNG BÁO",
        "Kết luận tại Hội nghị tiếp xúc, đối thoại",
        "I. VỀ CÁC NỘI DUNG ĐÃ THẢO LUẬN TẠI HỘI NGHỊ",
        "II. CHỈ ĐẠO CHUNG ĐỐI VỚI CÁC PHÒNG, BAN VÀ XÃ, PHƯỜNG",
        "Cơ quan thực hiện: Phòng Quản lý đô thị",
        "để các cơ quan, đơn vị biết, thực hiện./.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Hoàng Văn Minh",
    ):
        assert normalise(piece) in text, piece
    assert "Giao cơ quan chuyên môn tham mưu trả lời" not in text
    starts = [n for n, page in enumerate(pages) if "PHỤ LỤC" in page]
    assert starts, "the appendix heading is missing"
    assert starts[0] + 1 <= MAX_NOTICE_PAGES, f"the notice runs {starts[0] + 1} pages"
    assert 2 <= len(pages) - starts[0] <= 30
    issues = demo.issues.count()
    keys = len(key_issues(demo))
    assert f"Gồm {issues - keys} vấn đề" in text


def test_the_notice_docx_reads_back(demo: Round) -> None:
    document = docx_document(document_render(demo, "conclusion", "docx"))
    left, right = document.tables[0].rows[0].cells
    assert "Số: 12/TB-UBND" in cell_lines(left)
    assert "Bắc Kạn, ngày 03 tháng 10 năm 2016" in cell_lines(right)
    text = _docx_text(document)
    notice = ConclusionNotice.objects.get(round=demo)
    assert normalise(notice.opening) in text
    for line in notice.general_directives.splitlines():
        assert normalise(line) in text
    assert "PHỤ LỤC" in text and "TM. ỦY BAN NHÂN DÂN" in text


def test_the_minutes_read_back(demo: Round) -> None:
    pages = _pages(document_render(demo, "minutes", "pdf"))
    assert 2 <= len(pages) <= 12
    first = [line.strip() for line in pages[0].splitlines()]
    assert not any(DATE_LINE.match(line) for line in first)  # form 1.9: no place-date line
    text = normalise(" ".join(pages))
    for piece in (
        "Số: 07/BB-UBND",
        "BIÊN BẢN",
        "Thời gian bắt đầu: 8 giờ 00, ngày 23 tháng 9 năm 2016",
        "I. THÀNH PHẦN THAM DỰ",
        "Hộ kinh doanh dịch vụ:",
        "II. Ý KIẾN PHÁT BIỂU, TRẢ LỜI VÀ CHỈ ĐẠO TẠI HỘI NGHỊ",
        "III. CÂU HỎI CỦA BÁO CHÍ",
        "(Báo Bắc Kạn)",
        "Cuộc họp kết thúc vào 11 giờ 30, ngày 23 tháng 9 năm 2016",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Nguyễn Thị Hoa",
        "Hoàng Văn Minh",
    ):
        assert normalise(piece) in text, piece
    said = list(demo.statements.order_by("created_at", "id"))
    positions = [text.find(normalise(s.text[:60])) for s in said]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)  # in order
    for question in demo.press_questions.all():
        assert normalise(question.question) in text
        assert normalise(question.answer[:60]) in text
    document = docx_document(document_render(demo, "minutes", "docx"))
    docx_text = _docx_text(document)
    assert "III. CÂU HỎI CỦA BÁO CHÍ" in docx_text or "III. Câu hỏi của báo chí" in docx_text
    for statement in said:
        assert normalise(statement.answer[:60]) in docx_text
