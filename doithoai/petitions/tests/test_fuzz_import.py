"""Property-based tests of spreadsheet import: any bytes, any cell (text in any script, numbers
out of range, NaN, dates, booleans) gives a preview with per-row messages or one file error,
never an exception or a 500, on SQLite and PostgreSQL (docs/security.md, "Inputs")."""

import csv
import datetime
import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from doithoai.core.tests.fuzz import ANY_TEXT, FUZZ, VIETNAMESE
from doithoai.petitions.importing import read_table
from doithoai.petitions.importing.table import Sheet, SpreadsheetError, parse_sheet
from doithoai.petitions.importing.validate import clean_row
from doithoai.petitions.models import Petition
from doithoai.petitions.services import petitions_import
from doithoai.petitions.tests.factories import ward

HEADER = ["STT", "Nội dung kiến nghị", "Họ và tên", "SĐT", "Tổ/thôn", "Ngày tiếp nhận", "Phường/xã"]
WIDE_HEADER = [
    *HEADER,
    "Lĩnh vực",
    "Loại đơn",
    "Đối tượng",
    "Email",
    "Địa chỉ",
    "Ẩn danh",
    "Bảo mật",
    "Mã số thuế",
    "Ghi chú",
]

CELL = st.one_of(
    st.none(),
    ANY_TEXT,
    VIETNAMESE,
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(),  # NaN and infinities too: a crafted xlsx can hold them
    st.dates(),
    st.datetimes(),
    st.sampled_from(["31/02/2016", "1/1/16", "2016-13-01", "45000", "+84 912 345 678", "Có"]),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=len(WIDE_HEADER)), min_size=1, max_size=6)


@FUZZ
@given(rows=ROWS, wide=st.booleans())
@example(
    rows=[[1, "Đề nghị sửa đường", None, float("inf"), "", float("nan"), "Đức Xuân"]], wide=False
)
@example(rows=[[1, "x" * 6000, "", 10**30, "", 10**30, ""]], wide=False)
def test_any_cells_give_clean_rows_or_messages(rows, wide):
    header = WIDE_HEADER if wide else HEADER
    try:
        table = parse_sheet(Sheet(name="s", rows=[["DANH SÁCH"], header, *rows]), 100)
    except SpreadsheetError as error:
        assert error.message
        return
    assert table is not None
    for raw in table.rows:
        cleaned = clean_row(raw, today=datetime.date(2026, 12, 7))
        assert all(isinstance(e, str) and e for e in cleaned.errors)


@FUZZ
@given(data=st.binary(max_size=400))
@example(data=b"PK\x03\x04garbage")
@example(data=b"\xff\xfe" + "Nội dung kiến nghị\n".encode("utf-16-le"))
@example(data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
def test_any_bytes_are_a_table_or_one_clear_error(data):
    try:
        table = read_table(data, "tep.csv")
    except SpreadsheetError as error:
        assert error.message
    else:
        assert table.rows


def _csv(rows: list[list[object]], header: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([["" if c is None else str(c) for c in row] for row in rows])
    return out.getvalue().encode("utf-8")


def _xlsx(rows: list[list[object]], header: list[str]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def officer(demo_user):
    return demo_user("phuong")


FILE_ROWS = st.lists(
    st.lists(
        st.one_of(
            st.none(),
            ANY_TEXT,
            st.integers(min_value=-(2**70), max_value=2**70),
            st.floats(allow_nan=False, allow_infinity=False),
            st.dates(min_value=datetime.date(1900, 1, 1)),
        ),
        max_size=len(WIDE_HEADER),
    ),
    min_size=1,
    max_size=5,
)


@FUZZ
@given(rows=FILE_ROWS, xlsx=st.booleans(), wide=st.booleans())
@example(
    rows=[[1, "Đề nghị sửa đường tổ 8 bị hỏng.", "A", "", "Tổ 8", "01/09/2016", "\x00"]],
    xlsx=False,
    wide=False,
)
@example(
    rows=[[1, "Đề nghị sửa đường tổ 8 bị hỏng.", "A", "", "Tổ 8", "", "", "🙂", "(", "!"]],
    xlsx=True,
    wide=True,
)
def test_the_import_preview_never_fails(officer, rows, xlsx, wide):
    header = WIDE_HEADER if wide else HEADER
    data = _xlsx(rows, header) if xlsx else _csv(rows, header)
    before = Petition.objects.count()
    preview = petitions_import(
        actor=officer,
        data=data,
        filename="f.xlsx" if xlsx else "f.csv",
        unit=ward(),
        channel="phuong_xa",
    )
    assert preview.file_error or preview.rows
    assert all(isinstance(m, str) and m for row in preview.rows for m in row.errors)
    assert Petition.objects.count() == before  # a preview writes nothing


@FUZZ
@given(rows=FILE_ROWS)
def test_the_import_page_never_fails(client, officer, rows):
    client.force_login(officer)
    f = io.BytesIO(_csv(rows, WIDE_HEADER))
    f.name = "phuong.csv"
    response = client.post(
        "/staff/kien-nghi/nhap/",
        {"unit": ward().pk, "channel": "phuong_xa", "file": f, "action": "preview"},
    )
    assert response.status_code in (200, 400)
