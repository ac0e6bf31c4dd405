"""Large petition exports run as background jobs (issue #16 item 4): the file is a real XLSX made
by the task, reports its progress, waits for its owner only, and is removed when its time ends."""

import datetime
import io
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from doithoai.core.jobs import job_execute, jobs_expired_delete
from doithoai.core.models import BackgroundJob, JobStatus
from doithoai.petitions import exports
from doithoai.petitions.export_jobs import EXPORT_JOB
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.selectors import petition_export_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_threshold(settings: Any, tmp_path: Any) -> Any:
    settings.DOITHOAI_EXPORT_BACKGROUND_ROWS = 5
    settings.MEDIA_ROOT = tmp_path
    return settings


def _export(client: Any, capture: Any, query: str = "") -> Any:
    """The list's export link, then (above the threshold) the offer page's POST button."""
    offer = client.get(reverse("petition-export") + query)
    if offer.status_code != 200 or offer["Content-Type"].startswith("application/vnd.openxml"):
        return offer
    assert offer.status_code == 200
    assert not BackgroundJob.objects.exists()  # a GET never starts a job
    html = offer.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    with capture(execute=True):
        return client.post(reverse("petition-export") + query)


def test_large_export_is_a_job_with_a_real_workbook(
    client: Any, demo_user: Any, small_threshold: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = demo_user("vanphong")
    client.force_login(user)
    expected = list(
        petition_export_rows(user=user, filters=PetitionFilters(), limit=exports.MAX_EXPORT_ROWS)
    )
    assert len(expected) > 5

    response = _export(client, django_capture_on_commit_callbacks)

    job = BackgroundJob.objects.get(owner=user, kind=EXPORT_JOB)
    assert response.status_code == 302
    assert response["Location"] == reverse("job-detail", args=[job.pk])
    assert job.status == JobStatus.DONE
    assert (job.progress, job.done, job.total) == (100, len(expected), len(expected))
    assert job.expires_at is not None
    assert abs(job.expires_at - timezone.now() - datetime.timedelta(hours=24)).total_seconds() < 60

    page = client.get(reverse("job-detail", args=[job.pk]))
    assert page.status_code == 200
    assert reverse("job-download", args=[job.pk]) in page.content.decode()

    download = client.get(reverse("job-download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="kien-nghi.xlsx"')
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "no-store" in download["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mã tra cứu"
    assert [r[0] for r in rows[1:]] == [p.code for p in expected]


def test_small_export_stays_immediate(
    client: Any, demo_user: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.DOITHOAI_EXPORT_BACKGROUND_ROWS = 100_000
    client.force_login(demo_user("vanphong"))
    response = _export(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert not BackgroundJob.objects.exists()


def test_filters_reach_the_job(
    client: Any, demo_user: Any, small_threshold: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = demo_user("vanphong")
    client.force_login(user)
    days = sorted(
        p.received_on
        for p in petition_export_rows(user=user, filters=PetitionFilters(), limit=100_000)
    )
    middle = days[len(days) // 2]
    count = sum(1 for day in days if day <= middle)
    assert 5 < count < len(days)
    _export(client, django_capture_on_commit_callbacks, f"?date_to={middle.isoformat()}")
    job = BackgroundJob.objects.get(owner=user)
    assert job.params["filters"]["date_to"] == middle.isoformat()
    assert job.total == count
    assert job.status == JobStatus.DONE


def test_progress_is_reported_while_running(
    demo_user: Any, small_threshold: Any, monkeypatch: Any
) -> None:
    user = demo_user("vanphong")
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 5)
    job = BackgroundJob.objects.create(
        owner=user, kind=EXPORT_JOB, params={"filters": PetitionFilters().model_dump(mode="json")}
    )
    seen: list[tuple[int, int, int]] = []
    original = BackgroundJob.objects.filter

    def spy(*args: Any, **kwargs: Any) -> Any:
        stored = original(pk=job.pk).values_list("progress", "done", "total").first()
        if stored is not None and stored[2]:
            seen.append(stored)
        return original(*args, **kwargs)

    monkeypatch.setattr(BackgroundJob.objects, "filter", spy)
    job_execute(job_id=job.pk)
    monkeypatch.undo()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    partial = [s for s in seen if 0 < s[0] < 100]
    assert partial, seen  # progress between 0 and 100 % was written while the job ran
    assert all(s[2] == job.total for s in partial)


def test_running_job_page_polls_and_shows_progress(client: Any, demo_user: Any) -> None:
    user = demo_user("vanphong")
    job = BackgroundJob.objects.create(
        owner=user, kind=EXPORT_JOB, status=JobStatus.RUNNING, progress=42, done=420, total=1000
    )
    client.force_login(user)
    fragment = client.get(reverse("job-detail", args=[job.pk]), headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert fragment.status_code == 200
    assert 'hx-trigger="every 2s"' in html
    assert "42%" in html and "420/1000" in html
    assert "<html" not in html  # the fragment only
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404


@pytest.mark.parametrize("other", ["phuong", "quantri", "baochi"])
def test_only_the_owner_sees_or_downloads(
    client: Any,
    demo_user: Any,
    small_threshold: Any,
    django_capture_on_commit_callbacks: Any,
    other: str,
) -> None:
    client.force_login(demo_user("vanphong"))
    _export(client, django_capture_on_commit_callbacks)
    job = BackgroundJob.objects.get()
    client.force_login(demo_user(other))
    assert client.get(reverse("job-detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404
    assert client.get(reverse("job-detail", args=[job.pk + 1000])).status_code == 404
    client.logout()
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 302  # to login
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and default_storage.exists(str(job.file.name))


def test_a_role_without_export_starts_no_job(
    client: Any, demo_user: Any, small_threshold: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(demo_user("baochi"))
    assert _export(client, django_capture_on_commit_callbacks).status_code == 403
    assert client.post(reverse("petition-export")).status_code == 403
    assert not BackgroundJob.objects.exists()


def test_expired_file_is_refused_then_removed(
    client: Any, demo_user: Any, small_threshold: Any, django_capture_on_commit_callbacks: Any
) -> None:
    user = demo_user("vanphong")
    client.force_login(user)
    _export(client, django_capture_on_commit_callbacks)
    job = BackgroundJob.objects.get()
    name = str(job.file.name)
    assert default_storage.exists(name)
    assert jobs_expired_delete() == 0  # still waiting for its owner

    BackgroundJob.objects.filter(pk=job.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404
    page = client.get(reverse("job-detail", args=[job.pk])).content.decode()
    assert "hết thời hạn" in page
    assert reverse("job-download", args=[job.pk]) not in page

    assert jobs_expired_delete() == 1
    assert not default_storage.exists(name)
    assert not BackgroundJob.objects.filter(pk=job.pk).exists()
    assert client.get(reverse("job-detail", args=[job.pk])).status_code == 404


def test_starting_an_export_job_needs_a_post_and_records_an_event(
    demo_user: Any, small_threshold: Any
) -> None:
    from django.test import Client

    from doithoai.core.jobs import JobEvents
    from doithoai.core.models import Event

    user = demo_user("vanphong")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    offer = client.get(reverse("petition-export"))
    assert offer.status_code == 200 and not BackgroundJob.objects.exists()
    assert client.post(reverse("petition-export")).status_code == 403  # no CSRF token
    assert not BackgroundJob.objects.exists()
    token = offer.cookies["csrftoken"].value
    started = client.post(reverse("petition-export"), {"csrfmiddlewaretoken": token})
    job = BackgroundJob.objects.get(owner=user, kind=EXPORT_JOB)
    assert started.status_code == 302
    event = Event.objects.get(action=JobEvents.JOB_STARTED, object_id=str(job.pk))
    assert event.actor == user and event.after == {"kind": EXPORT_JOB}
