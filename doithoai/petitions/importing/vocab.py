"""Closed vocabularies of the import: legal kinds, submitter types and yes/no words.

Codes equal the petition choices' values; they are repeated here so that the importer never
imports the petitions app. Each entry has the label shown in the template's dropdown and the
folded phrases accepted in a cell.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_noop

from .columns import normalise_header


@dataclass(frozen=True)
class Choice:
    code: str
    label: str  # dropdown text; translate with gettext at use time
    phrases: str  # comma-separated folded phrases that also select this choice


LEGAL_KINDS: tuple[Choice, ...] = (
    Choice("phan_anh", gettext_noop("Phản ánh"), "phan anh, pa"),
    Choice("kien_nghi", gettext_noop("Kiến nghị"), "kien nghi, kn, y kien, y kien kien nghi"),
    Choice("de_xuat", gettext_noop("Đề xuất"), "de xuat, de nghi, dx"),
    Choice("khieu_nai", gettext_noop("Khiếu nại"), "khieu nai"),
    Choice("to_cao", gettext_noop("Tố cáo"), "to cao"),
    Choice(
        "pakn_tthc",
        gettext_noop("PAKN về quy định hành chính"),
        "pakn tthc, tthc, thu tuc hanh chinh, quy dinh hanh chinh, pakn ve thu tuc hanh chinh",
    ),
)
DEFAULT_LEGAL_KIND = "kien_nghi"

SUBMITTER_TYPES: tuple[Choice, ...] = (
    Choice("nguoi_dan", gettext_noop("Người dân"), "nguoi dan, cong dan, dan, cu tri, ca nhan"),
    Choice(
        "ho_kinh_doanh",
        gettext_noop("Hộ kinh doanh"),
        "ho kinh doanh, hkd, doanh nghiep, co so kinh doanh, kinh doanh",
    ),
    Choice(
        "to_truong",
        gettext_noop("Tổ trưởng tổ dân phố"),
        "to truong, to truong tdp, to truong to dan pho, truong khu pho",
    ),
    Choice("truong_thon", gettext_noop("Trưởng thôn"), "truong thon, truong ban, truong xom"),
    Choice("phong_vien", gettext_noop("Phóng viên"), "phong vien, nha bao, bao chi, co quan bao"),
    Choice("an_danh", gettext_noop("Ẩn danh"), "an danh, giau ten, khong ghi ten"),
)
DEFAULT_SUBMITTER_TYPE = "nguoi_dan"
ANONYMOUS_SUBMITTER_TYPE = "an_danh"

TRUE_WORDS = frozenset({"x", "co", "1", "true", "yes", "y", "dung", "v"})
CHECK_MARKS = frozenset({"✓", "✔", "☑", "☒", "✗", "✘"})
FALSE_WORDS = frozenset({"", "0", "khong", "false", "no", "n", "k", "sai"})


def _phrases(choice: Choice) -> list[str]:
    return [normalise_header(choice.label), choice.code.replace("_", " ")] + [
        p.strip() for p in choice.phrases.split(",")
    ]


def match_choice(value: str, choices: tuple[Choice, ...]) -> str | None:
    """Code named by a cell: an exact phrase first, else the longest phrase inside the text."""
    words = normalise_header(value)
    if not words:
        return None
    best_code, best_len = None, 0
    for choice in choices:
        for phrase in _phrases(choice):
            if phrase == words:
                return choice.code
            if f" {phrase} " in f" {words} " and len(phrase) > best_len:
                best_code, best_len = choice.code, len(phrase)
    return best_code


def parse_bool(value: object) -> bool | None:
    """True/False for a yes/no cell, None when the value is not a recognised answer."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    if str(value).strip() in CHECK_MARKS:
        return True
    words = normalise_header(str(value))
    if words in TRUE_WORDS:
        return True
    if words in FALSE_WORDS:
        return False
    return None
