"""Which function builds each kind of official document of a round, and how it is issued.

A builder takes a `dialogues.Round` and returns a `rendering.OfficialDocument`. Builders are
named by dotted path so that an app may add one later (the results report lives in `followup`)
without the documents app importing it; `builder_for` explains clearly when one is missing.

Issuing (the register, `documents.services.document_issue`) reads three more tables here: the
number series of each kind (the Decree 30 abbreviation of its type), which organisation issues it
when it is not the round's own, and an optional readiness check named by dotted path like the
builders: `(round_) -> str | None`, a problem in Vietnamese or None when the document may be
issued.
"""

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.documents.rendering import OfficialDocument, render_docx, render_pdf
from doithoai.units.models import OrganisationKind

BUILDERS: dict[str, str] = {
    "plan": "doithoai.dialogues.documents:build_plan",
    "invitation": "doithoai.dialogues.documents:build_invitation",
    "minutes": "doithoai.dialogues.documents:build_minutes",
    "conclusion": "doithoai.dialogues.documents:build_conclusion",
    "results": "doithoai.followup.documents:build_results",
    "synthesis": "doithoai.synthesis.documents:build_synthesis_report",
}
# What people call each kind (messages never show the codes above).
KIND_LABELS = {
    "plan": gettext_lazy("Kế hoạch"),
    "invitation": gettext_lazy("Giấy mời"),
    "minutes": gettext_lazy("Biên bản hội nghị"),
    "conclusion": gettext_lazy("Thông báo kết luận"),
    "results": gettext_lazy("Báo cáo kết quả giải quyết"),
    "synthesis": gettext_lazy("Báo cáo tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân"),
}
FORMATS = ("docx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
FILE_STEMS = {
    "plan": "ke-hoach",
    "invitation": "giay-moi",
    "minutes": "bien-ban",
    "conclusion": "thong-bao-ket-luan",
    "results": "ket-qua",
    "synthesis": "bao-cao-tong-hop",
}
# The number series of each kind that is issued with a number: the abbreviation of its type
# (Decree 30/2020, appendix III). Numbers run from 01 per issuing organisation, year and series.
SERIES: dict[str, str] = {
    "plan": "KH",
    "invitation": "GM",
    "minutes": "BB",
    "conclusion": "TB",
    "results": "BC",
    "synthesis": "BC",
}
# Kinds issued by another organisation of the round's unit than the round's own (by its kind).
ISSUERS: dict[str, str] = {"synthesis": OrganisationKind.FATHERLAND_FRONT}
# Readiness checks run before a kind is issued: kind → "module:function" taking the round and
# returning a problem to show (Vietnamese) or None.
ISSUE_CHECKS: dict[str, str] = {
    "conclusion": "doithoai.dialogues.documents.conclusion:conclusion_issue_problem",
    "synthesis": "doithoai.synthesis.documents:synthesis_report_issue_problem",
}


class DocumentUnavailable(Exception):
    """The kind is unknown or its builder is not installed; the message is for people."""


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


def _resolve(kind: str, path: str, *, check: bool = False) -> Callable[..., Any]:
    """The function a "module:attribute" path names; DocumentUnavailable when it is missing."""
    if check:
        template = _("Chưa cài đặt bước kiểm tra trước khi ban hành “%(label)s” (thiếu %(path)s).")
    else:
        template = _("Chưa cài đặt chức năng tạo văn bản “%(label)s” (thiếu %(path)s).")
    missing = template % {"label": kind_label(kind), "path": path}
    module_name, _sep, attribute = path.partition(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            raise DocumentUnavailable(missing) from error
        raise
    found = getattr(module, attribute, None)
    if found is None:
        raise DocumentUnavailable(missing)
    return found  # type: ignore[no-any-return]


def builder_for(kind: str) -> Callable[[Any], OfficialDocument]:
    path = BUILDERS.get(kind)
    if path is None:
        raise DocumentUnavailable(
            _("Không có loại văn bản này; chọn một trong: %(kinds)s.")
            % {"kinds": ", ".join(kind_label(k) for k in BUILDERS)}
        )
    return _resolve(kind, path)


def issue_problem(kind: str, round_: Any) -> str | None:
    """Why `kind` may not be issued for the round yet (its readiness check), or None.

    A registered check that is not installed refuses, as a missing builder does."""
    path = ISSUE_CHECKS.get(kind)
    if path is None:
        return None
    problem = _resolve(kind, path, check=True)(round_)
    return str(problem) if problem else None


def issuable_kinds() -> list[str]:
    """The kinds with a builder and a number series, in the order of BUILDERS."""
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


def document_render(round_: Any, kind: str, fmt: str) -> bytes:
    """Build and render one document of a round as DOCX or PDF bytes (an unissued preview)."""
    if fmt not in FORMATS:
        raise DocumentUnavailable(_("Định dạng phải là docx hoặc pdf."))
    return render_as(document_build(round_, kind), fmt)
