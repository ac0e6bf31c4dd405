"""Read rendered documents back for assertions."""

import io
import re
import unicodedata

import pypdf
from docx import Document


def normalise(text: str) -> str:
    """NFC and single spaces, so wrapped lines compare like running text."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pdf_reader(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_text(data: bytes) -> str:
    return normalise(" ".join(page.extract_text() for page in pdf_reader(data).pages))


def docx_document(data: bytes):
    assert data.startswith(b"PK")
    return Document(io.BytesIO(data))


def top_margin_text(page: pypdf.PageObject, margin_mm: float = 20) -> list[str]:
    """Text drawn inside the top margin of a PDF page (where page numbers belong)."""
    limit = float(page.mediabox.height) - margin_mm / 25.4 * 72
    found: list[str] = []

    def visit(text, cm, tm, font_dict, font_size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > limit:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


REPLACEMENT_MARK = "MẪU VĂN BẢN CỦA ĐỊA PHƯƠNG"


def write_replacement_page(directory) -> None:
    """An administrator's replacement `document.html` (setting DOITHOAI_DOCUMENT_TEMPLATES) in
    `directory`: the packaged page with REPLACEMENT_MARK printed at the top of the body."""
    from doithoai.core.rendering.pdf_renderer import DEFAULT_TEMPLATE_DIR

    page = (DEFAULT_TEMPLATE_DIR / "document.html").read_text(encoding="utf-8")
    marked = page.replace("<body>", f"<body><p>{REPLACEMENT_MARK}</p>", 1)
    assert marked != page
    (directory / "document.html").write_text(marked, encoding="utf-8")
