"""Long work in the background (issue #16 item 4): a large export runs as a task of the worker,
reports its progress, and leaves a file that waits for the one who asked, and only for them, for
DOITHOAI_JOB_FILE_HOURS (24 by default); `jobs_expired_delete` (run by `doithoai retention`)
removes it afterwards.

Core knows no export: a higher app registers a kind of job in its `ready()` with
`job_kind_register(JobKind(...))`: who may ask for it (checked when asked, when run and when
downloaded) and how to make the file. The request path decides whether to run the export at
once or as a job (`export_in_background`: more than DOITHOAI_EXPORT_BACKGROUND_ROWS rows; a
document of more than DOITHOAI_DOCUMENT_BACKGROUND_ITEMS letters or invitations). A GET never
starts a job: above the limit it shows `job_offer`'s page, whose button POSTs to start it.
Starting a job records the event `job.started` on the job (`JobEvents`, core/event_texts.py).
"""

import datetime
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.tasks import task
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from doithoai.core.document_kinds import render_all_as_pdf
from doithoai.core.events import event_record
from doithoai.core.models import BackgroundJob, JobStatus
from doithoai.core.rendering import OfficialDocument
from doithoai.core.types import AnyUser

log = logging.getLogger(__name__)

DEFAULT_BACKGROUND_ROWS = 5000
DEFAULT_FILE_HOURS = 24
# A PDF of more letters or invitations than this is made in the background (one ≈ 0.1–0.2 s).
DEFAULT_DOCUMENT_ITEMS = 20
# A job that never finished (its worker was killed) is forgotten after this many days.
STALE_DAYS = 7

type Progress = Callable[[int, int], None]  # (done, total)


class JobEvents(StrEnum):
    """The core app's event actions about jobs (stored values: never change one)."""

    JOB_STARTED = "job.started"


@dataclass(frozen=True)
class JobOutput:
    data: bytes
    filename: str
    content_type: str


@dataclass(frozen=True)
class JobKind:
    code: str
    label: str | Promise
    allowed: Callable[[Any], bool]
    run: Callable[[BackgroundJob, Progress], JobOutput]


_KINDS: dict[str, JobKind] = {}


def pdf_job_output(
    docs: Sequence[OfficialDocument],
    *,
    filename: str,
    progress: Progress,
) -> JobOutput:
    """A job's file of several official documents (letters, invitations) joined in one PDF, with
    progress per document; nothing to print fails the job."""
    if not docs:
        raise ValueError("nothing to print")
    progress(0, len(docs))
    data = render_all_as_pdf(list(docs), progress=progress)
    return JobOutput(data=data, filename=filename, content_type="application/pdf")


def job_kind_register(kind: JobKind) -> None:
    _KINDS[kind.code] = kind


def job_kind(code: str) -> JobKind | None:
    return _KINDS.get(code)


