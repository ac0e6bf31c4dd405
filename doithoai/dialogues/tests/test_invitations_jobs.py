"""All invitations in one PDF above DOITHOAI_DOCUMENT_BACKGROUND_ITEMS are made as a background
job (issue #16 item 4): the GET only offers it, the POST starts it (event recorded), the file is
a real PDF with one page per invitee, progress per invitation, the owner's only; a role that may
not print the invitations cannot start it."""

import pytest
from django.urls import reverse

from doithoai.core.jobs import JobEvents
from doithoai.core.models import BackgroundJob, Event, JobStatus
from doithoai.core.rendering.tests.readback import normalise, pdf_reader
from doithoai.dialogues.document_jobs import INVITATIONS_JOB

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned_round(round_, settings, tmp_path):
    from doithoai.demo.dialogues import demo_dialogues

    settings.DOITHOAI_DOCUMENT_BACKGROUND_ITEMS = 1
    settings.MEDIA_ROOT = tmp_path
    demo_dialogues(None)
    round_.refresh_from_db()
    return round_


def test_all_invitations_are_offered_then_made_as_a_job(
    client, demo_user, planned_round, django_capture_on_commit_callbacks
):
    invitees = list(planned_round.invitees.exclude(state="declined").order_by("group", "name"))
    assert len(invitees) >= 2
    url = reverse("dialogue-invitations-pdf", args=[planned_round.pk])
    user = demo_user("vanphong")
    client.force_login(user)

    offer = client.get(url)
    assert offer.status_code == 200
    assert 'method="post"' in offer.content.decode()
    assert not BackgroundJob.objects.exists()  # a GET writes nothing

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(url)
    job = BackgroundJob.objects.get(kind=INVITATIONS_JOB)
    assert started["Location"] == reverse("job-detail", args=[job.pk])
    assert job.status == JobStatus.DONE and job.owner == user
    assert (job.progress, job.done, job.total) == (100, len(invitees), len(invitees))
    event = Event.objects.get(action=JobEvents.JOB_STARTED, object_id=str(job.pk))
    assert event.actor == user and event.after == {"kind": INVITATIONS_JOB}

    download = client.get(reverse("job-download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    reader = pdf_reader(b"".join(download.streaming_content))
    assert len(reader.pages) == len(invitees)
    for page, invitee in zip(reader.pages, invitees, strict=True):
        text = normalise(page.extract_text())
        assert "GIẤY MỜI" in text and normalise(invitee.name) in text

    client.force_login(demo_user("phuong"))
    assert client.get(reverse("job-download", args=[job.pk])).status_code == 404


@pytest.mark.parametrize("username", ["baochi", "chuyenvien", "mttq"])
def test_a_role_that_may_not_print_invitations_cannot_start_the_job(
    client, demo_user, planned_round, username
):
    client.force_login(demo_user(username))
    url = reverse("dialogue-invitations-pdf", args=[planned_round.pk])
    assert client.post(url).status_code in (403, 404)
    assert client.get(url).status_code in (403, 404)
    assert not BackgroundJob.objects.exists()
    assert not Event.objects.filter(action=JobEvents.JOB_STARTED).exists()
