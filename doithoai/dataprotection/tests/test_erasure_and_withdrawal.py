"""Erasure by anonymisation keeps the case and its history and leaves no personal data in any
row of the petition; consent withdrawal stops the notices."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from doithoai.core.events import events_for
from doithoai.core.models import Event
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import Anonymisation, RequestKind
from doithoai.dataprotection.services import request_carry_out
from doithoai.dataprotection.tests.conftest import EMAIL, NAME, PHONE
from doithoai.dialogues.models import Statement
from doithoai.notify.models import Message, MessageState
from doithoai.notify.services import consent_record, message_to_petitioner
from doithoai.petitions.models import Attachment, Petition
from doithoai.petitions.services import petition_transition
from doithoai.petitions.tests.round_helpers import make_round

pytestmark = pytest.mark.django_db


def _rows_text(petition: Petition) -> str:
    """Every stored value of the petition and of the rows that point to it."""
    values = [
        json.dumps(
            list(Petition.objects.filter(pk=petition.pk).values().get().values()), default=str
        )
    ]
    for event in events_for(petition):
        values.append(json.dumps([event.before, event.after, event.reason], ensure_ascii=False))
    for model in (Message, Attachment, Statement):
        for row in model.objects.filter(petition=petition).values():
            values.append(json.dumps(list(row.values()), default=str, ensure_ascii=False))
    return " ".join(values)


def test_erasure_keeps_the_case_and_removes_every_personal_value(
    dpo, demo_user, make_request, person, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    petition = person[0]
    petition.submitter_address = "Số 7 ngõ Kín, tổ 5"
    petition.save()
    secretariat = demo_user("vanphong")
    petition_transition(actor=secretariat, petition=petition, to_state="accepted")
    consent_record(actor=secretariat, petition=petition, email=True, sms=True)
    message_to_petitioner(actor=None, petition=petition, key="petition_received")
    attachment = Attachment(
        petition=petition, original_name="anh.jpg", content_type="image/jpeg", size=3, sha256="x"
    )
    attachment.file.save("anh.jpg", ContentFile(b"abc"), save=False)
    attachment.save()
    stored = attachment.file.name
    Statement.objects.create(
        round=make_round(),
        speaker_name=NAME,
        petition=petition,
        text="Phát biểu tại hội nghị",
    )
    assert NAME in _rows_text(petition) and EMAIL in _rows_text(petition)
    events_before = list(events_for(petition).values_list("pk", flat=True))

    dsr = make_request(RequestKind.ERASURE)
    with pytest.raises(PermissionDenied):
        request_carry_out(actor=secretariat, request=dsr, action="erase", petitions=[petition])
    assert Petition.objects.get(pk=petition.pk).submitter_name == NAME

    with django_capture_on_commit_callbacks(execute=True):
        request_carry_out(actor=dpo, request=dsr, action="erase", petitions=[petition])
    petition.refresh_from_db()
    assert petition.state == "accepted" and petition.unit_id and petition.received_on
    assert petition.text.startswith("Đề nghị sửa đường tổ 5")
    text = _rows_text(petition)
    for value in (NAME, "Bí Mật", PHONE, "912345678", EMAIL, "ngõ Kín"):
        assert value not in text, value
    assert list(events_for(petition).values_list("pk", flat=True))[: len(events_before)] == (
        events_before
    )
    assert events_for(petition).last().action == DataProtectionEvents.PETITION_ANONYMISED
    assert not Attachment.objects.filter(petition=petition).exists()
    assert not attachment.file.storage.exists(stored)
    record = Anonymisation.objects.get(petition=petition)
    assert record.attachments_removed == 1 and record.request == dsr
    assert Message.objects.filter(petition=petition).exists()  # the audit stays, without address
    # The other petitions were not ticked: untouched.
    assert Petition.objects.get(pk=person[1].pk).submitter_name == NAME
    # Our own events hold no value either.
    assert NAME not in json.dumps(
        [e.after for e in Event.objects.filter(action__startswith="dsr.")]
    )


def test_erasure_through_the_page(dpo_client, make_request, person):
    dsr = make_request(RequestKind.ERASURE)
    response = dpo_client.post(
        f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/thuc-hien/",
        {"action": "erase", "petition": [p.pk for p in person]},
    )
    assert response.status_code == 302
    assert Anonymisation.objects.filter(petition__in=person).count() == 3
    page = dpo_client.get(f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/").content.decode()
    assert "Đã xóa (ẩn danh hóa)" in page
    # A second erasure of the same petitions is refused, all or nothing.
    again = make_request(RequestKind.ERASURE, requester_email="", requester_phone="")
    dpo_client.post(
        f"/staff/du-lieu-ca-nhan/yeu-cau/{again.pk}/thuc-hien/",
        {"action": "erase", "petition": [person[0].pk]},
    )
    assert Anonymisation.objects.filter(request=again).count() == 0


def test_consent_withdrawal_stops_notifications(dpo, demo_user, make_request, person):
    petition = person[0]
    consent_record(actor=demo_user("vanphong"), petition=petition, email=True, sms=True)
    sent = message_to_petitioner(actor=None, petition=petition, key="petition_received")
    assert {m.state for m in sent} == {MessageState.PENDING}
    dsr = make_request(RequestKind.WITHDRAWAL)
    request_carry_out(actor=dpo, request=dsr, action="stop", petitions=[petition])
    for message in sent:
        message.refresh_from_db()
        assert message.state == MessageState.SUPPRESSED and message.to == ""
    later = message_to_petitioner(actor=None, petition=petition, key="petition_received")
    assert later and all(m.state == MessageState.SUPPRESSED and m.to == "" for m in later)
    # Another petition of the same person was not ticked: still notified.
    other = message_to_petitioner(actor=None, petition=person[1], key="petition_received")
    assert all(m.state == MessageState.PENDING for m in other)
    assert (
        events_for(petition).filter(action=DataProtectionEvents.PETITION_CONSENT_WITHDRAWN).count()
        == 1
    )


def test_withdrawal_refused_for_an_access_request(dpo, make_request, person):
    dsr = make_request(RequestKind.ACCESS)
    with pytest.raises(ValidationError):
        request_carry_out(actor=dpo, request=dsr, action="stop", petitions=[person[0]])
    later = message_to_petitioner(actor=None, petition=person[0], key="petition_received")
    assert all(m.state == MessageState.PENDING for m in later)
