"""PDF output: fill a replaceable HTML template (string.Template) and typeset it with WeasyPrint.

Every piece of user text goes through ``_esc`` before it reaches the template, and WeasyPrint may
only read ``data:`` URLs and files inside the template directories, so a document cannot pull in
remote or local resources through its content.
"""

from __future__ import annotations

import base64
import html
import string
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from .model import (
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

DEFAULT_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STYLESHEET = "document.css"
PAGE = "document.html"


def _esc(text: str) -> str:
    """Escape user text for HTML; newlines become line breaks."""
    return "<br>".join(html.escape(line, quote=True) for line in clean(text).split("\n"))


def _p(text: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<p{attribute}>{_esc(text)}</p>"


def _block_html(block: Block) -> str:
    if isinstance(block, Heading):
        text = caps(block.text) if block.level == 1 else block.text
        return _p(text, f"heading heading-{min(max(block.level, 1), 3)}")
    if isinstance(block, Paragraph):
        classes = " ".join(
            name for name, on in (("bold", block.bold), ("italic", block.italic)) if on
        )
        return _p(block.text, classes)
    if isinstance(block, Bullet):
        return _p(f"{block.marker} {block.text}", "bullet")
    if isinstance(block, Image):
        return _image_html(block)
    return _table_html(block)


def _image_html(image: Image) -> str:
    data = base64.b64encode(image.png).decode("ascii")
    caption = _p(image.caption, "caption") if image.caption else ""
    return (
        f'<div class="image"><img src="data:image/png;base64,{data}" '
        f'style="width:{image.width_mm:.1f}mm" alt="">{caption}</div>'
    )


def _table_html(table: Table) -> str:
    cols = "".join(f'<col style="width:{w:.2f}mm">' for w in table.column_widths())
    head = "".join(f"<th>{_esc(cell)}</th>" for cell in table.header)
    centred = set(table.center_columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="center">{_esc(cell)}</td>' if i in centred else f"<td>{_esc(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="grid"><colgroup>{cols}</colgroup>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _signature_html(signature: Signature) -> str:
    lines = "".join(_p(line) for line in signature.heading_lines())
    return f'<div class="signature">{lines}{_p(signature.name.strip(), "name")}</div>'


def _recipients_html(doc: OfficialDocument, extra_class: str = "") -> str:
    lines = doc.recipient_lines()
    if not lines:
        return ""
    items = "".join(_p(line) for line in lines)
    classes = f"recipients {extra_class}".strip()
    return f'<div class="{classes}"><p class="recipients-title">Nơi nhận:</p>{items}</div>'


def _closing_html(doc: OfficialDocument) -> str:
    if doc.second_signature is None:
        return (
            '<table class="closing"><colgroup><col style="width:75mm"><col style="width:90mm">'
            f"</colgroup><tr><td>{_recipients_html(doc)}</td>"
            f"<td>{_signature_html(doc.signature)}</td></tr></table>"
        )
    return (
        '<table class="closing"><tr>'
        f"<td>{_signature_html(doc.second_signature)}</td>"
        f"<td>{_signature_html(doc.signature)}</td></tr></table>"
        f"{_recipients_html(doc, 'below')}"
    )


def _issuer_mark_html(doc: OfficialDocument) -> str:
    """Under the issuing body: a star on the Party's documents, a short rule on the others."""
    return '<p class="party-star">*</p>' if doc.family == "party" else '<div class="rule"></div>'


def _header_title_html(doc: OfficialDocument) -> str:
    """The state's national title over its underlined motto; the Party's or the Front's name
    underlined."""
    title = _esc(doc.header_title)
    if doc.family == "state":
        return (
            f'<p class="national-title">{title}</p>\n'
            f'<p class="motto"><span class="underlined">{_esc(doc.motto)}</span></p>'
        )
    return f'<p class="{doc.family}-title"><span class="underlined">{title}</span></p>'


def template_values(doc: OfficialDocument, css: str) -> dict[str, str]:
    """The placeholders a template may use; all values are already HTML-safe."""
    parent = caps(doc.parent_body).strip()
    summary = clean(doc.summary).strip()
    return {
        "css": css,
        "title": _esc(f"{caps(doc.kind_label)} {summary}".strip().replace("\n", " ")),
        "parent_body": _esc(parent),
        "parent_body_html": _p(parent, "parent-body") if parent else "",
        "issuing_body": _esc(caps(doc.issuing_body)),
        "number_line": _esc(doc.number_line),
        "issuer_mark_html": _issuer_mark_html(doc),
        "header_title": _esc(doc.header_title),
        "header_title_html": _header_title_html(doc),
        "motto": _esc(doc.motto),
        "place_date": _esc(doc.place_date) if doc.show_place_date else "",
        "place_date_html": _p(doc.place_date, "place-date") if doc.show_place_date else "",
        "kind_label": _esc(caps(doc.kind_label)),
        "summary": _esc(summary),
        "summary_html": _p(summary, "summary") if summary else "",
        "body": "\n".join(_block_html(block) for block in doc.blocks),
        "closing": _closing_html(doc),
    }


def _read_template(name: str, template_dir: Path | None) -> str:
    """Take ``name`` from the override directory when it has one, else the packaged default."""
    for directory in (template_dir, DEFAULT_TEMPLATE_DIR):
        if directory is not None and (directory / name).is_file():
            return (directory / name).read_text(encoding="utf-8")
    raise FileNotFoundError(f"no document template named {name!r}")


def _read_page(family: str, template_dir: Path | None) -> str:
    """A replacement page of the family's own (``state.html``, ``party.html``, ``front.html``)
    when the override directory has one, else ``document.html`` (replaced or packaged)."""
    if template_dir is not None and (template_dir / f"{family}.html").is_file():
        return (template_dir / f"{family}.html").read_text(encoding="utf-8")
    return _read_template(PAGE, template_dir)


def render_html(doc: OfficialDocument, *, template_dir: Path | str | None = None) -> str:
    """The HTML document handed to WeasyPrint (useful for previews and debugging)."""
    directory = Path(template_dir) if template_dir is not None else None
    css = _read_template(STYLESHEET, directory)
    page = string.Template(_read_page(doc.family, directory))
    return page.substitute(template_values(doc, css))


_per_thread = threading.local()


def _font_config() -> FontConfiguration:
    """One WeasyPrint font configuration per thread, kept for every document it renders.

    WeasyPrint makes a new one for each document when none is given: it loads the system's font
    list (Fontconfig) and starts Pango's font caches empty. Reusing it is the documented use of
    the ``font_config`` argument; one per thread because Pango's font map is not thread-safe."""
    config = getattr(_per_thread, "font_config", None)
    if config is None:
        config = _per_thread.font_config = FontConfiguration()
    return config


class _ConfinedFetcher(URLFetcher):
    """Fetch only ``data:`` URLs and files below the given directories."""

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self._roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers: object = None) -> object:
        if url.lower().startswith("file:"):
            path = Path(unquote(urlparse(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"resource outside the template directories: {url}")
        return super().fetch(url, headers)


def render_pdf(doc: OfficialDocument, *, template_dir: Path | str | None = None) -> bytes:
    """Render ``doc`` as an A4 PDF and return its bytes."""
    directory = Path(template_dir) if template_dir is not None else None
    roots: Sequence[Path] = [p for p in (directory, DEFAULT_TEMPLATE_DIR) if p is not None]
    document = HTML(
        string=render_html(doc, template_dir=directory),
        base_url=f"{(directory or DEFAULT_TEMPLATE_DIR).resolve().as_uri()}/",
        url_fetcher=_ConfinedFetcher(roots),
    )
    pdf = document.write_pdf(font_config=_font_config())
    if not isinstance(pdf, bytes):  # write_pdf returns bytes when no target is given
        raise TypeError("WeasyPrint did not return PDF bytes")
    return pdf


def render_pdf_many(
    docs: Sequence[OfficialDocument],
    *,
    template_dir: Path | str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """Render several documents into one PDF, each starting on a new page (e.g. every invitee's
    invitation), with WeasyPrint's documented way of joining rendered pages. `progress(done,
    total)` is called after each document (a background job reports it)."""
    if not docs:
        raise ValueError("nothing to render")
    directory = Path(template_dir) if template_dir is not None else None
    roots: Sequence[Path] = [p for p in (directory, DEFAULT_TEMPLATE_DIR) if p is not None]
    fetcher = _ConfinedFetcher(roots)
    base_url = f"{(directory or DEFAULT_TEMPLATE_DIR).resolve().as_uri()}/"
    rendered = []
    for doc in docs:
        rendered.append(
            HTML(
                string=render_html(doc, template_dir=directory),
                base_url=base_url,
                url_fetcher=fetcher,
            ).render(font_config=_font_config())
        )
        if progress is not None:
            progress(len(rendered), len(docs))
    pages = [page for document in rendered for page in document.pages]
    pdf = rendered[0].copy(pages).write_pdf()
    if not isinstance(pdf, bytes):
        raise TypeError("WeasyPrint did not return PDF bytes")
    return pdf
