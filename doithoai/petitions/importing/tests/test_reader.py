"""read_table on real, messy files built with openpyxl and csv."""

import datetime
import io
import unicodedata
import zipfile

import pytest
from openpyxl import Workbook

from doithoai.petitions.importing import SpreadsheetError, clean_row, read_table
from doithoai.petitions.importing.columns import match_header

from .helpers import csv_bytes, naive, nfd, xlsx_bytes

TODAY = datetime.date(2024, 6, 1)
TEXT_1 = "Đường ngõ 12 tổ 5 xuống cấp, đề nghị sửa chữa trước mùa mưa."
TEXT_2 = "Đèn chiếu sáng khu vực chợ Đức Xuân bị hỏng nhiều tháng."
TEXT_3 = "Rác thải tập kết không đúng giờ gây ô nhiễm môi trường."


def messy_ward_file() -> bytes:
    """Title rows, a two-row merged header, shuffled and unaccented headings, NFD text,
    text dates, a blank row, a ward merged down the rows, a total row and a footer."""
    book = Workbook()
    ws = book.active
    ws.title = "Tổng hợp"
    ws["A1"] = "UBND PHƯỜNG ĐỨC XUÂN"
    ws.merge_cells("A1:H1")
    ws["A2"] = "DANH SÁCH KIẾN NGHỊ CỦA CỬ TRI QUÝ I/2024"
    ws.merge_cells("A2:H2")
    header = {"A4": "STT", "B4": "Ngay tiep nhan", "C4": "Người kiến nghị"}
    header |= {"E4": nfd("Nội dung kiến nghị"), "F4": "Dia ban", "G4": "Tổ dân phố"}
    header |= {"H4": "Cột lạ", "C5": "Họ tên", "D5": nfd("Điện thoại")}
    for ref, value in header.items():
        ws[ref] = value
    for rng in ("A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G4:G5", "H4:H5"):
        ws.merge_cells(rng)
    ws.append([1, "05/03/2024", "Nguyễn Văn An", "0912 345 678", nfd(TEXT_1), "Đức Xuân", "Tổ 5"])
    ws.append([])
    ws.append([2, naive(2024, 3, 6), "Trần Thị Bình", "+84 987.654.321", TEXT_2])
    ws.append([3, "7/3/2024", nfd("Lê  Văn   Cường"), 912345678, f"  {TEXT_3}  ", None, "Tổ 2"])
    ws.merge_cells("F6:F9")
    ws.append([4])  # numbered in advance, otherwise empty
    ws.append(["Tổng cộng", None, None, None, None, 3])
    ws.merge_cells("A11:D11")
    ws.append([None, "Người lập biểu", None, None, None, "Chủ tịch UBND"])
    return xlsx_bytes(book)


def test_messy_ward_file_reads_exact_rows():
    table = read_table(messy_ward_file(), "kien-nghi.xlsx")
    assert table.header_row == 4
    assert table.columns == {
        "received_on": 2,
        "submitter_name": 3,
        "phone": 4,
        "text": 5,
        "unit": 6,
        "place": 7,
    }
    assert table.warnings == ["Cột 'Cột lạ' không được nhận dạng nên được bỏ qua."]
    assert [row.row_number for row in table.rows] == [6, 8, 9]
    first = table.rows[0].cells
    assert first["received_on"] == "05/03/2024"
    assert first["text"] == nfd(TEXT_1)
    assert table.rows[1].cells["unit"] == "Đức Xuân"  # merged down
    assert table.rows[2].cells["unit"] == "Đức Xuân"
    assert table.rows[1].cells["place"] is None

    clean = [clean_row(row, today=TODAY) for row in table.rows]
    assert [row.errors for row in clean] == [[], [], []]
    assert [row.values["text"] for row in clean] == [TEXT_1, TEXT_2, TEXT_3]
    assert unicodedata.is_normalized("NFC", str(clean[0].values["text"]))
    assert [row.values["received_on"] for row in clean] == [
        datetime.date(2024, 3, 5),
        datetime.date(2024, 3, 6),
        datetime.date(2024, 3, 7),
    ]
    assert [row.values["phone"] for row in clean] == ["0912345678", "0987654321", "0912345678"]
    assert clean[2].values["submitter_name"] == "Lê Văn Cường"
    assert [row.values["place"] for row in clean] == ["Tổ 5", "", "Tổ 2"]
    assert clean[0].values["legal_kind"] == "kien_nghi"
    assert clean[0].values["submitter_type"] == "nguoi_dan"


