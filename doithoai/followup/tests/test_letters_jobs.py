"""A ward's answer letters above DOITHOAI_DOCUMENT_BACKGROUND_ITEMS are printed as a background
job (issue #16 item 4): the GET only offers it (no write), the POST starts it (event recorded),
the file is a real PDF of every letter, progress is per letter, the file is its owner's only,
and a role that may not print the letters cannot start it."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from doithoai.core.events import event_describe
from doithoai.core.jobs import JobEvents
from doithoai.core.models import BackgroundJob, Event, JobStatus
from doithoai.followup.document_jobs import LETTERS_JOB
from doithoai.followup.documents_letters import letter_number
from doithoai.followup.services.letters import letters_issue
from doithoai.followup.tests.test_answer_letters import DENIED, DUC_XUAN, answered  # noqa: F401
from doithoai.petitions.tests.factories import ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_pdf(settings, tmp_path):
    settings.DOITHOAI_DOCUMENT_BACKGROUND_ITEMS = 2
    settings.MEDIA_ROOT = tmp_path
    return settings


def test_many_letters_are_offered_then_made_as_a_job_with_a_real_pdf(
    answered,  # noqa: F811
    users,
    client,
    two_per_pdf,
    django_capture_on_commit_callbacks,
):
    letters = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    assert len(letters) == 3
    url = reverse("followup-letters-print", args=[ward(DUC_XUAN).pk])
    client.force_login(users["phuong"])

    offer = client.get(url)  # a GET writes nothing: it offers the job
    assert offer.status_code == 200
    html = offer.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html and "3 mục" in html
    assert not BackgroundJob.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(url)
    job = BackgroundJob.objects.get(kind=LETTERS_JOB)
    assert started.status_code == 302
    assert started["Location"] == reverse("job-detail", args=[job.pk])
    assert job.owner == users["phuong"] and job.status == JobStatus.DONE
    assert (job.progress, job.done, job.total) == (100, 3, 3)  # progress per letter
    event = Event.objects.get(action=JobEvents.JOB_STARTED, object_id=str(job.pk))
    assert event.actor == users["phuong"] and event.after == {"kind": LETTERS_JOB}
    assert "thư trả lời" in event_describe(event)

    download = client.get(reverse("job-download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "no-store" in download["Cache-Control"]
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3 and text.count("Kính gửi: Ông (Bà)") == 3
    for letter in letters:
        assert f"Số: {letter_number(letter)}" in text

    # Only its owner downloads it, even the secretariat of the same area gets 404.
    client.force_login(users["vanphong"])
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404
    assert client.get(reverse("job-detail", args=[job.pk])).status_code == 404


def test_a_few_letters_stay_immediate(answered, users, client, settings):  # noqa: F811
    settings.DOITHOAI_DOCUMENT_BACKGROUND_ITEMS = 20
    letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    client.force_login(users["phuong"])
    response = client.get(reverse("followup-letters-print", args=[ward(DUC_XUAN).pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert not BackgroundJob.objects.exists()


@pytest.mark.parametrize("role", DENIED)
def test_a_role_that_may_not_print_letters_cannot_start_the_job(
    answered,  # noqa: F811
    users,
    client,
    two_per_pdf,
    role,
):
    letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    client.force_login(users[role])
    url = reverse("followup-letters-print", args=[ward(DUC_XUAN).pk])
    assert client.post(url).status_code in (403, 404)
    assert client.get(url).status_code in (403, 404)
    assert not BackgroundJob.objects.exists()
    assert not Event.objects.filter(action=JobEvents.JOB_STARTED).exists()
