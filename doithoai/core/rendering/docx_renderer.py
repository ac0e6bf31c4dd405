"""DOCX output with python-docx. The layout lives in code; see ``docx_parts`` for XML helpers."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell

from . import docx_parts as parts
from .model import (
    CONTENT_WIDTH_MM,
    Block,
    Bullet,
    Heading,
    Image,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    caps,
    clean,
)

HEADER_WIDTHS_MM = (70.0, 95.0)
SIGNATURE_WIDTHS_MM = (75.0, 90.0)
TWO_SIGNATURES_WIDTHS_MM = (82.5, 82.5)
BODY_PT = 14
TABLE_PT = 12
INDENT = Mm(12.7)
LINE_SPACING = 1.15


def render_docx(doc: OfficialDocument) -> bytes:
    """Render ``doc`` as a Word document and return the file's bytes."""
    document = Document()
    styles = _setup_styles(document, doc)
    _setup_page(document.sections[0])
    _header(document, doc)
    _title(document, doc)
    for block in doc.blocks:
        _block(document, styles, block)
    _closing(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class _Styles:
    body: ParagraphStyle
    table: ParagraphStyle
    table_centred: ParagraphStyle
    table_header: ParagraphStyle


def _setup_styles(document: DocxDocument, doc: OfficialDocument) -> _Styles:
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = parts.FONT
    normal.font.size = Pt(BODY_PT)
    parts.set_font_family(normal)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    rpr = normal.element.get_or_add_rPr()
    rpr.insert_element_before(language, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    props = document.core_properties
    props.title = clean(f"{doc.kind_label} {doc.summary}".strip())[:255]
    props.author = caps(doc.issuing_body)[:255]
    props.language = "vi-VN"
    centre = WD_ALIGN_PARAGRAPH.CENTER
    return _Styles(
        body=parts.paragraph_style(
            document,
            "Doc Body",
            BODY_PT,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            space_after=6,
            first_line_indent=INDENT,
            line_spacing=LINE_SPACING,
        ),
        table=parts.paragraph_style(document, "Doc Table", TABLE_PT),
        table_centred=parts.paragraph_style(document, "Doc Table Centred", TABLE_PT, align=centre),
        table_header=parts.paragraph_style(
            document, "Doc Table Header", TABLE_PT, align=centre, bold=True
        ),
    )


def _setup_page(section: Section) -> None:
    """A4 portrait, margins 20/20/30/15 mm, page number centred in the header from page 2."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    parts.tight(first)
    numbered = section.header.paragraphs[0]
    parts.tight(numbered)
    parts.add_page_field(numbered, 13)


def _layout_table(document: DocxDocument, widths: tuple[float, ...]) -> list[_Cell]:
    """A borderless one-row table used to place blocks side by side."""
    table = document.add_table(rows=1, cols=len(widths))
    parts.no_borders(table)
    parts.set_cell_margins(table)
    parts.fix_table_widths(table, list(widths))
    cells = list(table.rows[0].cells)
    for cell, width in zip(cells, widths, strict=True):
        parts.set_cell_width(cell, width)
    return cells


def _line(
    cell: _Cell,
    text: str,
    size: float,
    *,
    first: bool = False,
    align: int = WD_ALIGN_PARAGRAPH.CENTER,
    **style: bool,
) -> None:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    parts.tight(paragraph, align)
    parts.add_text(paragraph, text, size, **style)


def _header(document: DocxDocument, doc: OfficialDocument) -> None:
    left, right = _layout_table(document, HEADER_WIDTHS_MM)
    has_parent = bool(doc.parent_body.strip())
    if has_parent:
        _line(left, caps(doc.parent_body), 13, first=True)
    _line(left, caps(doc.issuing_body), 13, first=not has_parent, bold=True)
    if doc.family == "party":
        _line(left, "*", 13)
    else:
        parts.short_rule(left.add_paragraph(), HEADER_WIDTHS_MM[0], 25)
    _line(left, doc.number_line, 13)
    left.paragraphs[-1].paragraph_format.space_before = Pt(6)

    if doc.family == "front":
        _line(right, doc.header_title, 13, first=True, bold=True, underline=True)
    elif doc.family == "party":
        _line(right, doc.header_title, 15, first=True, bold=True, underline=True)
    else:
        _line(right, doc.header_title, 12, first=True, bold=True)
        _line(right, doc.motto, 13, bold=True, underline=True)
    if doc.show_place_date:
        _line(right, doc.place_date, 14, italic=True)
        right.paragraphs[-1].paragraph_format.space_before = Pt(8)


def _title(document: DocxDocument, doc: OfficialDocument) -> None:
    kind = document.add_paragraph()
    parts.tight(kind)
    kind.paragraph_format.space_before = Pt(18)
    parts.add_text(kind, caps(doc.kind_label), 14, bold=True)
    if doc.summary.strip():
        summary = document.add_paragraph()
        parts.tight(summary)
        parts.add_text(summary, clean(doc.summary), 14, bold=True)
    rule = document.add_paragraph()
    parts.short_rule(rule, CONTENT_WIDTH_MM, 40)
    rule.paragraph_format.space_after = Pt(12)


def _block(document: DocxDocument, styles: _Styles, block: Block) -> None:
    if isinstance(block, Table):
        _table(document, styles, block)
        return
    if isinstance(block, Image):
        _image(document, styles, block)
        return
    paragraph = document.add_paragraph()
    parts.apply_style(paragraph, styles.body)
    if isinstance(block, Heading):
        paragraph.paragraph_format.keep_with_next = True
        text = caps(block.text) if block.level == 1 else clean(block.text)
        parts.add_text(paragraph, text, None, bold=True, italic=block.level >= 3)
    elif isinstance(block, Paragraph):
        parts.add_text(paragraph, clean(block.text), None, bold=block.bold, italic=block.italic)
    elif isinstance(block, Bullet):
        parts.add_text(paragraph, f"{clean(block.marker)} {clean(block.text)}", None)


def _image(document: DocxDocument, styles: _Styles, block: Image) -> None:
    paragraph = document.add_paragraph()
    parts.apply_style(paragraph, styles.body)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Mm(0)
    paragraph.add_run().add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
    if block.caption:
        caption = document.add_paragraph()
        parts.apply_style(caption, styles.body)
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.first_line_indent = Mm(0)
        parts.add_text(caption, clean(block.caption), None, italic=True)


def _table(document: DocxDocument, styles: _Styles, block: Table) -> None:
    widths = block.column_widths()
    table = document.add_table(rows=1, cols=len(widths))
    table.style = document.styles["Table Grid"]
    parts.fix_table_widths(table, widths)
    header = table.rows[0]
    parts.repeat_as_header(header)
    for cell, text, width in zip(header.cells, block.header, widths, strict=True):
        parts.set_cell_width(cell, width)
        parts.apply_style(cell.paragraphs[0], styles.table_header)
        parts.add_text(cell.paragraphs[0], clean(text), None)
    column_styles = [
        styles.table_centred if index in block.center_columns else styles.table
        for index in range(len(widths))
    ]
    # The first body row is formatted cell by cell (width, paragraph style); the others are
    # copies of it while still empty, which costs a fraction of python-docx's per-cell setters.
    template = None
    for row in block.rows:
        if template is None:
            cells = table.add_row().cells
            for cell, width, style in zip(cells, widths, column_styles, strict=True):
                parts.set_cell_width(cell, width)
                parts.apply_style(cell.paragraphs[0], style)
            template = copy.deepcopy(table.rows[-1]._tr)
        else:
            tr = copy.deepcopy(template)
            table._tbl.append(tr)
            cells = [_Cell(tc, table) for tc in tr.tc_lst]
        for cell, text in zip(cells, row, strict=True):
            parts.add_text(cell.paragraphs[0], clean(text), None)
    # Keep the next block from sticking to the table's bottom edge.
    gap = document.add_paragraph()
    parts.tight(gap)
    gap.paragraph_format.space_after = Pt(6)


def _signature(cell: _Cell, signature: Signature, *, first: bool) -> None:
    heading = signature.heading_lines()
    for index, line in enumerate(heading):
        _line(cell, line, 14, first=first and index == 0, bold=True)
    _line(cell, clean(signature.name).strip(), 14, first=first and not heading, bold=True)
    cell.paragraphs[-1].paragraph_format.space_before = Pt(72)


def _recipients(cell: _Cell, doc: OfficialDocument, *, first: bool) -> None:
    lines = doc.recipient_lines()
    if not lines:
        return
    left = WD_ALIGN_PARAGRAPH.LEFT
    _line(cell, "Nơi nhận:", 12, first=first, align=left, bold=True, italic=True)
    for line in lines:
        _line(cell, line, 11, align=left)


def _closing(document: DocxDocument, doc: OfficialDocument) -> None:
    if doc.second_signature is None:
        left, right = _layout_table(document, SIGNATURE_WIDTHS_MM)
        _recipients(left, doc, first=True)
        _signature(right, doc.signature, first=True)
        return
    left, right = _layout_table(document, TWO_SIGNATURES_WIDTHS_MM)
    _signature(left, doc.second_signature, first=True)
    _signature(right, doc.signature, first=True)
    spacer = document.add_paragraph()
    parts.tight(spacer)
    spacer.paragraph_format.space_after = Pt(12)
    (below,) = _layout_table(document, (CONTENT_WIDTH_MM,))
    _recipients(below, doc, first=True)
