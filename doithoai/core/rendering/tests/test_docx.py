"""Read the DOCX output back with python-docx."""

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from doithoai.core.rendering import Paragraph, render_docx

from .readback import cell_lines, docx_document


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def test_page_is_a4_portrait_with_decree_margins(plan_docx):
    section = plan_docx.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    assert section.top_margin.mm == pytest.approx(20, abs=0.1)
    assert section.bottom_margin.mm == pytest.approx(20, abs=0.1)
    assert section.left_margin.mm == pytest.approx(30, abs=0.1)
    assert section.right_margin.mm == pytest.approx(15, abs=0.1)


def test_page_number_field_from_page_two(plan_docx):
    section = plan_docx.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml


def test_header_table_texts_and_cell_widths(plan_docx):
    header = plan_docx.tables[0]
    left, right = header.rows[0].cells
    assert cell_lines(left) == [
        "UBND TỈNH BẮC KẠN",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN",
        "Số: 05/KH-UBND",
    ]
    assert cell_lines(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Kạn, ngày 05 tháng 9 năm 2016",
    ]
    for cell, mm in ((left, 70), (right, 95)):
        width = cell._tc.tcPr.find(qn("w:tcW"))
        assert width.get(qn("w:type")) == "dxa"
        assert int(width.get(qn("w:w"))) == twips(mm)


def test_header_formatting(plan_docx):
    left, right = plan_docx.tables[0].rows[0].cells
    parent, issuing = left.paragraphs[0].runs[0], left.paragraphs[1].runs[0]
    assert not parent.bold and issuing.bold
    assert left.paragraphs[2]._p.pPr.find(qn("w:pBdr")) is not None  # short rule
    title, motto, date = (p for p in right.paragraphs if p.text)
    assert title.runs[0].bold and title.runs[0].font.size == Pt(12)
    assert motto.runs[0].bold and motto.runs[0].underline
    assert date.runs[0].italic and not date.runs[0].bold


def test_title_and_body_paragraphs(plan_docx):
    paragraphs = [p for p in plan_docx.paragraphs if p.text.strip()]
    kind = next(p for p in paragraphs if p.text == "KẾ HOẠCH")
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert kind.runs[0].bold and kind.runs[0].font.size == Pt(14)
    summary = paragraphs[paragraphs.index(kind) + 1]
    assert summary.text.startswith("Tiếp xúc, đối thoại trực tiếp")
    assert summary.runs[0].bold
    body = next(p for p in paragraphs if p.text.startswith("Lắng nghe"))
    fmt = body.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent == Mm(12.7)
    assert fmt.space_after == Pt(6)
    assert body.style.font.size == Pt(14)
    texts = [p.text for p in paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert any("Phường Đức Xuân" in t for t in texts)
    assert any("giải phóng mặt bằng" in t for t in texts)
    assert "- Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 8 tháng." in texts


def test_signature_and_recipients(plan_docx):
    left, right = plan_docx.tables[-1].rows[0].cells
    assert cell_lines(right) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Duy Chinh"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)
    assert cell_lines(left) == [
        "Nơi nhận:",
        "- Thường trực Thành ủy;",
        "- Ủy ban MTTQ Việt Nam thành phố;",
        "- UBND các xã, phường;",
        "- Lưu: VT, VP.",
    ]
    heading = left.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size == Pt(12)
    assert left.paragraphs[1].runs[0].font.size == Pt(11)


def test_issue_table_rows_read_back_fully(samples):
    doc = samples.sample_conclusion_notice(5)
    document = docx_document(render_docx(doc))
    table = document.tables[1]
    expected = doc.blocks[2]
    assert [c.text for c in table.rows[0].cells] == expected.header
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == expected.rows
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    first = table.rows[1].cells
    assert int(first[1]._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == twips(37)
    assert cell_lines(document.tables[-1].rows[0].cells[1]) == [
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
        "Nguyễn Thị Hà",
    ]


def test_minutes_have_no_date_line_and_two_signatures(samples):
    document = docx_document(render_docx(samples.sample_minutes()))
    right = document.tables[0].rows[0].cells[1]
    assert cell_lines(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    secretary, chair = document.tables[1].rows[0].cells
    assert cell_lines(secretary) == ["THƯ KÝ", "Lý Thị Mai"]
    assert cell_lines(chair) == ["CHỦ TỌA", "Hoàng Duy Chinh"]
    assert cell_lines(document.tables[2].rows[0].cells[0])[0] == "Nơi nhận:"


def test_party_header(samples):
    document = docx_document(render_docx(samples.sample_party_guidance()))
    left, right = document.tables[0].rows[0].cells
    assert cell_lines(left) == ["ĐẢNG BỘ TỈNH BẮC KẠN", "THÀNH ỦY BẮC KẠN", "*", "Số 02-HD/TU"]
    assert cell_lines(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Kạn, ngày 01 tháng 02 năm 2018"]
    assert right.paragraphs[0].runs[0].underline


def test_hostile_text_survives(samples):
    doc = samples.sample_plan()
    doc.blocks = [Paragraph("Ký tự lạ \x00\x0b <w:t> & “ngoặc”\ndòng hai")]
    document = docx_document(render_docx(doc))
    texts = [p.text for p in document.paragraphs]
    assert "Ký tự lạ  <w:t> & “ngoặc”\ndòng hai" in texts
