"""Canonical import columns and the header texts that name them.

Headers are matched on their folded form (no case, no diacritics, punctuation turned into
spaces), so "Nội dung kiến nghị (*)", "NOI DUNG KIEN NGHI" and an NFD-typed header all match.
A synonym is a phrase that must occur as whole words; a synonym written "a + b" needs every
part somewhere in the header. The longest matching synonym wins, which lets a specific heading
("Địa chỉ người kiến nghị") beat a generic one ("Địa chỉ").
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from doithoai.core.text import fold

STT = "stt"
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Vietnamese header used by the template; translate with gettext at use time
    synonyms: str  # comma-separated folded phrases
    required: bool = False
    hint: str = ""  # accepted values, shown on the template's instructions sheet

    @property
    def title(self) -> str:
        return _(self.label)


COLUMNS: tuple[Column, ...] = (
    Column(
        "text",
        gettext_noop("Nội dung kiến nghị"),
        (
            "noi dung, noi dung kien nghi, noi dung phan anh, noi dung pakn, nd, nd phan anh, nd "
            "kien nghi, phan anh kien nghi, y kien kien nghi, van de, tom tat noi dung, noi dung "
            "y kien"
        ),
        required=True,
        hint=gettext_noop("Bắt buộc, từ 10 đến 5000 ký tự."),
    ),
    Column(
        "received_on",
        gettext_noop("Ngày tiếp nhận"),
        (
            "ngay, ngay tiep nhan, ngay nhan, ngay kien nghi, ngay phan anh, thoi gian tiep nhan, "
            "thoi gian"
        ),
        hint=gettext_noop("Ngày dạng dd/mm/yyyy, không ở tương lai; để trống là hôm nay."),
    ),
    Column(
        "legal_kind",
        gettext_noop("Loại kiến nghị"),
        (
            "loai, loai kien nghi, phan loai, loai don, loai pakn, hinh thuc, tinh chat, loai "
            "phan anh kien nghi"
        ),
        hint=gettext_noop("Chọn từ danh sách; để trống là Kiến nghị."),
    ),
    Column(
        "topic",
        gettext_noop("Lĩnh vực"),
        "linh vuc, chu de, nhom van de, linh vuc kien nghi, nganh linh vuc",
        hint=gettext_noop("Tên hoặc mã lĩnh vực."),
    ),
    Column(
        "unit",
        gettext_noop("Phường/xã"),
        (
            "dia ban, phuong xa, xa phuong, phuong, xa, don vi, ma don vi, ma phuong xa, dac khu, "
            "thi tran, don vi hanh chinh"
        ),
        hint=gettext_noop("Tên hoặc mã phường, xã nơi phát sinh kiến nghị."),
    ),
    Column(
        "place",
        gettext_noop("Tổ/thôn"),
        (
            "to, thon, to thon, thon to, to dan pho, khu pho, ban, thon ban, thon xom, xom, to "
            "dan pho thon"
        ),
        hint=gettext_noop("Tổ dân phố, thôn, bản, khu phố."),
    ),
    Column(
        "address",
        gettext_noop("Địa chỉ nơi xảy ra"),
        (
            "dia chi, dia diem, vi tri, noi xay ra, dia chi noi xay ra, dia diem xay ra, dia chi "
            "su viec"
        ),
    ),
    Column(
        "submitter_name",
        gettext_noop("Họ và tên người kiến nghị"),
        (
            "ho ten, ho va ten, ten, nguoi kien nghi, nguoi kn, nguoi gui, nguoi phan anh, cong "
            "dan, ten nguoi kien nghi, ho ten nguoi kn"
        ),
    ),
    Column(
        "phone",
        gettext_noop("Số điện thoại"),
        "sdt, so dt, dt, dien thoai, so dien thoai, dtdd, di dong",
        hint=gettext_noop("9–11 chữ số, có thể bắt đầu bằng +84."),
    ),
    Column("email", gettext_noop("Email"), "email, e mail, mail, thu dien tu"),
    Column(
        "submitter_address",
        gettext_noop("Địa chỉ người kiến nghị"),
        (
            "dia chi nguoi kien nghi, dia chi nguoi kn, dia chi nguoi gui, nguoi kien nghi + dia "
            "chi, nguoi kn + dia chi, nguoi gui + dia chi, nguoi phan anh + dia chi, cong dan + "
            "dia chi, dia chi lien he, noi cu tru, noi o, dia chi thuong tru"
        ),
    ),
    Column(
        "business_name",
        gettext_noop("Tên hộ kinh doanh"),
        (
            "ho kinh doanh, ten ho kinh doanh, doanh nghiep, ten doanh nghiep, co so kinh doanh, "
            "ten co so"
        ),
    ),
    Column(
        "tax_code",
        gettext_noop("Mã số thuế"),
        "mst, ma so thue, ma thue",
        hint=gettext_noop("10 hoặc 13 chữ số."),
    ),
    Column(
        "submitter_type",
        gettext_noop("Người kiến nghị là"),
        (
            "doi tuong, loai doi tuong, doi tuong kien nghi, thanh phan, loai nguoi kien nghi, "
            "nguoi kien nghi la, nguoi gui la"
        ),
        hint=gettext_noop("Chọn từ danh sách; để trống là Người dân."),
    ),
    Column(
        "anonymous",
        gettext_noop("Ẩn danh"),
        "an danh, giau ten, khong ghi ten",
        hint=gettext_noop("Ghi x hoặc Có nếu ẩn danh."),
    ),
    Column(
        "confidential",
        gettext_noop("Đề nghị giữ bí mật"),
        "bao mat, bi mat, giu bi mat, giu kin, bao mat thong tin",
        hint=gettext_noop("Ghi x hoặc Có nếu đề nghị giữ bí mật thông tin người kiến nghị."),
    ),
    Column(
        "on_behalf_of",
        gettext_noop("Thu thập thay cho"),
        "dai dien, dai dien cho, thay mat, thay cho, kien nghi thay, thu thap thay cho",
    ),
    Column("note", gettext_noop("Ghi chú"), "ghi chu, ghi chu khac, luu y"),
)

BY_KEY: dict[str, Column] = {column.key: column for column in COLUMNS}
_STT_SYNONYMS = ("stt", "tt", "so tt", "so thu tu")


def normalise_header(text: str) -> str:
    """Folded header with every run of punctuation or spaces turned into one space."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def _find(phrase: str, words: str) -> int:
    """Start offset of `phrase` as whole words inside `words`, or -1."""
    return f" {words} ".find(f" {phrase} ")


