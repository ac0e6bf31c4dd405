"""Every invitee's invitation in one PDF is made in the background above
DOITHOAI_DOCUMENT_BACKGROUND_ITEMS invitations (core/jobs.py; ≈ 0.12 s each): progress per
invitation, the file for the one who asked only.

The job re-reads the round and the invitees as its owner when it runs (`round_get_for`,
`invitees_to_print`), so a right lost in between ends the job without a file.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.models import Role
from doithoai.accounts.policies import unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.core.jobs import JobKind, JobOutput, Progress, job_kind_register, pdf_job_output
from doithoai.core.models import BackgroundJob
from doithoai.dialogues import selectors
from doithoai.dialogues.documents.invitations import build_invitations

INVITATIONS_JOB = "dialogues.invitations_pdf"


def invitations_params(round_id: int) -> dict[str, Any]:
    return {"round_id": round_id}


def can_print_invitations(user: Actor) -> bool:
    """Who may ask for the job at all (the round's secretariat or a ward officer); the round and
    its invitees are scoped by `dialogues.policies.invitation_units` when asked and when run."""
    return bool(unit_ids_with_role(user, Role.SECRETARIAT, Role.WARD_OFFICER))


def _run(job: BackgroundJob, progress: Progress) -> JobOutput:
    round_ = selectors.round_get_for(user=job.owner, round_id=int(job.params["round_id"]))
    invitees = list(selectors.invitees_to_print(user=job.owner, round_=round_))
    filename = f"giay-moi-dai-bieu-{round_.pk}.pdf"
    return pdf_job_output(
        build_invitations(round_, invitees),
        filename=filename,
        progress=progress,
    )


def register() -> None:
    label = _("Giấy mời của từng đại biểu (một tệp PDF)")
    job_kind_register(JobKind(INVITATIONS_JOB, label, can_print_invitations, _run))
