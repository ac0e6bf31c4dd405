"""The dialogues app's official documents (KH, GM, BB, TB), registered with
`core.document_kinds` in `DialoguesConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.document_kinds import DocumentKind, document_kind_register
from doithoai.dialogues.documents import (
    build_conclusion,
    build_invitation,
    build_minutes,
    build_plan,
)
from doithoai.dialogues.documents.conclusion import conclusion_issue_problem


def register() -> None:
    for kind in (
        DocumentKind(
            "plan",
            _("Kế hoạch"),
            build_plan,
            "ke-hoach",
            order=10,
            series="KH",
            round_fields=("document_number", "issued_on"),
        ),
        DocumentKind(
            "invitation",
            _("Giấy mời"),
            build_invitation,
            "giay-moi",
            order=20,
            series="GM",
            round_fields=("invitation_number", None),
        ),
        DocumentKind(
            "minutes",
            _("Biên bản hội nghị"),
            build_minutes,
            "bien-ban",
            order=30,
            series="BB",
            round_fields=("minutes_number", None),
        ),
        DocumentKind(
            "conclusion",
            _("Thông báo kết luận"),
            build_conclusion,
            "thong-bao-ket-luan",
            order=40,
            series="TB",
            check=conclusion_issue_problem,
            round_fields=("conclusion_number", "conclusion_on"),
        ),
    ):
        document_kind_register(kind)
