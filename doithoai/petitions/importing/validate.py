"""Turn a raw spreadsheet row into clean petition values plus per-row error messages.

Only shape is checked here (lengths, dates, phone, e-mail, vocabularies); `topic` and `unit`
stay as typed because the import service resolves them against the database.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.core.text import nfc

from .columns import BY_KEY, COLUMNS
from .table import RawRow
from .vocab import (
    ANONYMOUS_SUBMITTER_TYPE,
    DEFAULT_LEGAL_KIND,
    DEFAULT_SUBMITTER_TYPE,
    LEGAL_KINDS,
    SUBMITTER_TYPES,
    Choice,
    match_choice,
    parse_bool,
)

TEXT_MIN, TEXT_MAX = 10, 5000
# Longest accepted value per free-text column, as stored on a petition.
MAX_LENGTHS = {
    "topic": 200,
    "unit": 200,
    "place": 200,
    "address": 300,
    "submitter_name": 150,
    "submitter_address": 300,
    "business_name": 200,
    "on_behalf_of": 200,
    "note": 2000,
}
MULTILINE = frozenset({"text", "note"})
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")
_ALL_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_PHONE = re.compile(r"^0\d{8,10}$")
_TAX_CODE = re.compile(r"^\d{10}(\d{3})?$")
# Excel stores dates as days since 1899-12-30; a bare number in this range is such a date.
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_EXCEL_SERIALS = range(20000, 80000)


@dataclass
class CleanRow:
    row_number: int
    values: dict[str, object]  # every canonical key; see clean_row for the types
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise_text(value: str, *, multiline: bool = False) -> str:
    """NFC, no invisible characters, single spaces; `multiline` keeps line breaks."""
    text = _INVISIBLE.sub("", nfc(value)).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        return _ALL_SPACES.sub(" ", text).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _as_text(value: object, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Có") if value else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        value = value.strftime("%d/%m/%Y")
    return normalise_text(str(value), multiline=multiline)


def parse_date(value: object) -> datetime.date:
    """A date from a date cell, an Excel serial number or dd/mm/yyyy, d/m/yy, yyyy-mm-dd text.

    Raises ValueError when the value is not a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if int(value) in _EXCEL_SERIALS:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise ValueError(value)
    text = _as_text(value)
    if match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if len(match.group(3)) == 2 else 0
    elif match := _YMD.match(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError(value)
    if year < 1900:
        raise ValueError(value)
    return datetime.date(year, month, day)


def _digits(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[\s.\-()]", "", _as_text(value))


def normalise_phone(value: object) -> str:
    digits = _digits(value)
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    elif isinstance(value, int | float) and len(digits) in (9, 10) and digits[0] != "0":
        digits = "0" + digits  # a number cell lost its leading zero
    return digits


def _choice(value: object, choices: tuple[Choice, ...], column: str) -> tuple[str, str | None]:
    code = match_choice(_as_text(value), choices)
    if code is not None:
        return code, None
    accepted = ", ".join(_(choice.label) for choice in choices)
    return "", _("%(column)s '%(value)s' không hợp lệ; chọn một trong: %(choices)s.") % {
        "column": column,
        "value": _as_text(value),
        "choices": accepted,
    }


def clean_row(raw: RawRow, *, today: datetime.date | None = None) -> CleanRow:
    """Clean values for every canonical column, and the row's errors in Vietnamese.

    Values: `received_on` is a date or None, `anonymous`/`confidential` are bools, `legal_kind`
    and `submitter_type` are codes, every other key is a string ("" when empty or invalid).
    """
    today = today or timezone.localdate()
    cells = raw.cells
    row = CleanRow(row_number=raw.row_number, values={})
    values, errors = row.values, row.errors

    for column in COLUMNS:
        if column.key not in {"received_on", "anonymous", "confidential"}:
            values[column.key] = _as_text(cells.get(column.key), multiline=column.key in MULTILINE)

    text = str(values["text"])
    label = BY_KEY["text"].title
    if not text:
        errors.append(_("%(column)s không được để trống.") % {"column": label})
    elif len(text) < TEXT_MIN:
        errors.append(
            _("%(column)s quá ngắn (%(count)d ký tự, tối thiểu %(min)d).")
            % {"column": label, "count": len(text), "min": TEXT_MIN}
        )
    elif len(text) > TEXT_MAX:
        errors.append(
            _("%(column)s quá dài (%(count)d ký tự, tối đa %(max)d).")
            % {"column": label, "count": len(text), "max": TEXT_MAX}
        )

    for key, limit in MAX_LENGTHS.items():
        if len(str(values[key])) > limit:
            errors.append(
                _("%(column)s quá dài (tối đa %(max)d ký tự).")
                % {"column": BY_KEY[key].title, "max": limit}
            )
            values[key] = ""

    values["received_on"] = None
    received = cells.get("received_on")
    if received is not None:
        label = BY_KEY["received_on"].title
        try:
            day = parse_date(received)
        except ValueError:
            errors.append(
                _("%(column)s '%(value)s' không hợp lệ (dd/mm/yyyy).")
                % {"column": label, "value": _as_text(received)}
            )
        else:
            if day > today:
                errors.append(
                    _("%(column)s %(value)s ở tương lai.")
                    % {"column": label, "value": day.strftime("%d/%m/%Y")}
                )
            else:
                values["received_on"] = day

    if values["phone"]:
        phone = normalise_phone(cells.get("phone"))
        if _PHONE.match(phone):
            values["phone"] = phone
        else:
            errors.append(
                _("%(column)s '%(value)s' không hợp lệ (9–11 chữ số).")
                % {"column": BY_KEY["phone"].title, "value": values["phone"]}
            )
            values["phone"] = ""

    if values["email"]:
        email = str(values["email"]).lower()
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                _("%(column)s '%(value)s' không hợp lệ.")
                % {"column": BY_KEY["email"].title, "value": values["email"]}
            )
            email = ""
        values["email"] = email

    if values["tax_code"]:
        tax_code = _digits(cells.get("tax_code"))
        if isinstance(cells.get("tax_code"), int | float) and len(tax_code) in (9, 12):
            tax_code = "0" + tax_code  # a number cell lost its leading zero
        if _TAX_CODE.match(tax_code):
            values["tax_code"] = tax_code
        else:
            errors.append(
                _("%(column)s '%(value)s' không hợp lệ (10 hoặc 13 chữ số).")
                % {"column": BY_KEY["tax_code"].title, "value": values["tax_code"]}
            )
            values["tax_code"] = ""

    for key in ("anonymous", "confidential"):
        flag = parse_bool(cells.get(key))
        if flag is None:
            errors.append(
                _("%(column)s '%(value)s' không hợp lệ (ghi 'x' hoặc 'Có', hoặc để trống).")
                % {"column": BY_KEY[key].title, "value": _as_text(cells.get(key))}
            )
        values[key] = bool(flag)

    if values["legal_kind"]:
        code, error = _choice(values["legal_kind"], LEGAL_KINDS, BY_KEY["legal_kind"].title)
        values["legal_kind"] = code or DEFAULT_LEGAL_KIND
        errors.extend([error] if error else [])
    else:
        values["legal_kind"] = DEFAULT_LEGAL_KIND

    if values["submitter_type"]:
        title = BY_KEY["submitter_type"].title
        code, error = _choice(values["submitter_type"], SUBMITTER_TYPES, title)
        errors.extend([error] if error else [])
        values["submitter_type"] = code or DEFAULT_SUBMITTER_TYPE
    elif values["anonymous"]:
        values["submitter_type"] = ANONYMOUS_SUBMITTER_TYPE
    else:
        values["submitter_type"] = DEFAULT_SUBMITTER_TYPE
    return row
