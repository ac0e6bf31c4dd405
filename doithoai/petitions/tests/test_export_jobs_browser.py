"""In a real browser: a large export opens its progress page, which follows the job (htmx) until
the download link appears; the file downloaded is the workbook."""

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import log_in
from doithoai.core.jobs import job_execute
from doithoai.core.models import BackgroundJob, JobStatus
from doithoai.petitions.export_jobs import EXPORT_JOB, filters_params
from doithoai.petitions.filters import PetitionFilters

pytestmark = pytest.mark.browser


def test_the_progress_page_follows_the_job_to_its_download(
    page: Any, settings: Any, tmp_path: Any
) -> None:
    from doithoai.accounts.models import User

    settings.MEDIA_ROOT = tmp_path
    settings.DOITHOAI_EXPORT_BACKGROUND_ROWS = 5
    page.set_default_timeout(60000)
    page.set_default_navigation_timeout(60000)
    log_in(page, "vanphong")

    # The export link of the list: more rows than the threshold, so a job (run at once here).
    page.goto("/staff/kien-nghi/")
    page.get_by_role("link", name="Xuất Excel").click()
    page.get_by_test_id("job-offer").wait_for()  # the link only offers the job (a GET)
    assert not BackgroundJob.objects.exists()
    page.get_by_test_id("job-start").click()  # the form's button POSTs
    page.wait_for_url("**/staff/viec-nen/*/")
    assert page.get_by_test_id("job-status").inner_text() == "Đã xong"

    # A job still running: the page shows its progress and polls until it is done.
    user = User.objects.get(username="vanphong")
    job = BackgroundJob.objects.create(
        owner=user,
        kind=EXPORT_JOB,
        params=filters_params(PetitionFilters()),
        status=JobStatus.RUNNING,
        progress=30,
    )
    page.goto(f"/staff/viec-nen/{job.pk}/")
    assert page.get_by_test_id("job-progress").inner_text() == "30%"
    assert page.get_by_test_id("job-download").count() == 0
    job_execute(job_id=job.pk)
    page.get_by_test_id("job-download").wait_for()
    with page.expect_download() as download:
        page.get_by_test_id("job-download").click()
    assert download.value.suggested_filename == "kien-nghi.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert sheet is not None
    assert sheet.cell(row=1, column=1).value == "Mã tra cứu"
    job.refresh_from_db()
    assert job.total > 5 and sheet.max_row == job.total + 1
