"""Read the PDF output back with pypdf."""

import pytest

from doithoai.core.rendering import Paragraph, render_html, render_pdf
from doithoai.core.rendering.pdf_renderer import DEFAULT_TEMPLATE_DIR, _ConfinedFetcher

from .readback import normalise, pdf_reader, pdf_text, top_margin_text


def test_page_is_a4(plan_pdf):
    for page in pdf_reader(plan_pdf).pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=1)
        assert float(page.mediabox.height) == pytest.approx(841.89, abs=1)


def test_header_title_and_vietnamese_text_come_back_intact(plan_pdf):
    text = pdf_text(plan_pdf)
    for expected in (
        "UBND TỈNH BẮC KẠN",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN",
        "Số: 05/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Kạn, ngày 05 tháng 9 năm 2016",
        "KẾ HOẠCH",
        "Tiếp xúc, đối thoại trực tiếp của Lãnh đạo thành phố",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Phường Đức Xuân",
        "giải phóng mặt bằng",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Hoàng Duy Chinh",
        "Nơi nhận:",
        "- Thường trực Thành ủy;",
        "- Lưu: VT, VP.",
    ):
        assert expected in text


def test_header_lines_in_order(plan_pdf):
    lines = [normalise(line) for line in pdf_reader(plan_pdf).pages[0].extract_text().splitlines()]
    order = ["UBND TỈNH BẮC KẠN", "Số: 05/KH-UBND", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"]
    positions = [next(i for i, line in enumerate(lines) if key in line) for key in order]
    assert positions == sorted(positions)


def test_page_numbers_from_page_two_in_top_margin(samples):
    pdf = render_pdf(samples.sample_conclusion_notice(40))
    pages = pdf_reader(pdf).pages
    assert len(pages) >= 3
    assert top_margin_text(pages[0]) == []
    assert top_margin_text(pages[1]) == ["2"]
    assert top_margin_text(pages[2]) == ["3"]


def test_issue_table_fully_present(samples):
    doc = samples.sample_conclusion_notice(5)
    text = pdf_text(render_pdf(doc))
    assert "THÔNG BÁO" in text
    assert "STT Nội dung kiến nghị Trả lời Chỉ đạo Đơn vị Thời hạn" in text
    for row in doc.blocks[2].rows:
        for cell in row:
            assert normalise(cell) in text
    assert "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG" in text


def test_minutes_and_party(samples):
    minutes = pdf_text(render_pdf(samples.sample_minutes()))
    assert "Số: 03/BB-UBND" in minutes
    assert "ngày 23 tháng 9 năm 2016" not in minutes.split("BIÊN BẢN")[0]
    assert "THƯ KÝ" in minutes and "CHỦ TỌA" in minutes and "Lý Thị Mai" in minutes
    party = pdf_text(render_pdf(samples.sample_party_guidance()))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in party
    assert "Số 02-HD/TU" in party and "Số:" not in party
    assert "Bắc Kạn, ngày 01 tháng 02 năm 2018" in party
    assert "CỘNG HÒA" not in party


def test_user_text_is_escaped(samples, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = samples.sample_plan()
    doc.summary = f'<img src="file://{secret}"> & <b>đậm</b>'
    doc.blocks = [Paragraph("<script>alert(1)</script> $css ${body}")]
    html = render_html(doc)
    assert "<img src" not in html and "&lt;img src=" in html
    assert "<script>" not in html
    text = pdf_text(render_pdf(doc))
    assert '<img src="file://' in text and "> & <b>đậm</b>" in text
    assert "TOP-SECRET" not in text
    assert "<script>alert(1)</script> $css ${body}" in text


def test_fetcher_is_confined_to_template_directories(tmp_path):
    fetcher = _ConfinedFetcher([tmp_path])
    (tmp_path / "logo.txt").write_text("ok")
    assert fetcher.fetch((tmp_path / "logo.txt").as_uri()) is not None
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.invalid/x.png")


def test_template_dir_overrides_html_and_keeps_default_css(samples, tmp_path):
    default = (DEFAULT_TEMPLATE_DIR / "document.html").read_text(encoding="utf-8")
    custom = default.replace('<p class="kind">', '<p class="kind">MẪU RIÊNG ')
    (tmp_path / "state.html").write_text(custom, encoding="utf-8")
    pdf = render_pdf(samples.sample_plan(), template_dir=tmp_path)
    assert "MẪU RIÊNG KẾ HOẠCH" in pdf_text(pdf)
    assert float(pdf_reader(pdf).pages[0].mediabox.width) == pytest.approx(595.28, abs=1)
    # A page of the state's own leaves the Party's documents on the packaged page.
    assert "MẪU RIÊNG" not in pdf_text(
        render_pdf(samples.sample_party_guidance(), template_dir=tmp_path)
    )


def test_replacement_page_serves_every_family_unless_one_has_its_own(samples, tmp_path):
    default = (DEFAULT_TEMPLATE_DIR / "document.html").read_text(encoding="utf-8")
    (tmp_path / "document.html").write_text(
        default.replace('<p class="kind">', '<p class="kind">MẪU CHUNG '), encoding="utf-8"
    )
    (tmp_path / "party.html").write_text(
        default.replace('<p class="kind">', '<p class="kind">MẪU ĐẢNG '), encoding="utf-8"
    )
    assert "MẪU CHUNG KẾ HOẠCH" in pdf_text(
        render_pdf(samples.sample_plan(), template_dir=tmp_path)
    )
    party = pdf_text(render_pdf(samples.sample_party_guidance(), template_dir=tmp_path))
    assert "MẪU ĐẢNG" in party and "MẪU CHUNG" not in party
