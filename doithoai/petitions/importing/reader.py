"""Read an uploaded spreadsheet (.xlsx or .csv) into a Table of raw rows.

The file's content decides the format, not its name: an xlsx is a zip holding
`[Content_Types].xml` and a workbook; anything else must be readable text.
"""

import csv
import io
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterator

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from doithoai.core import legacy_text
from doithoai.core.legacy_text import LABELS

from .table import Merge, Sheet, SpreadsheetError, Table, parse_sheet

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 200
# A 5 MB xlsx may inflate tenfold; far beyond that it is a zip bomb, not a ward's list.
_MAX_INFLATION = 40
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Files people attach by mistake: images, PDFs, documents.
_OTHER_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"RIFF", b"BM")
_DELIMITERS = (",", ";", "\t")


def _not_spreadsheet() -> SpreadsheetError:
    return SpreadsheetError(_("Tệp không phải bảng tính Excel (.xlsx) hoặc CSV."))


def _corrupt() -> SpreadsheetError:
    return SpreadsheetError(
        _("Tệp Excel bị hỏng hoặc không đọc được. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.")
    )


def read_table(
    data: bytes, filename: str = "", *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS
) -> Table:
    """The first sheet's table of petitions. Raises SpreadsheetError with a Vietnamese message.

    `filename` is only a hint for messages; the content decides how the file is read.
    """
    if len(data) > max_bytes:
        raise SpreadsheetError(_("Tệp lớn hơn giới hạn %(limit)s.") % {"limit": _size(max_bytes)})
    if not data.strip():
        raise SpreadsheetError(_("Tệp rỗng."))
    if data.startswith(_OLE_MAGIC):
        raise SpreadsheetError(
            _(
                "Tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu chưa được hỗ trợ. "
                "Hãy lưu lại dạng .xlsx không đặt mật khẩu."
            )
        )
    if data.startswith(_OTHER_MAGIC):
        raise _not_spreadsheet()
    sheets = _xlsx_sheets(data, max_bytes) if data.startswith(_ZIP_MAGIC) else _csv_sheets(data)
    for sheet in sheets:
        table = parse_sheet(sheet, max_rows)
        if table is None:
            continue
        for encoding, count in sorted(sheet.legacy.items()):
            table.warnings.insert(
                0,
                _(
                    "Tệp được gõ bằng bảng mã cũ %(label)s: đã chuyển %(count)d ô sang Unicode. "
                    "Hãy xem lại các dòng bên dưới trước khi nhập."
                )
                % {"label": LABELS[encoding], "count": count},
            )
        if not table.rows:
            raise SpreadsheetError(
                _("Bảng tính không có dòng kiến nghị nào bên dưới dòng tiêu đề (dòng %(row)d).")
                % {"row": table.header_row}
            )
        return table
    raise SpreadsheetError(_("Không tìm thấy dòng tiêu đề có cột Nội dung kiến nghị."))


def _size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}".replace(".", ",")
    return f"{size} byte"


def _xlsx_sheets(data: bytes, max_bytes: int) -> Iterator[Sheet]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            inflated = sum(info.file_size for info in archive.infolist())
    except Exception as exc:  # BadZipFile, NotImplementedError, OSError, ValueError…
        raise _corrupt() from exc
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise _not_spreadsheet()
    if inflated > _MAX_INFLATION * max(max_bytes, MAX_BYTES):
        raise _corrupt()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            book = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
        # Visible sheets first: wards keep lookup lists on hidden ones.
        ordered = sorted(book.worksheets, key=lambda ws: ws.sheet_state != "visible")
        sheets = [_worksheet_grid(ws) for ws in ordered]
    except SpreadsheetError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _corrupt() from exc
    yield from sheets


def _worksheet_grid(ws: object) -> Sheet:
    """Cell values and merged ranges, bounded by the cells that actually hold a value
    (a sheet formatted down to row 1,048,576 must not be walked cell by cell)."""
    if not isinstance(ws, Worksheet):
        return Sheet(name="", rows=[])
    merges: list[Merge] = [
        (rng.min_row, rng.min_col, rng.max_row, rng.max_col) for rng in ws.merged_cells.ranges
    ]
    values: dict[tuple[int, int], object] = {}
    legacy: Counter[str] = Counter()
    for pos, cell in ws._cells.items():
        if isinstance(cell.value, str):
            converted = legacy_text.convert(cell.value, font=cell.font.name if cell.font else None)
            if converted.encoding:
                legacy[converted.encoding] += 1
            values[pos] = converted.text
        elif cell.value is not None:
            values[pos] = cell.value
    last_row = max((r for r, _c in values), default=0)
    last_col = max((c for _r, c in values), default=0)
    last_col = min(max([last_col, *(m[3] for m in merges if m[0] <= last_row)]), MAX_COLUMNS)
    rows: list[list[object]] = [[None] * last_col for _ in range(last_row)]
    for (r, c), value in values.items():
        if c <= last_col:
            rows[r - 1][c - 1] = value
    return Sheet(name=ws.title, rows=rows, merges=merges, legacy=dict(legacy))


def _decode(data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):  # Excel's "Unicode Text" export
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _not_spreadsheet() from exc
    if b"\x00" in data:
        raise _not_spreadsheet()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: a legacy-encoded CSV (TCVN3, VNI) is read byte for byte and its cells
        # converted in _csv_sheets; anything else is refused there.
        text = data.decode("latin-1")
    printable = sum(1 for ch in text[:4096] if ch.isprintable() or ch in "\r\n\t\xad")
    if printable < 0.95 * len(text[:4096]):
        raise _not_spreadsheet()
    return text


def _not_utf8() -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "Tệp CSV không dùng bảng mã UTF-8 nên tiếng Việt sẽ bị lỗi. "
            "Trong Excel hãy chọn Lưu thành “CSV UTF-8 (Comma delimited)”."
        )
    )


def _legacy_rows(rows: list[list[object]]) -> tuple[list[list[object]], dict[str, int]]:
    """The cells of a CSV that is not UTF-8, read in the legacy encoding (TCVN3, VNI) that the
    file as a whole is clearly written in; refused when it is not."""
    whole = "\n".join("\t".join(str(value) for value in row) for row in rows)
    encoding = legacy_text.convert(whole).encoding
    if encoding is None:
        raise _not_utf8()
    converted: list[list[object]] = [
        [legacy_text.decode(str(value), encoding) for value in row] for row in rows
    ]
    changed = sum(
        1
        for old, new in zip(rows, converted, strict=True)
        for a, b in zip(old, new, strict=True)
        if a != b
    )
    return converted, {encoding: changed}


def _csv_sheets(data: bytes) -> Iterator[Sheet]:
    """One candidate sheet per plausible delimiter, the sniffed one first; the first in which
    a header row is found wins."""
    text = _decode(data)
    legacy_bytes = not _is_utf8(data)
    sample = "\n".join(text.splitlines()[:20])
    try:
        guess = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        guess = max(_DELIMITERS, key=sample.count)
    for delimiter in [guess, *(d for d in _DELIMITERS if d != guess)]:
        try:
            rows: list[list[object]] = [
                list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            ]
        except csv.Error as exc:
            raise SpreadsheetError(
                _("Tệp CSV sai định dạng: %(error)s") % {"error": str(exc)}
            ) from exc
        if legacy_bytes:
            rows, legacy = _legacy_rows(rows)
            yield Sheet(name="csv", rows=rows, legacy=legacy)
        else:
            yield Sheet(name="csv", rows=rows)


def _is_utf8(data: bytes) -> bool:
    if data.startswith(_UTF16_BOMS):
        return True
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
