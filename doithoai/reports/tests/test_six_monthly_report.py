"""The six-monthly report read back from DOCX (python-docx) and PDF (pypdf): counts, no
personal data."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from doithoai.petitions.choices import Channel
from doithoai.reports.six_monthly import six_monthly_document
from doithoai.reports.tests.factories import (
    SECRET_NAME,
    SECRET_TEXT,
    YEAR,
    department,
    issue_and_directive,
    known_dataset,
    petition,
)

PERSONAL = (SECRET_NAME, "0912345678", "bimat@example.vn", "Số 7 ngõ Kín", "4700123456")


def docx_text(content):
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def dataset(db):
    known_dataset()
    petition(
        unit=department().unit.children.first(),
        assigned_to=department(),
        channel=Channel.HOTLINE,
        due_on=datetime.date(YEAR, 2, 1),
        resolved_at=datetime.datetime(YEAR, 1, 25, tzinfo=datetime.UTC),
    )
    petition(unit=department().unit.children.first(), received_on=datetime.date(YEAR, 9, 1))
    issue_and_directive(deadline=datetime.date(YEAR, 4, 1))


def test_docx_reads_back_with_counts_and_no_personal_data(client, demo_user, dataset):
    client.force_login(demo_user("vanphong"))
    response = client.get(reverse("reports-six-monthly"), {"nam": YEAR, "ky": 1, "dang": "docx"})
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "BÁO CÁO" in text
    assert f"6 tháng đầu năm {YEAR}" in text
    assert "Tổng số kiến nghị, phản ánh đã tiếp nhận: 3." in text  # A, B, the hotline one
    assert "Đường dây nóng" in text
    assert "Phòng Quản lý đô thị" in text
    assert "Đã giải quyết 1/3" in text
    assert "Số nội dung chỉ đạo có thời hạn trong kỳ: 1" in text
    assert "Ủy ban nhân dân thành phố Bắc Kạn".upper() in text.upper()
    for secret in (*PERSONAL, SECRET_TEXT):
        assert secret not in text


def test_pdf_reads_back(client, demo_user, dataset):
    client.force_login(demo_user("lanhdao"))
    response = client.get(reverse("reports-six-monthly"), {"nam": YEAR, "ky": 2, "dang": "pdf"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "BÁO CÁO" in text
    assert "Tổng số kiến nghị, phản ánh đã tiếp nhận: 1." in text  # only the September one
    for secret in PERSONAL:
        assert secret not in text


def test_province_report_for_todays_province(demo_user, dataset):
    document = six_monthly_document(user=demo_user("tinh"), year=YEAR, half=1)
    assert document.issuing_body == "Ủy ban nhân dân tỉnh Thái Nguyên"
    assert document.place == "Thái Nguyên"
    first = next(b for b in document.blocks if getattr(b, "text", "").startswith("Tổng số"))
    assert first.text.endswith(": 4.")  # A, B, C and the hotline one


def test_the_pdf_uses_the_administrators_replacement_page(
    client, demo_user, dataset, replacement_page
):
    from doithoai.core.rendering.tests.readback import pdf_text

    client.force_login(demo_user("vanphong"))
    response = client.get(reverse("reports-six-monthly"), {"nam": YEAR, "ky": 1, "dang": "pdf"})
    assert response.status_code == 200 and replacement_page in pdf_text(response.content)
