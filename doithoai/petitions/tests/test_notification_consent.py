"""The petitioner's opt-in on the form is recorded with the petition and governs SMS."""

import pytest

from doithoai.notify.models import Message, NotificationConsent
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward
from doithoai.petitions.tests.test_petition_submit import VALID_PUBLIC


@pytest.fixture
def form(db):
    return {**VALID_PUBLIC, "unit": str(ward().pk)}


def test_sms_opt_in_is_recorded_and_the_receipt_goes_by_sms(client, form):
    response = client.post(
        "/gui-kien-nghi/", {**form, "notify_sms": "on", "submission_token": "c1"}
    )
    assert response.status_code == 302
    petition = Petition.objects.latest("id")
    consent = NotificationConsent.objects.get(petition=petition)
    assert consent.sms and not consent.email and consent.source == "public"
    channels = set(Message.objects.filter(petition=petition).values_list("channel", flat=True))
    assert channels == {"email", "sms"}


def test_without_opt_in_no_consent_and_no_sms(client, form):
    client.post("/gui-kien-nghi/", {**form, "submission_token": "c2"})
    petition = Petition.objects.latest("id")
    assert not NotificationConsent.objects.filter(petition=petition).exists()
    assert set(Message.objects.filter(petition=petition).values_list("channel", flat=True)) == {
        "email"
    }


def test_confidential_petition_mails_only_with_consent(client, form):
    client.post("/gui-kien-nghi/", {**form, "confidential": "on", "submission_token": "c3"})
    silent = Petition.objects.latest("id")
    assert not Message.objects.filter(petition=silent, state="pending").exists()
    client.post(
        "/gui-kien-nghi/",
        {
            **form,
            "confidential": "on",
            "notify_email": "on",
            "submission_token": "c4",
            "text": form["text"] + " Gấp.",
        },
    )
    consented = Petition.objects.latest("id")
    assert Message.objects.filter(petition=consented, channel="email", state="pending").exists()
