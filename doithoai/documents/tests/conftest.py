"""Fixtures of the register's tests: rounds of the demo city and a quick stand-in renderer."""

import datetime
import io

import pypdf
import pytest

from doithoai.dialogues.models import Round, RoundState
from doithoai.documents import services
from doithoai.units.models import Organisation, Scheme, Unit

ROLES = [
    "vanphong",
    "lanhdao",
    "mttq",
    "phuong",
    "chuyenvien",
    "truongphong",
    "baochi",
    "tinh",
    "quantri",
]


def new_round(title: str = "Đối thoại thử nghiệm") -> Round:
    city = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")
    return Round.objects.create(
        unit=city,
        organisation=Organisation.objects.get(unit=city, code="ubnd"),
        title=title,
        starts_at=datetime.datetime(2017, 5, 1, 1, 0, tzinfo=datetime.UTC),
        venue="Hội trường",
        purposes="Lắng nghe ý kiến của Nhân dân",
        state=RoundState.APPROVED,
    )


@pytest.fixture
def round_a(db) -> Round:
    return new_round("Đối thoại quý I")


@pytest.fixture
def round_b(db) -> Round:
    return new_round("Đối thoại quý II")


def quick_render(doc, fmt: str) -> bytes:
    """A small real PDF (one page, number and date in its metadata) or DOCX-like bytes, so the
    register's tests do not wait for the typesetter; the real renderer has its own tests."""
    if fmt == "docx":
        return f"PK docx {doc.number} {doc.date.isoformat()} {doc.summary}".encode()
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": doc.number, "/Subject": doc.date.isoformat()})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(services, "render_as", quick_render)
    return quick_render
