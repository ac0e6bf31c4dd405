"""The downloadable import template: a data sheet and a "Hướng dẫn" sheet explaining it."""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .columns import COLUMNS, Column
from .vocab import LEGAL_KINDS, SUBMITTER_TYPES, Choice

TEMPLATE_ROWS = 1000  # rows that carry the dropdowns and text formats
_WIDTHS = {"text": 60, "submitter_address": 32, "address": 32, "note": 30, "on_behalf_of": 24}
_TEXT_FORMAT_KEYS = {"phone", "tax_code", "place", "unit"}  # keep leading zeros as typed


def header_title(column: Column) -> str:
    return f"{column.title} (*)" if column.required else column.title


def _choices_hint(choices: tuple[Choice, ...]) -> str:
    return "; ".join(_(c.label) for c in choices)


def _accepted(column: Column) -> str:
    hint = _(column.hint) if column.hint else ""
    if column.key == "legal_kind":
        return f"{hint} {_choices_hint(LEGAL_KINDS)}."
    if column.key == "submitter_type":
        return f"{hint} {_choices_hint(SUBMITTER_TYPES)}."
    return hint


def build_template() -> bytes:
    """The xlsx template, always with Vietnamese headers (the reader matches Vietnamese)."""
    with translation.override("vi"):
        return _build()


def _build() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Kiến nghị")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="center")

    titles = [_("STT")] + [header_title(column) for column in COLUMNS]
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 32
    sheet.column_dimensions["A"].width = 6

    last = TEMPLATE_ROWS + 1
    letters: dict[str, str] = {}
    for index, column in enumerate(COLUMNS, start=2):
        letter = get_column_letter(index)
        letters[column.key] = letter
        dimension = sheet.column_dimensions[letter]
        dimension.width = _WIDTHS.get(column.key, max(14, len(header_title(column)) + 2))
        if column.key in _TEXT_FORMAT_KEYS:
            dimension.number_format = "@"
        elif column.key == "received_on":
            dimension.number_format = "DD/MM/YYYY"

    def dropdown(keys: list[str], options: list[str], prompt: str) -> None:
        rule = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        rule.error = _("Hãy chọn một giá trị trong danh sách.")
        rule.errorTitle = _("Giá trị không hợp lệ")
        rule.prompt, rule.showInputMessage, rule.showErrorMessage = prompt, True, True
        for key in keys:
            rule.add(f"{letters[key]}2:{letters[key]}{last}")
        sheet.add_data_validation(rule)

    dropdown(["legal_kind"], [_(c.label) for c in LEGAL_KINDS], _("Để trống là Kiến nghị."))
    dropdown(["submitter_type"], [_(c.label) for c in SUBMITTER_TYPES], _("Để trống là Người dân."))
    dropdown(["anonymous", "confidential"], ["x", _("Có"), _("Không")], _("Ghi x nếu có."))

    guide = book.create_sheet(_("Hướng dẫn"))
    guide.append([_("HƯỚNG DẪN NHẬP DANH SÁCH KIẾN NGHỊ")])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append([])
    guide.append([_("Cột"), _("Bắt buộc"), _("Giá trị chấp nhận")])
    for cell in guide[3]:
        cell.font, cell.fill = bold, fill
    guide.append([_("STT"), _("Không"), _("Số thứ tự, không được nhập vào hệ thống.")])
    for column in COLUMNS:
        guide.append(
            [header_title(column), _("Có") if column.required else _("Không"), _accepted(column)]
        )
    guide.append([])
    for note in (
        _("Mỗi dòng là một kiến nghị; dòng trống được bỏ qua."),
        _("Có thể thêm dòng tiêu đề phía trên, đổi thứ tự hoặc bỏ bớt các cột không dùng."),
        _("Mỗi tệp tối đa 5.000 dòng và 5 MB."),
    ):
        guide.append([note])
    for letter, width in (("A", 30), ("B", 10), ("C", 90)):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
