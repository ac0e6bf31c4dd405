"""From a grid of cell values (one sheet) to a Table: header detection and data rows.

The grid is format-neutral: the xlsx and csv readers both produce a `Sheet`, so header
detection, merged cells, blank rows and total rows are handled once, here.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from doithoai.core.text import nfc

from .columns import BY_KEY, STT, match_header, normalise_header

HEADER_SCAN_ROWS = 15
_TOTAL_MARKED = re.compile(r"(tổng cộng|tổng số|tổng|cộng)(?!\w)")
_TOTAL_UNMARKED = re.compile(r"(tong cong|tong so)(?!\w)")
_TOTAL_ONLY = re.compile(r"(tong cong|tong so|tong|cong)( \d+)?( kien nghi| kn)?( \d+)?")
_TOTAL_MAX_CHARS = 40
# A signature block under a table with no total row: only whole cells holding these labels (or a
# "…, ngày … tháng … năm …" line) end the table, so a petition is never taken for one.
_SIGNATURE_LABEL = re.compile(
    r"(người lập( biểu| bảng)?|người tổng hợp|thủ trưởng( đơn vị)?|(phó )?chủ tịch( ubnd)?"
    r"|(tm|kt|tl)\. .{1,40}|xác nhận( của .{1,40})?|(phó )?trưởng (ban|phòng|thôn|khu)"
    r"|tổ trưởng( tổ dân phố)?|bí thư( chi bộ)?|cán bộ (tổng hợp|lập biểu))[.:]?"
)
_DATE_LINE = re.compile(r".{0,40}ngày .{0,6} tháng .{0,6} năm .{0,8}")

# (min_row, min_col, max_row, max_col), 1-based and inclusive, as Excel numbers them.
Merge = tuple[int, int, int, int]


class SpreadsheetError(Exception):
    """The file cannot be imported; `message` is a Vietnamese sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RawRow:
    row_number: int  # 1-based, as the spreadsheet shows it
    cells: dict[str, object]  # canonical key → cell value (None when empty)


@dataclass
class Table:
    header_row: int  # 1-based number of the (first) header row
    columns: dict[str, int]  # canonical key → 1-based column number (A = 1)
    warnings: list[str] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]  # rows[0] is spreadsheet row 1
    merges: list[Merge] = field(default_factory=list)
    # Cells read from a legacy encoding (core.legacy_text), per encoding: shown in the preview.
    legacy: dict[str, int] = field(default_factory=dict)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _value(sheet: Sheet, row: int, col: int) -> object:
    if 1 <= row <= len(sheet.rows) and 1 <= col <= len(sheet.rows[row - 1]):
        return sheet.rows[row - 1][col - 1]
    return None


def _spread(sheet: Sheet, last_row: int, *, vertical_only: bool) -> list[list[object]]:
    """Copy of rows 1..last_row where a merged range's value fills its cells.

    In the header every merged cell spreads; below it only single-column ranges do (a ward name
    merged down several petitions), so a "Tổng cộng" merged across a total row stays put.
    """
    width = max((len(r) for r in sheet.rows[:last_row]), default=0)
    grid = [list(r) + [None] * (width - len(r)) for r in sheet.rows[:last_row]]
    for min_row, min_col, max_row, max_col in sheet.merges:
        if min_row > last_row or (vertical_only and min_col != max_col):
            continue
        top_left = _value(sheet, min_row, min_col)
        for r in range(min_row, min(max_row, last_row) + 1):
            for c in range(min_col, min(max_col, width) + 1):
                grid[r - 1][c - 1] = top_left
    return grid


def _row_keys(cells: list[object]) -> list[str | None]:
    return [match_header(_text(v)) for v in cells]


def _is_header(keys: list[str | None]) -> bool:
    found = {k for k in keys if k and k != STT}
    return "text" in found and len(found) >= 2


def _covered_from_above(sheet: Sheet, row: int, col: int) -> bool:
    return any(r0 < row <= r1 and c0 <= col <= c1 for r0, c0, r1, c1 in sheet.merges)


def _has_subheader(sheet: Sheet, grid: list[list[object]], row: int) -> bool:
    """Whether the header continues on the next row: a header cell is merged down into it, or
    the next row holds only headings (under a merged parent, or exported without merges)
    and nothing under the text column."""
    below = grid[row] if row < len(grid) else []
    texts = [_text(v) for v in below]
    only_headings = any(texts) and all(match_header(t) for t in texts if t)
    for r0, c0, r1, c1 in sheet.merges:
        if r0 == row and (r1 > row or (c1 > c0 and only_headings)):
            return True
    keys = _row_keys(grid[row - 1])
    text_col = keys.index("text")
    return only_headings and (text_col >= len(texts) or not texts[text_col])