@dataclass(frozen=True)
class _Synonym:
    key: str
    parts: tuple[str, ...]

    @property
    def weight(self) -> int:
        return sum(len(part) for part in self.parts)


_SYNONYMS: tuple[_Synonym, ...] = tuple(
    [_Synonym(STT, (s,)) for s in _STT_SYNONYMS]
    + [
        _Synonym(column.key, tuple(p.strip() for p in synonym.split("+")))
        for column in COLUMNS
        for synonym in column.synonyms.split(",")
    ]
)


def match_header(text: str, child: str = "") -> str | None:
    """Canonical key named by a header cell, `stt`, or None when nothing matches.

    For a two-row header pass the parent text as `text` and the sub-header as `child`: the
    combined text is matched, but the winning synonym must touch the child's words (so the
    parent "Người kiến nghị" over "Điện thoại" yields the phone, not the name).
    """
    parent_words = normalise_header(text)
    child_words = normalise_header(child)
    if child_words and parent_words:
        words = f"{parent_words} {child_words}"
        child_from = len(parent_words) + 1
    else:
        words = child_words or parent_words
        child_from = 0
    if not words:
        return None
    best: _Synonym | None = None
    for synonym in _SYNONYMS:
        starts = [_find(part, words) for part in synonym.parts]
        if min(starts) < 0:
            continue
        ends = [start + len(part) for start, part in zip(starts, synonym.parts, strict=True)]
        if max(ends) <= child_from:
            continue  # only the parent matched; the child names something else
        if best is None or synonym.weight > best.weight:
            best = synonym
    return best.key if best else None
