"""The follow-up app's official document (the results report, BC), registered with
`core.document_kinds` in `FollowupConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.document_kinds import DocumentKind, document_kind_register
from doithoai.followup.documents import build_results


def register() -> None:
    document_kind_register(
        DocumentKind(
            "results",
            _("Báo cáo kết quả giải quyết"),
            build_results,
            "ket-qua",
            order=50,
            series="BC",
        )
    )
