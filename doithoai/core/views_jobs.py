"""The page of a background job (progress, then the download link) and its download, for the
one who asked only (core/jobs.py)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from doithoai.core.jobs import can_download_job, file_hours, job_get_for, job_kind
from doithoai.core.models import JobStatus
from doithoai.core.storage import download_response


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = job_get_for(user=request.user, job_id=job_id)
    kind = job_kind(job.kind)
    context = {
        "job": job,
        "label": kind.label if kind else job.kind,
        "hours": file_hours(),
        "running": job.status in (JobStatus.QUEUED, JobStatus.RUNNING),
        "can_download": can_download_job(request.user, job, now=timezone.now()),
        "expired": job.status == JobStatus.DONE
        and job.expires_at is not None
        and job.expires_at <= timezone.now(),
    }
    partial = getattr(request, "htmx", False)
    return render(request, "core/_job_status.html" if partial else "core/job_detail.html", context)


@login_required
def job_download(request: HttpRequest, job_id: int) -> HttpResponseBase:
    job = job_get_for(user=request.user, job_id=job_id)
    if not can_download_job(request.user, job, now=timezone.now()):
        raise Http404
    return download_response(job.file, filename=job.filename, content_type=job.content_type)
