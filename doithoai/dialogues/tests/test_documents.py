"""Each official document of the demo round, rendered to DOCX and PDF and read back."""

import datetime

import pytest

from doithoai.core.document_kinds import DocumentUnavailable, builder_for, document_render
from doithoai.core.rendering.tests.readback import (
    docx_document,
    normalise,
    pdf_reader,
    pdf_text,
)
from doithoai.dialogues.documents import conclusion_rows
from doithoai.dialogues.services import minutes_update, statement_record
from doithoai.units.models import Organisation

PT_PER_MM = 72 / 25.4
HEADER_LEFT = ["UBND TỈNH BẮC KẠN", "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"]
NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
EXPECTED = {
    "plan": {
        "number": "Số: 05/KH-UBND",
        "date": "Bắc Kạn, ngày 05 tháng 9 năm 2016",
        "title": "KẾ HOẠCH",
        "texts": [
            "Giải phóng mặt bằng",
            "trước ngày 10/09/2016",
            "Bí thư Thành ủy kiêm Chủ tịch HĐND thành phố",
            "Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "8 giờ 00, ngày 23 tháng 9 năm 2016",
        ],
    },
    "invitation": {
        "number": "Số: 06/GM-UBND",
        "date": "Bắc Kạn, ngày 05 tháng 9 năm 2016",
        "title": "GIẤY MỜI",
        "texts": [
            "Nông Thị Huệ",
            "Trưởng thôn Nà Pam",
            "Hội trường lớn tầng 1",
            "TM. ỦY BAN NHÂN DÂN",
        ],
    },
    "minutes": {
        "number": "Số: 07/BB-UBND",
        "date": None,
        "title": "BIÊN BẢN",
        "texts": [
            "Thời gian bắt đầu: 8 giờ 00, ngày 23 tháng 9 năm 2016",
            "Thư ký: Lý Thị Mai",
            "Tổ trưởng tổ dân phố: 1/2 đại biểu có mặt",
            "Trả lời (Phòng Quản lý đô thị): Thành phố sẽ ra quân",
            "Chỉ đạo: Giao kiểm tra, xử lý lấn chiếm.",
            "Cuộc họp kết thúc vào 11 giờ 30, ngày 23 tháng 9 năm 2016",
            "THƯ KÝ",
            "CHỦ TỌA",
            "Hà Văn Trường",
        ],
    },
    "conclusion": {
        "number": "Số: 12/TB-UBND",
        "date": "Bắc Kạn, ngày 03 tháng 10 năm 2016",
        "title": "THÔNG BÁO",
        "texts": [
            "để các cơ quan, đơn vị biết, thực hiện./.",
            "Giao kiểm tra, xử lý lấn chiếm.",
            "30/10/2016",
            "TM. ỦY BAN NHÂN DÂN",
        ],
    },
}


@pytest.fixture
def held_round(round_, issues, demo_user):
    from doithoai.demo.dialogues import demo_dialogues

    demo_dialogues(None)
    round_.refresh_from_db()
    actor = demo_user("vanphong")
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    kien = round_.invitees.get(name="Hoàng Văn Kiên")
    kien.state = "present"
    kien.save()
    statement_record(
        actor=actor,
        round_=round_,
        speaker_name="Hoàng Văn Kiên",
        issue=issues[2],
        text="Đề nghị xử lý lấn chiếm vỉa hè khu vực chợ.",
        answer="Thành phố sẽ ra quân lập lại trật tự.",
        answered_by=qldt,
        directive_text="Giao kiểm tra, xử lý lấn chiếm.",
        directive_assignee=qldt,
        directive_deadline=datetime.date(2016, 10, 30),
    )
    hcm = datetime.timezone(datetime.timedelta(hours=7))
    minutes_update(
        actor=actor,
        round_=round_,
        started_at=datetime.datetime(2016, 9, 23, 8, 0, tzinfo=hcm),
        ended_at=datetime.datetime(2016, 9, 23, 11, 30, tzinfo=hcm),
        chair_name="Hà Văn Trường",
        secretary_name="Lý Thị Mai",
    )
    return round_


