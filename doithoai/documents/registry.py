"""Which function builds each kind of official document of a round.

A builder takes a `dialogues.Round` and returns a `rendering.OfficialDocument`. Builders are
named by dotted path so that an app may add one later (the results report lives in `followup`)
without the documents app importing it; `builder_for` explains clearly when one is missing.
"""

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.documents.rendering import OfficialDocument, render_docx, render_pdf

BUILDERS: dict[str, str] = {
    "plan": "doithoai.dialogues.documents:build_plan",
    "invitation": "doithoai.dialogues.documents:build_invitation",
    "minutes": "doithoai.dialogues.documents:build_minutes",
    "conclusion": "doithoai.dialogues.documents:build_conclusion",
    "results": "doithoai.followup.documents:build_results",
}
# What people call each kind (messages never show the codes above).
KIND_LABELS = {
    "plan": gettext_lazy("Kế hoạch"),
    "invitation": gettext_lazy("Giấy mời"),
    "minutes": gettext_lazy("Biên bản hội nghị"),
    "conclusion": gettext_lazy("Thông báo kết luận"),
    "results": gettext_lazy("Báo cáo kết quả giải quyết"),
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
}


class DocumentUnavailable(Exception):
    """The kind is unknown or its builder is not installed; the message is for people."""


def builder_for(kind: str) -> Callable[[Any], OfficialDocument]:
    path = BUILDERS.get(kind)
    if path is None:
        raise DocumentUnavailable(
            _("Không có loại văn bản này; chọn một trong: %(kinds)s.")
            % {"kinds": ", ".join(str(KIND_LABELS.get(k, k)) for k in BUILDERS)}
        )
    label = KIND_LABELS.get(kind, kind)
    module_name, _sep, attribute = path.partition(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            raise DocumentUnavailable(
                _("Chưa cài đặt chức năng tạo văn bản “%(label)s” (thiếu %(path)s).")
                % {"label": label, "path": path}
            ) from error
        raise
    builder = getattr(module, attribute, None)
    if builder is None:
        raise DocumentUnavailable(
            _("Chưa cài đặt chức năng tạo văn bản “%(label)s” (thiếu %(path)s).")
            % {"label": label, "path": path}
        )
    return builder  # type: ignore[no-any-return]


def template_dir() -> Path | None:
    """The administrator's replacement templates (setting DOITHOAI_DOCUMENT_TEMPLATES), if any."""
    configured = getattr(settings, "DOITHOAI_DOCUMENT_TEMPLATES", "")
    return Path(configured) if configured else None


def document_render(round_: Any, kind: str, fmt: str) -> bytes:
    """Build and render one document of a round as DOCX or PDF bytes."""
    if fmt not in FORMATS:
        raise DocumentUnavailable(_("Định dạng phải là docx hoặc pdf."))
    doc = builder_for(kind)(round_)
    if fmt == "docx":
        return render_docx(doc)
    return render_pdf(doc, template_dir=template_dir())