def test_csv_with_semicolons_and_bom():
    data = csv_bytes(
        [
            ["STT", "SĐT", "Nội dung", "Phường/xã", "Loại", "An danh"],
            ["1", "0912345678", TEXT_1, "Đức Xuân", "Phản ánh", ""],
            ["", "", "", "", "", ""],
            ["2", "", TEXT_2, "Huyền Tụng", "to cao", "x"],
        ],
        delimiter=";",
        bom=True,
    )
    table = read_table(data, "kn.csv")
    assert table.header_row == 1
    assert table.columns == {"phone": 2, "text": 3, "unit": 4, "legal_kind": 5, "anonymous": 6}
    assert [row.row_number for row in table.rows] == [2, 4]
    second = clean_row(table.rows[1], today=TODAY)
    assert second.errors == []
    assert second.values["legal_kind"] == "to_cao"
    assert second.values["anonymous"] is True
    assert second.values["submitter_type"] == "an_danh"


def test_csv_tab_delimited_with_title_line():
    data = csv_bytes(
        [["DANH SÁCH KIẾN NGHỊ"], ["Nội dung kiến nghị", "Họ và tên"], [TEXT_2, "An"]],
        delimiter="\t",
    )
    table = read_table(data, "kn.txt")
    assert (table.header_row, table.columns) == (2, {"text": 1, "submitter_name": 2})
    assert table.rows[0].cells == {"text": TEXT_2, "submitter_name": "An"}


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Nội dung kiến nghị (*)", "text"),
        ("ND phản ánh", "text"),
        ("Họ tên người KN", "submitter_name"),
        ("Số điện thoại", "phone"),
        ("Đơn vị", "unit"),
        ("Tổ/thôn", "place"),
        ("Địa chỉ người kiến nghị", "submitter_address"),
        ("Địa chỉ", "address"),
        ("MST", "tax_code"),
        ("E-mail", "email"),
        ("Số TT", "stt"),
        ("DANH SÁCH KIẾN NGHỊ", None),
    ],
)
def test_header_synonyms(header, key):
    assert match_header(header) == key


def test_two_row_header_uses_the_child_heading():
    assert match_header("Người kiến nghị", "Điện thoại") == "phone"
    assert match_header("Người kiến nghị", "Địa chỉ") == "submitter_address"
    assert match_header("Người kiến nghị", "Họ tên") == "submitter_name"


NOT_SPREADSHEET = "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV."
CORRUPT = "Tệp Excel bị hỏng hoặc không đọc được. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx."


def _error(data: bytes, filename: str = "kn.xlsx", **kwargs) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, filename, **kwargs)
    return caught.value.message


def test_png_renamed_xlsx():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    assert _error(png) == NOT_SPREADSHEET


def test_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert _error(out.getvalue()) == NOT_SPREADSHEET


