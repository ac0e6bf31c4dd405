"""The PDF of a ward's answer letters still to be carried is made in the background above
DOITHOAI_DOCUMENT_BACKGROUND_ITEMS letters (core/jobs.py; one letter ≈ 0.1–0.2 s of WeasyPrint,
a ward of the demo ≈ 6 s): progress per letter, the file for the one who asked only.

The job re-reads the letters as its owner when it runs (`letters_to_print` checks the ward is
still theirs and each letter readable), so a right lost in between ends the job without a file.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.types import Actor
from doithoai.core.jobs import JobKind, JobOutput, Progress, job_kind_register, pdf_job_output
from doithoai.core.models import BackgroundJob
from doithoai.followup import policies, selectors_letters
from doithoai.followup.documents_letters import build_letter
from doithoai.units.models import Unit

LETTERS_JOB = "followup.letters_pdf"


def letters_params(ward_id: int) -> dict[str, Any]:
    return {"ward_id": ward_id}


def can_print_letters(user: Actor) -> bool:
    """Who may ask for the job at all; the ward itself is checked when asked and when run."""
    return bool(policies.letter_unit_ids(user))


def _run(job: BackgroundJob, progress: Progress) -> JobOutput:
    ward = Unit.objects.get(pk=int(job.params["ward_id"]))
    letters = selectors_letters.letters_to_print(user=job.owner, ward=ward)
    docs = [build_letter(letter) for letter in letters]
    return pdf_job_output(docs, filename=f"thu-tra-loi-{ward.pk}.pdf", progress=progress)


def register() -> None:
    label = _("Tệp PDF các thư trả lời chờ chuyển")
    job_kind_register(JobKind(LETTERS_JOB, label, can_print_letters, _run))
