"""The downloadable template: its look, and read_table reading it back."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from doithoai.petitions.importing import (
    COLUMNS,
    SpreadsheetError,
    build_template,
    clean_row,
    read_table,
)

from .helpers import naive, xlsx_bytes

FILLED = {
    "text": "Đề nghị lắp đèn chiếu sáng đường vào thôn Nà Phầy.",
    "received_on": naive(2024, 4, 2),
    "legal_kind": "Đề xuất",
    "topic": "Giao thông",
    "unit": "Đức Xuân",
    "place": "Tổ 7",
    "address": "Ngõ 12 đường Trường Chinh",
    "submitter_name": "Hoàng Thị Duyên",
    "phone": "0912345678",
    "email": "duyen@example.vn",
    "submitter_address": "Số 3 ngõ 12",
    "business_name": "Tạp hoá Duyên",
    "tax_code": "4700123456",
    "submitter_type": "Hộ kinh doanh",
    "anonymous": "",
    "confidential": "x",
    "on_behalf_of": "Tổ dân phố 7",
    "note": "Đã phản ánh tại hội nghị",
}


def test_template_layout():
    book = load_workbook(io.BytesIO(build_template()))
    assert book.sheetnames == ["Kiến nghị", "Hướng dẫn"]
    sheet = book["Kiến nghị"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["STT", "Nội dung kiến nghị (*)", "Ngày tiếp nhận"]
    assert len(headers) == len(COLUMNS) + 1
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 60
    lists = [rule.formula1 for rule in sheet.data_validations.dataValidation]
    assert '"Phản ánh,Kiến nghị,Đề xuất,Khiếu nại,Tố cáo,PAKN về quy định hành chính"' in lists
    assert any("Hộ kinh doanh" in formula for formula in lists)
    guide = [[c for c in row if c] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert ["Nội dung kiến nghị (*)", "Có", "Bắt buộc, từ 10 đến 5000 ký tự."] in guide
    assert ["Số điện thoại", "Không", "9–11 chữ số, có thể bắt đầu bằng +84."] in guide


def test_unfilled_template_is_an_empty_table():
    with pytest.raises(SpreadsheetError, match="không có dòng kiến nghị nào"):
        read_table(build_template(), "mau.xlsx")


def test_template_round_trip():
    book = load_workbook(io.BytesIO(build_template()))
    sheet = book["Kiến nghị"]
    sheet.append([1, *(FILLED[column.key] for column in COLUMNS)])
    sheet.append([2, "Cống thoát nước bị tắc ở đầu ngõ."])
    table = read_table(xlsx_bytes(book), "mau.xlsx")
    assert table.header_row == 1
    assert table.warnings == []
    assert table.columns == {column.key: index for index, column in enumerate(COLUMNS, start=2)}
    assert [row.row_number for row in table.rows] == [2, 3]

    first = clean_row(table.rows[0], today=datetime.date(2024, 6, 1))
    assert first.errors == []
    assert first.values == {
        **FILLED,
        "received_on": datetime.date(2024, 4, 2),
        "legal_kind": "de_xuat",
        "submitter_type": "ho_kinh_doanh",
        "anonymous": False,
        "confidential": True,
    }
    second = clean_row(table.rows[1], today=datetime.date(2024, 6, 1))
    assert second.errors == []
    assert second.values["text"] == "Cống thoát nước bị tắc ở đầu ngõ."
