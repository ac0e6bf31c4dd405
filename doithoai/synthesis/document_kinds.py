"""The synthesis app's official document (the Front's synthesis report, BC, issued by the
Fatherland Front of the round's unit), registered with `core.document_kinds` in
`SynthesisConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.document_kinds import DocumentKind, document_kind_register
from doithoai.synthesis.documents import build_synthesis_report, synthesis_report_issue_problem
from doithoai.units.models import OrganisationKind


def register() -> None:
    document_kind_register(
        DocumentKind(
            "synthesis",
            _("Báo cáo tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân"),
            build_synthesis_report,
            "bao-cao-tong-hop",
            order=60,
            series="BC",
            issuer=OrganisationKind.FATHERLAND_FRONT,
            check=synthesis_report_issue_problem,
        )
    )
