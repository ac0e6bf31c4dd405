"""The kinds of official documents of a round, each registered by the app that builds it.

An app registers its kinds in its `AppConfig.ready()` with `document_kind_register`: the code, what
people call it, the function building it (a `dialogues.Round` → a `rendering.OfficialDocument`),
the stem of its file name and, for the register (`documents.services.document_issue`), its number
series (the Decree 30 abbreviation of its type), which kind of organisation issues it when it is
not the round's own, an optional readiness check `(round_) -> str | None` (a problem in
Vietnamese, or None when it may be issued) and the round's fields that keep the issued number and
date (`round_fields`), written by the register so that the round's other documents cite them.
Core never imports those apps (layers, docs/adr).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from doithoai.core.rendering import OfficialDocument, render_docx, render_pdf, render_pdf_many

Builder = Callable[[Any], OfficialDocument]
Check = Callable[[Any], Any]


@dataclass(frozen=True)
class DocumentKind:
    kind: str
    label: str | Promise
    builder: Builder
    file_stem: str
    order: int = 100
    series: str | None = None
    issuer: str | None = None
    check: Check | None = None
    # The round's field holding this kind's number, and its date field (or None).
    round_fields: tuple[str, str | None] | None = None


_KINDS: dict[str, DocumentKind] = {}
# Views of the registered kinds, in their order (kept in step by `document_kind_register`).
BUILDERS: dict[str, Builder] = {}
KIND_LABELS: dict[str, str | Promise] = {}
FILE_STEMS: dict[str, str] = {}
# The number series of each kind issued with a number (Decree 30/2020, appendix III). Numbers run
# from 01 per issuing organisation, year and series.
SERIES: dict[str, str] = {}
# Kinds issued by another organisation of the round's unit than the round's own (by its kind).
ISSUERS: dict[str, str] = {}
# Readiness checks run before a kind is issued.
ISSUE_CHECKS: dict[str, Check] = {}
# The round's (number field, date field or None) a kind's issued number and date are written to.
ROUND_FIELDS: dict[str, tuple[str, str | None]] = {}
FORMATS = ("docx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def document_kind_register(kind: DocumentKind) -> None:
    """Register (or replace) a kind; lower `order` comes first in lists."""
    _KINDS[kind.kind] = kind
    ordered = sorted(_KINDS.values(), key=lambda k: (k.order, k.kind))
    for table in (BUILDERS, KIND_LABELS, FILE_STEMS, SERIES, ISSUERS, ISSUE_CHECKS, ROUND_FIELDS):
        table.clear()
    for k in ordered:
        BUILDERS[k.kind] = k.builder
        KIND_LABELS[k.kind] = k.label
        FILE_STEMS[k.kind] = k.file_stem
        if k.series:
            SERIES[k.kind] = k.series
        if k.issuer:
            ISSUERS[k.kind] = k.issuer
        if k.check:
            ISSUE_CHECKS[k.kind] = k.check
        if k.round_fields:
            ROUND_FIELDS[k.kind] = k.round_fields


class DocumentUnavailable(Exception):
    """The kind is unknown (its app is not installed); the message is for people."""


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def builder_for(kind: str) -> Builder:
    builder = BUILDERS.get(kind)
    if builder is None:
        raise DocumentUnavailable(
            _("Không có loại văn bản “%(kind)s”; chọn một trong: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(kind_label(k) for k in BUILDERS)}
        )
    return builder


def issue_problem(kind: str, round_: Any) -> str | None:
    """Why `kind` may not be issued for the round yet (its readiness check), or None."""
    check = ISSUE_CHECKS.get(kind)
    if check is None:
        return None
    problem = check(round_)
    return str(problem) if problem else None


def issuable_kinds() -> list[str]:
    """The kinds with a builder and a number series, in their order."""
    return [kind for kind in BUILDERS if kind in SERIES]


def template_dir() -> Path | None:
    """The administrator's replacement templates (setting DOITHOAI_DOCUMENT_TEMPLATES), if any."""
    configured = getattr(settings, "DOITHOAI_DOCUMENT_TEMPLATES", "")
    return Path(configured) if configured else None


def document_build(round_: Any, kind: str) -> OfficialDocument:
    return builder_for(kind)(round_)


def render_as(doc: OfficialDocument, fmt: str) -> bytes:
    """One built document as DOCX or PDF bytes."""
    if fmt not in FORMATS:
        raise DocumentUnavailable(_("Định dạng phải là docx hoặc pdf."))
    if fmt == "docx":
        return render_docx(doc)
    return render_pdf(doc, template_dir=template_dir())


def render_all_as_pdf(
    docs: list[OfficialDocument], *, progress: Callable[[int, int], None] | None = None
) -> bytes:
    """Several built documents in one PDF (each from a new page), like `render_as`."""
    return render_pdf_many(docs, template_dir=template_dir(), progress=progress)


def document_render(round_: Any, kind: str, fmt: str) -> bytes:
    """Build and render one document of a round as DOCX or PDF bytes (an unissued preview)."""
    if fmt not in FORMATS:
        raise DocumentUnavailable(_("Định dạng phải là docx hoặc pdf."))
    return render_as(document_build(round_, kind), fmt)
