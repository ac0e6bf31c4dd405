"""Low-level python-docx helpers: fonts, cell widths, borders, fields, short rules."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

FONT = "Times New Roman"


def set_run_font(run: Run, size: float | None, *, bold: bool = False, italic: bool = False) -> None:
    """Direct formatting; ``size=None`` leaves face and size to the paragraph style."""
    if size is not None:
        run.font.name = FONT
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True


def apply_style(paragraph: DocxParagraph, style: ParagraphStyle) -> None:
    """Set the paragraph style by id (python-docx's setter rescans every style on each call)."""
    paragraph._p.style = style.style_id


def paragraph_style(
    document: DocxDocument,
    name: str,
    size: float,
    *,
    align: int = WD_ALIGN_PARAGRAPH.LEFT,
    bold: bool = False,
    space_after: float = 0,
    first_line_indent: Length | None = None,
    line_spacing: float | None = None,
) -> ParagraphStyle:
    """A named paragraph style based on Normal, so an editor can restyle a whole document."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(size)
    style.font.bold = bold or None
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(space_after)
    if first_line_indent is not None:
        fmt.first_line_indent = first_line_indent
    if line_spacing is not None:
        fmt.line_spacing = line_spacing
    return style


def set_font_family(style: ParagraphStyle) -> None:
    """Point every script slot (ASCII, Vietnamese, complex, East Asian) at the serif face."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def add_text(
    paragraph: DocxParagraph,
    text: str,
    size: float | None,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    """Append text, turning embedded newlines into line breaks within the paragraph."""
    for index, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if index:
            run.add_break()
        run.add_text(line)
        set_run_font(run, size, bold=bold, italic=italic)
        if underline:
            run.font.underline = True


def tight(paragraph: DocxParagraph, align: int = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Single spacing, nothing before or after: used for header and signature lines."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Mm(0)


def short_rule(paragraph: DocxParagraph, cell_width_mm: float, length_mm: float) -> None:
    """Turn an empty paragraph into a centred horizontal rule ``length_mm`` long.

    The rule is the paragraph's top border; the left and right indents shorten it.
    """
    tight(paragraph)
    side = max((cell_width_mm - length_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    # CT_PPr is an ordered sequence: the border goes before shading, tabs, spacing, indent, jc.
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"
    )


# Schema order of the children of <w:tblPr>; Word rejects files that break it.
_TBL_PR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
)


def _set_tbl_pr_child(table: DocxTable, element: BaseOxmlElement) -> None:
    """Replace or insert a <w:tblPr> child at its schema position."""
    tbl_pr = table._tbl.tblPr
    tag = element.tag
    for old in tbl_pr.findall(tag):
        tbl_pr.remove(old)
    names = [qn(name) for name in _TBL_PR_ORDER]
    successors = _TBL_PR_ORDER[names.index(tag) + 1 :]
    tbl_pr.insert_element_before(element, *successors)


def fix_table_widths(table: DocxTable, widths_mm: list[float]) -> None:
    """Fixed layout, grid columns and table width; cells are set by ``set_cell_width``."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    width = OxmlElement("w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(mm_to_twips(w) for w in widths_mm)))
    _set_tbl_pr_child(table, width)
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)


def mm_to_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def set_cell_width(cell: _Cell, mm: float) -> None:
    cell.width = Mm(mm)


def no_borders(table: DocxTable) -> None:
    """Remove every border (header and signature layouts are invisible tables)."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _set_tbl_pr_child(table, borders)


def set_cell_margins(table: DocxTable, side_mm: float = 1.0) -> None:
    """Left and right cell padding for the whole table."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(mm_to_twips(side_mm)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _set_tbl_pr_child(table, margins)


def repeat_as_header(row: _Row) -> None:
    """Mark a table row to repeat at the top of every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def add_page_field(paragraph: DocxParagraph, size: float) -> None:
    """Insert a PAGE field (begin / instruction / separate / placeholder / end)."""

    def run_with(element: object) -> None:
        run = paragraph.add_run()
        set_run_font(run, size)
        run._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    placeholder = paragraph.add_run("2")
    set_run_font(placeholder, size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)