def _docx_texts(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return normalise(" ".join(parts))


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_docx_reads_back(held_round, kind):
    expected = EXPECTED[kind]
    document = docx_document(document_render(held_round, kind, "docx"))
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.5)
    assert section.page_height.mm == pytest.approx(297, abs=0.5)
    for margin, low, high in (
        (section.top_margin, 20, 25),
        (section.bottom_margin, 20, 25),
        (section.left_margin, 30, 35),
        (section.right_margin, 15, 20),
    ):
        assert low - 0.1 <= margin.mm <= high + 0.1
    left, right = document.tables[0].rows[0].cells
    left_lines = [p.text for p in left.paragraphs if p.text.strip()]
    right_lines = [p.text for p in right.paragraphs if p.text.strip()]
    assert left_lines[:2] == HEADER_LEFT and expected["number"] in left_lines
    assert right_lines[:2] == NATIONAL
    if expected["date"]:
        assert expected["date"] in right_lines
    else:
        assert not any("ngày" in line for line in right_lines)  # minutes: no place-date line
    text = _docx_texts(document)
    assert expected["title"] in text
    for piece in expected["texts"]:
        assert normalise(piece) in text, piece


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_pdf_reads_back(held_round, kind):
    expected = EXPECTED[kind]
    data = document_render(held_round, kind, "pdf")
    first = pdf_reader(data).pages[0]
    assert float(first.mediabox.width) == pytest.approx(595.28, abs=1)
    assert float(first.mediabox.height) == pytest.approx(841.89, abs=1)
    xs: list[float] = []
    first.extract_text(
        visitor_text=lambda t, cm, tm, f, s: xs.append(tm[4] * cm[0] + cm[4]) if t.strip() else None
    )
    assert min(xs) >= 30 * PT_PER_MM - 1  # left margin of at least 30 mm
    text = pdf_text(data)
    for piece in [
        *HEADER_LEFT,
        *NATIONAL,
        expected["number"],
        expected["title"],
        *expected["texts"],
    ]:
        assert normalise(piece) in text, piece
    if expected["date"]:
        assert expected["date"] in text


def test_the_notice_lists_every_issue(held_round, issues):
    rows = conclusion_rows(held_round)
    assert [r[1] for r in rows] == [i.title for i in sorted(issues, key=lambda i: i.pk)]
    docx_text = _docx_texts(docx_document(document_render(held_round, "conclusion", "docx")))
    pdf = pdf_text(document_render(held_round, "conclusion", "pdf"))
    for issue in issues:
        assert normalise(issue.title) in docx_text
        assert normalise(issue.title) in pdf


def test_missing_builder_is_explained(monkeypatch):
    from doithoai.core import document_kinds as registry

    monkeypatch.delitem(registry.BUILDERS, "results")  # as when followup is not installed
    with pytest.raises(DocumentUnavailable, match="results"):
        builder_for("results")
    with pytest.raises(DocumentUnavailable):
        builder_for("nope")


def test_replacement_templates_are_used(held_round, settings, tmp_path):
    from doithoai.core.rendering.pdf_renderer import DEFAULT_TEMPLATE_DIR

    (tmp_path / "state.html").write_text(
        (DEFAULT_TEMPLATE_DIR / "document.html")
        .read_text(encoding="utf-8")
        .replace("<body", "<body data-x='1'", 1)
        + "<!-- MẪU THAY THẾ -->",
        encoding="utf-8",
    )
    settings.DOITHOAI_DOCUMENT_TEMPLATES = str(tmp_path)
    from doithoai.core.document_kinds import builder_for as get
    from doithoai.core.document_kinds import template_dir
    from doithoai.core.rendering import render_html

    html = render_html(get("plan")(held_round), template_dir=template_dir())
    assert "MẪU THAY THẾ" in html
    assert document_render(held_round, "plan", "pdf").startswith(b"%PDF-")
