"""Official document renderer: Decree 30/2020 documents as DOCX and PDF bytes.

>>> from doithoai.core.rendering import render_docx, render_pdf, samples
>>> pdf = render_pdf(samples.sample_plan())
"""

from .docx_renderer import render_docx
from .model import (
    Block,
    Bullet,
    Family,
    Heading,
    Image,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    format_number,
    format_place_date,
)
from .pdf_renderer import render_html, render_pdf, render_pdf_many

__all__ = [
    "Block",
    "Bullet",
    "Family",
    "Heading",
    "Image",
    "OfficialDocument",
    "Paragraph",
    "Signature",
    "Table",
    "format_number",
    "format_place_date",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_pdf_many",
]