def background_rows() -> int:
    return int(getattr(settings, "DOITHOAI_EXPORT_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS))


def export_in_background(rows_up_to_limit: int) -> bool:
    """Whether an export of this many rows runs as a job (count them with a limit of
    `background_rows() + 1`: the exact number above does not matter)."""
    return rows_up_to_limit > background_rows()


def document_items() -> int:
    return int(getattr(settings, "DOITHOAI_DOCUMENT_BACKGROUND_ITEMS", DEFAULT_DOCUMENT_ITEMS))


def document_in_background(items: int) -> bool:
    """Whether a PDF of this many letters/invitations (one or more pages each) runs as a job."""
    return items > document_items()


def file_hours() -> int:
    return int(getattr(settings, "DOITHOAI_JOB_FILE_HOURS", DEFAULT_FILE_HOURS))


# --------------------------------------------------------------------------- policy


def can_see_job(user: AnyUser, job: BackgroundJob) -> bool:
    """Only the one who asked sees a job: not an administrator, not a colleague."""
    return bool(getattr(user, "is_authenticated", False)) and job.owner_id == user.pk


def can_download_job(user: AnyUser, job: BackgroundJob, *, now: datetime.datetime) -> bool:
    """The owner, while the file waits, if they may still ask for such a job."""
    kind = job_kind(job.kind)
    return (
        can_see_job(user, job)
        and job.status == JobStatus.DONE
        and bool(job.file)
        and job.expires_at is not None
        and job.expires_at > now
        and kind is not None
        and kind.allowed(user)
    )


# --------------------------------------------------------------------------- selectors


def job_get_for(*, user: AnyUser, job_id: int) -> BackgroundJob:
    """The job if `user` asked for it; 404 alike for missing and not yours."""
    job = BackgroundJob.objects.filter(pk=job_id).first()
    if job is None or not can_see_job(user, job):
        raise Http404
    return job


def jobs_of(*, user: AnyUser, limit: int = 20) -> QuerySet[BackgroundJob]:
    if not getattr(user, "is_authenticated", False):
        return BackgroundJob.objects.none()
    return BackgroundJob.objects.filter(owner_id=user.pk)[:limit]


# --------------------------------------------------------------------------- views' helper


def job_offer(
    request: HttpRequest, *, kind: str, items: int, back: str, more: bool = False
) -> HttpResponse:
    """The page a GET shows above the limit: what will be made (`items`, or more than `items`),
    and a button that POSTs to the same address (query string kept) to start the job. `back` is
    the page to return to."""
    registered = job_kind(kind)
    context = {
        "label": registered.label if registered else kind,
        "items": items,
        "more": more,
        "hours": file_hours(),
        "action": request.get_full_path(),
        "back": back,
    }
    return render(request, "core/job_offer.html", context)


# --------------------------------------------------------------------------- services


@transaction.atomic
def job_start(*, actor: AnyUser, kind: str, params: dict[str, Any]) -> BackgroundJob:
    """Queue a job for `actor`; the worker runs it once this transaction commits."""
    registered = job_kind(kind)
    owner_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    if registered is None or owner_id is None or not registered.allowed(actor):
        raise PermissionDenied(_("Bạn không có quyền thực hiện việc này."))
    job = BackgroundJob.objects.create(owner_id=owner_id, kind=kind, params=params)
    # Only the kind: the parameters may hold a search text (a name), which no event keeps.
    event_record(actor=actor, obj=job, action=JobEvents.JOB_STARTED, after={"kind": kind})
    transaction.on_commit(lambda: background_job_run.enqueue(job.pk))
    return job


def _progress(job: BackgroundJob) -> Progress:
    """Writes done/total at most every 1 % (each write is its own short statement)."""
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = min(99, done * 100 // total) if total else 0
        if percent != last[0]:
            last[0] = percent
            BackgroundJob.objects.filter(pk=job.pk).update(done=done, total=total, progress=percent)

    return report


def job_execute(*, job_id: int) -> BackgroundJob | None:
    """Run one queued job (the worker's task). Outside any transaction, so that the progress it
    writes is seen at once; the export records its own event in its own transaction."""
    job = BackgroundJob.objects.select_related("owner").filter(pk=job_id).first()
    if job is None or job.status in (JobStatus.DONE, JobStatus.FAILED):
        return job  # gone, or already run (a task may run again after a database outage)
    kind = job_kind(job.kind)
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    if kind is None or not kind.allowed(job.owner):
        return _failed(job, _("Bạn không còn quyền thực hiện việc này."))
    try:
        output = kind.run(job, _progress(job))
    except Exception as error:
        log.warning("background job %s (%s) failed: %s", job.pk, job.kind, type(error).__name__)
        _failed(job, _("Không tạo được tệp. Vui lòng thử lại hoặc thu hẹp bộ lọc."))
        raise
    job.refresh_from_db(fields=["done", "total"])
    job.file.save(f"{job.pk}.bin", ContentFile(output.data), save=False)
    now = timezone.now()
    job.filename, job.content_type = output.filename, output.content_type
    job.status, job.progress, job.done = JobStatus.DONE, 100, max(job.done, job.total)
    job.finished_at, job.expires_at = now, now + datetime.timedelta(hours=file_hours())
    job.save()
    return job


def _failed(job: BackgroundJob, message: str) -> BackgroundJob:
    job.status, job.error, job.finished_at = JobStatus.FAILED, message[:300], timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
    return job


def jobs_expired_delete(*, now: datetime.datetime | None = None) -> int:
    """Remove the files past their time and their jobs, and jobs that never ended (their worker
    was killed) after STALE_DAYS. Returns how many jobs were removed."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(days=STALE_DAYS)
    removed = 0
    for job in BackgroundJob.objects.filter(expires_at__lte=now) | BackgroundJob.objects.filter(
        expires_at__isnull=True, created_at__lte=stale
    ):
        if job.file:
            job.file.delete(save=False)
        job.delete()
        removed += 1
    return removed


@task()
def background_job_run(job_id: int) -> None:
    job_execute(job_id=job_id)
