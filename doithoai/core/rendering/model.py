"""Data model of an administrative document under Decree 30/2020/NĐ-CP (and HD 36-HD/VPTW).

Both renderers (DOCX and PDF) read the same description, so every rule that does not depend on
the output format — capitals, the number line, the place-and-date line, recipient punctuation,
clean-up of user text — lives here.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Family = Literal["state", "party", "front"]
FAMILIES: tuple[Family, ...] = ("state", "party", "front")

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
# The Fatherland Front's own documents carry its name where the state's carry the national
# title, with no motto ([B]: the Front's practice, not Decree 30).
FRONT_TITLE = "MẶT TRẬN TỔ QUỐC VIỆT NAM"

# Usable width of an A4 page with 30 mm + 15 mm side margins.
CONTENT_WIDTH_MM = 165.0

# Characters XML 1.0 forbids (python-docx refuses them, browsers drop them).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC-normalise user text and drop characters that cannot appear in XML."""
    return _XML_FORBIDDEN.sub("", unicodedata.normalize("NFC", text))


def caps(text: str) -> str:
    """Vietnamese-aware capitals (str.upper handles precomposed letters such as ủ → Ủ)."""
    return clean(text).upper()


def format_place_date(place: str, date: datetime.date) -> str:
    """'Bắc Kạn, ngày 05 tháng 9 năm 2016': zero-pad days below 10 and the months 1 and 2."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{clean(place).strip()}, ngày {date.day:02d} tháng {month} năm {date.year}"


def format_number(seq: int, kind_abbr: str, body_abbr: str, *, family: Family = "state") -> str:
    """Number and symbol: state '05/KH-UBND', party '05-HD/VPTW' (zero-padded below 10)."""
    if seq < 1:
        raise ValueError("document numbers start at 1 each year")
    number = f"{seq:02d}"
    kind_abbr, body_abbr = kind_abbr.strip(), body_abbr.strip()
    if family == "party":
        return f"{number}-{kind_abbr}/{body_abbr}" if kind_abbr else f"{number}/{body_abbr}"
    return f"{number}/{kind_abbr}-{body_abbr}" if kind_abbr else f"{number}/{body_abbr}"


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; level 1 'I. MỤC ĐÍCH, YÊU CẦU', level 2 '1. …', level 3 'a) …'."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A justified body paragraph with a first-line indent."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Bullet:
    """An item introduced by a dash (Vietnamese documents use '-' and '+', not round bullets)."""

    text: str
    marker: str = "-"


@dataclass(frozen=True, slots=True)
class Table:
    """A ruled table, e.g. the list of issues of a conclusion notice.

    ``widths_mm`` defaults to equal columns over the usable width; ``center_columns`` lists the
    indexes of columns whose cells are centred (ordinal numbers, dates).
    """

    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float] | None = None
    center_columns: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if not self.header:
            raise ValueError("a table needs at least one column")
        for index, row in enumerate(self.rows):
            if len(row) != len(self.header):
                raise ValueError(f"row {index} has {len(row)} cells, expected {len(self.header)}")
        if self.widths_mm is not None and len(self.widths_mm) != len(self.header):
            raise ValueError("widths_mm must give one width per column")

    def column_widths(self) -> list[float]:
        """Widths in millimetres, scaled down if they exceed the usable page width."""
        widths = self.widths_mm or [CONTENT_WIDTH_MM / len(self.header)] * len(self.header)
        total = sum(widths)
        if total > CONTENT_WIDTH_MM:
            widths = [w * CONTENT_WIDTH_MM / total for w in widths]
        return list(widths)


@dataclass(frozen=True, slots=True)
class Image:
    """A centred PNG picture, e.g. an invitee's check-in QR code, with an optional caption."""

    png: bytes
    width_mm: float
    caption: str = ""

    def __post_init__(self) -> None:
        if not self.png.startswith(b"\x89PNG"):
            raise ValueError("an image block takes PNG bytes")
        if not 0 < self.width_mm <= CONTENT_WIDTH_MM:
            raise ValueError("an image must fit the page width")


Block = Heading | Paragraph | Bullet | Table | Image


@dataclass(frozen=True, slots=True)
class Signature:
    """Signer: 'TM.' + 'ỦY BAN NHÂN DÂN' over 'CHỦ TỊCH', then the name (no academic titles)."""

    title: str
    name: str
    authority_prefix: str = ""
    authority_body: str = ""

    def heading_lines(self) -> list[str]:
        """Capitalised lines above the signing space: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]."""
        lines = []
        authority = " ".join(
            part
            for part in (clean(self.authority_prefix).strip(), caps(self.authority_body))
            if part
        )
        if authority:
            lines.append(authority.strip())
        if self.title.strip():
            lines.append(caps(self.title).strip())
        return lines


@dataclass(slots=True)
class OfficialDocument:
    """One administrative document; see LEGAL.md 'Documents — Decree 30/2020/NĐ-CP'."""

    family: Family
    parent_body: str
    issuing_body: str
    number: str
    place: str
    date: datetime.date
    kind_label: str
    summary: str
    blocks: list[Block]
    signature: Signature
    recipients: list[str] = field(default_factory=list)
    show_place_date: bool = True
    second_signature: Signature | None = None
    archive: str = "VT"

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"family must be one of {FAMILIES}, not {self.family!r}")

    @property
    def number_line(self) -> str:
        """'Số: 05/KH-UBND' for the state; 'Số 36-HD/VPTW' (no colon) for the Party."""
        number = clean(self.number).strip()
        return f"Số {number}" if self.family == "party" else f"Số: {number}"

    @property
    def place_date(self) -> str:
        return format_place_date(self.place, self.date)

    @property
    def header_title(self) -> str:
        if self.family == "front":
            return FRONT_TITLE
        return PARTY_TITLE if self.family == "party" else NATIONAL_TITLE

    @property
    def motto(self) -> str:
        """The underlined line under the national title; the Party and Front headers have none."""
        return MOTTO if self.family == "state" else ""

    def recipient_lines(self) -> list[str]:
        """'- Name;' for each recipient, closed by '- Lưu: VT, ….' (added unless already given)."""
        names = [clean(r).strip().rstrip(";.,").strip() for r in self.recipients]
        names = [n.lstrip("-–+ ").strip() for n in names if n]
        if not names and not self.archive:
            return []
        if not (names and names[-1].casefold().startswith("lưu")) and self.archive:
            names.append(f"Lưu: {clean(self.archive).strip().rstrip('.')}")
        return [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]