def test_corrupt_xlsx():
    good = messy_ward_file()
    assert _error(good[: len(good) // 2]) == CORRUPT
    assert _error(b"PK\x03\x04 this is not really a zip archive") == CORRUPT
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "garbage")
    assert _error(out.getvalue()) == CORRUPT


def test_csv_without_text_column():
    data = csv_bytes([["Họ tên", "SĐT"], ["An", "0912345678"]])
    assert _error(data, "kn.csv") == "Không tìm thấy dòng tiêu đề có cột Nội dung kiến nghị."


def test_header_only_is_empty():
    data = csv_bytes([["Nội dung", "Họ tên"], ["", ""]])
    assert _error(data, "kn.csv") == (
        "Bảng tính không có dòng kiến nghị nào bên dưới dòng tiêu đề (dòng 1)."
    )


def test_empty_and_oversized_files():
    assert _error(b"", "kn.csv") == "Tệp rỗng."
    assert _error(b"x" * 200, "kn.csv", max_bytes=100) == "Tệp lớn hơn giới hạn 100 byte."
    assert _error(b"x" * 2000, "kn.csv", max_bytes=1536) == "Tệp lớn hơn giới hạn 1,5 KB."
    big = b"Noi dung,Ho ten\n" + b"x" * (5 * 1024 * 1024)
    assert _error(big, "kn.csv") == "Tệp lớn hơn giới hạn 5 MB."


def test_too_many_rows():
    rows = [["STT", "Nội dung", "Họ tên"]] + [[str(i), TEXT_1, "An"] for i in range(5001)]
    assert _error(csv_bytes(rows), "kn.csv") == (
        "Tệp có hơn 5.000 dòng kiến nghị; hãy chia thành nhiều tệp nhỏ hơn."
    )
    assert len(read_table(csv_bytes(rows[:5001]), "kn.csv").rows) == 5000


def test_non_utf8_csv():
    data = "Noi dung,Ho ten\nabc,Ân\n".encode("cp1258")
    assert _error(data, "kn.csv").startswith("Tệp CSV không dùng bảng mã UTF-8")


def test_old_xls():
    assert _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "kn.xls").startswith(
        "Tệp Excel 97–2003 (.xls)"
    )


def test_first_sheet_with_a_header_wins():
    book = Workbook()
    book.active.append(["Ghi chú chung cho cả tệp"])
    data_sheet = book.create_sheet("Danh sách")
    data_sheet.append(["Nội dung", "Ngày"])
    data_sheet.append([TEXT_1, datetime.date(2024, 1, 2)])
    table = read_table(xlsx_bytes(book), "kn.xlsx")
    assert table.rows[0].cells == {"text": TEXT_1, "received_on": naive(2024, 1, 2)}


def test_two_row_header_exported_to_csv_without_merges():
    data = csv_bytes(
        [
            ["STT", "Nội dung kiến nghị", "Người kiến nghị", "", "Ghi chú"],
            ["", "", "Họ tên", "Điện thoại", ""],
            ["1", TEXT_1, "Nguyễn Văn An", "0912345678", ""],
        ]
    )
    table = read_table(data, "kn.csv")
    assert table.columns == {"text": 2, "submitter_name": 3, "phone": 4, "note": 5}
    assert [row.row_number for row in table.rows] == [3]


def test_subtotals_are_skipped_and_petitions_starting_like_totals_kept():
    book = Workbook()
    ws = book.active
    ws.append(["TT", "Nội dung", "Đơn vị"])
    ws.append([1, TEXT_1, "Đức Xuân"])
    ws.append(["Cộng phường Đức Xuân", None, 1])
    ws.append([2, "Cống thoát nước ngõ 3 bị tắc.", "Huyền Tụng"])
    ws.append([3, "Tổng số hộ nghèo chưa được rà soát lại.", "Huyền Tụng"])
    ws.append([None, "Tổng cộng: 3 kiến nghị", 3])
    ws.append([None, "Người lập biểu", "Chủ tịch"])
    table = read_table(xlsx_bytes(book), "kn.xlsx")
    assert [row.row_number for row in table.rows] == [2, 4, 5]


def test_visible_sheet_before_hidden_lookup_sheet():
    book = Workbook()
    lookup = book.active
    lookup.title = "DM"
    lookup.append(["Nội dung", "Phường/xã"])
    lookup.append(["Danh mục, không phải dữ liệu", "Đức Xuân"])
    lookup.sheet_state = "hidden"
    data = book.create_sheet("Kiến nghị")
    data.append(["Nội dung", "Phường/xã"])
    data.append([TEXT_2, "Huyền Tụng"])
    table = read_table(xlsx_bytes(book), "kn.xlsx")
    assert table.rows[0].cells == {"text": TEXT_2, "unit": "Huyền Tụng"}


def test_sheet_formatted_far_down_is_read_quickly():
    book = Workbook()
    ws = book.active
    ws.append(["Nội dung", "Ngày"])
    ws.append([TEXT_1, "01/02/2024"])
    ws.cell(row=200_000, column=30).number_format = "@"  # an empty but formatted cell
    table = read_table(xlsx_bytes(book), "kn.xlsx")
    assert [row.row_number for row in table.rows] == [2]
