"""Format helpers and model rules shared by both renderers."""

import datetime
import unicodedata

import pytest

from doithoai.core.rendering import (
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    format_number,
    format_place_date,
)
from doithoai.core.rendering.model import clean
from doithoai.core.rendering.samples import sample_plan


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (datetime.date(2016, 9, 5), "Bắc Kạn, ngày 05 tháng 9 năm 2016"),
        (datetime.date(2016, 10, 23), "Bắc Kạn, ngày 23 tháng 10 năm 2016"),
        (datetime.date(2024, 1, 9), "Bắc Kạn, ngày 09 tháng 01 năm 2024"),
        (datetime.date(2024, 2, 29), "Bắc Kạn, ngày 29 tháng 02 năm 2024"),
        (datetime.date(2024, 3, 10), "Bắc Kạn, ngày 10 tháng 3 năm 2024"),
        (datetime.date(2024, 12, 31), "Bắc Kạn, ngày 31 tháng 12 năm 2024"),
    ],
)
def test_place_date_pads_days_below_ten_and_months_one_and_two(date, expected):
    assert format_place_date("Bắc Kạn", date) == expected


def test_number_state_and_party():
    assert format_number(5, "KH", "UBND") == "05/KH-UBND"
    assert format_number(123, "TB", "UBND") == "123/TB-UBND"
    assert format_number(36, "HD", "VPTW", family="party") == "36-HD/VPTW"
    assert format_number(2, "", "UBND") == "02/UBND"
    with pytest.raises(ValueError):
        format_number(0, "KH", "UBND")


def test_number_line_colon_only_for_state():
    doc = sample_plan()
    assert doc.number_line == "Số: 05/KH-UBND"
    doc.family = "party"
    doc.number = "36-HD/VPTW"
    assert doc.number_line == "Số 36-HD/VPTW"


def test_unknown_family_is_rejected():
    with pytest.raises(ValueError):
        OfficialDocument(
            family="church",  # type: ignore[arg-type]
            parent_body="",
            issuing_body="X",
            number="01/X",
            place="Bắc Kạn",
            date=datetime.date(2024, 1, 1),
            kind_label="Thông báo",
            summary="",
            blocks=[],
            signature=Signature(title="Chủ tịch", name="A"),
        )


def test_signature_lines_are_capitalised():
    signature = Signature(
        authority_prefix="KT.", authority_body="Chủ tịch", title="Phó Chủ tịch", name="Lê Văn Ủy"
    )
    assert signature.heading_lines() == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert Signature(title="Thư ký", name="B").heading_lines() == ["THƯ KÝ"]


def test_recipient_lines_punctuation_and_archive():
    doc = sample_plan()
    doc.recipients = ["Thường trực Thành ủy;", "- UBND các xã, phường", ""]
    doc.archive = "VT, VP"
    assert doc.recipient_lines() == [
        "- Thường trực Thành ủy;",
        "- UBND các xã, phường;",
        "- Lưu: VT, VP.",
    ]
    doc.recipients = ["Như trên", "Lưu: VT, TH"]
    assert doc.recipient_lines() == ["- Như trên;", "- Lưu: VT, TH."]


def test_table_rejects_ragged_rows_and_scales_widths():
    with pytest.raises(ValueError):
        Table(header=["a", "b"], rows=[["1"]])
    with pytest.raises(ValueError):
        Table(header=["a", "b"], rows=[], widths_mm=[10])
    widths = Table(header=["a", "b"], rows=[], widths_mm=[200, 130]).column_widths()
    assert sum(widths) == pytest.approx(165)
    assert Table(header=["a", "b", "c"], rows=[]).column_widths() == [55, 55, 55]


def test_clean_normalises_and_drops_xml_forbidden_characters():
    decomposed = unicodedata.normalize("NFD", "Phường Đức Xuân")
    assert clean(decomposed + "\x00\x07") == "Phường Đức Xuân"
    assert clean(Paragraph("a\tb\nc").text) == "a\tb\nc"
