"""A large petition export runs as a background job (core/jobs.py): above
DOITHOAI_EXPORT_BACKGROUND_ROWS rows the export link queues it and opens its progress page;
below, the file comes at once as before. Same filters, same workbook, same event."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.types import Actor
from doithoai.core.jobs import JobKind, JobOutput, Progress, background_rows, job_kind_register
from doithoai.core.models import BackgroundJob
from doithoai.petitions import policies
from doithoai.petitions.exports import petitions_xlsx
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.selectors import petition_export_rows

EXPORT_JOB = "petitions.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILENAME = "kien-nghi.xlsx"


def export_is_large(*, user: Actor, filters: PetitionFilters) -> bool:
    """More rows than an export made inside the request may have (counted up to that limit)."""
    limit = background_rows()
    return petition_export_rows(user=user, filters=filters, limit=limit + 1).count() > limit


def filters_params(filters: PetitionFilters) -> dict[str, Any]:
    """The filters as the job keeps them (JSON)."""
    return {"filters": filters.model_dump(mode="json")}


def _run(job: BackgroundJob, progress: Progress) -> JobOutput:
    filters = PetitionFilters.model_validate(job.params.get("filters", {}))
    data = petitions_xlsx(user=job.owner, filters=filters, progress=progress)
    return JobOutput(data=data, filename=FILENAME, content_type=XLSX)


def register() -> None:
    job_kind_register(
        JobKind(
            code=EXPORT_JOB,
            label=_("Xuất danh sách kiến nghị (Excel)"),
            allowed=policies.can_export,
            run=_run,
        )
    )