def _map_columns(sheet: Sheet, grid: list[list[object]], row: int, two_rows: bool) -> Table:
    table = Table(header_row=row, columns={})
    seen: dict[str, str] = {}
    for col, parent_value in enumerate(grid[row - 1], start=1):
        parent = _text(parent_value)
        child = ""
        if two_rows and not _covered_from_above(sheet, row + 1, col):
            child = _text(_value(sheet, row + 1, col))
        shown = " / ".join(t for t in (parent, child) if t)
        if not shown:
            continue
        key = match_header(parent, child)
        if key is None:
            table.warnings.append(
                _("Cột '%(header)s' không được nhận dạng nên được bỏ qua.") % {"header": shown}
            )
        elif key == STT:
            continue
        elif key in table.columns:
            table.warnings.append(
                _("Cột '%(header)s' trùng nghĩa với cột '%(other)s' (%(column)s) nên được bỏ qua.")
                % {"header": shown, "other": seen[key], "column": BY_KEY[key].title}
            )
        else:
            table.columns[key] = col
            seen[key] = shown
    return table


def _total_kind(value: object, *, whole: bool = False) -> str | None:
    """ "grand" for a "Tổng cộng"/"Tổng số" label, "sub" for a "Cộng …" subtotal, else None.

    Marks matter here ("Cộng" is a subtotal, "Cống thoát nước" is a petition), so only the
    two-word forms are also recognised when typed without them. With `whole` the cell must
    hold nothing but the label and a count.
    """
    text = nfc(_text(value)).lower()
    if not text or len(text) > _TOTAL_MAX_CHARS:
        return None
    if not (_TOTAL_MARKED.match(text) or _TOTAL_UNMARKED.match(text)):
        return None
    if whole and not _TOTAL_ONLY.fullmatch(normalise_header(text)):
        return None
    return "sub" if text.startswith("cộng") else "grand"


def _is_signature_row(raw: list[object]) -> bool:
    labels = [nfc(_text(v)).lower() for v in raw if not _is_empty(v)]
    return bool(labels) and all(
        _SIGNATURE_LABEL.fullmatch(label) or _DATE_LINE.fullmatch(label) for label in labels
    )


def parse_sheet(sheet: Sheet, max_rows: int) -> Table | None:
    """The sheet's table, or None when no header row is found in its first rows."""
    scan = min(len(sheet.rows), HEADER_SCAN_ROWS + 1)
    head = _spread(sheet, scan, vertical_only=False)
    header = next(
        (
            r
            for r in range(1, min(scan, HEADER_SCAN_ROWS) + 1)
            if _is_header(_row_keys(head[r - 1]))
        ),
        None,
    )
    if header is None:
        return None
    two_rows = _has_subheader(sheet, head, header)
    table = _map_columns(sheet, head, header, two_rows)
    body = _spread(sheet, len(sheet.rows), vertical_only=True)
    for number in range(header + (2 if two_rows else 1), len(body) + 1):
        raw = body[number - 1]
        cells = {
            key: (None if _is_empty(v) else v)
            for key, col in table.columns.items()
            for v in [raw[col - 1] if col <= len(raw) else None]
        }
        text = cells.get("text")
        kinds = {_total_kind(v) for v in raw} if text is None else {_total_kind(text, whole=True)}
        if "grand" in kinds or _is_signature_row(sheet.rows[number - 1]):
            break  # what follows a grand total or starts a signature block is the footer
        own = sheet.rows[number - 1] if number <= len(sheet.rows) else []
        if "sub" in kinds or all(
            _is_empty(own[col - 1]) for col in table.columns.values() if col <= len(own)
        ):
            continue  # a subtotal, a blank row, or one only filled by a ward merged down it
        table.rows.append(RawRow(row_number=number, cells=cells))
        if len(table.rows) > max_rows:
            raise SpreadsheetError(
                _("Tệp có hơn %(max)s dòng kiến nghị; hãy chia thành nhiều tệp nhỏ hơn.")
                % {"max": f"{max_rows:,}".replace(",", ".")}
            )
    return table
