"""The outbox: real SMTP delivery, retries of a failing gateway, rollback, consent rules."""

import datetime
import email
import json
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.db import transaction
from django.utils import timezone

from doithoai.notify import services
from doithoai.notify.gateways import GatewayError
from doithoai.notify.models import DeliveryAttempt, Message
from doithoai.petitions.tests.factories import PetitionFactory


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 5},
        }
    }
    yield inbox
    controller.stop()


def test_email_is_delivered_to_a_real_smtp_server(db, smtp, django_capture_on_commit_callbacks):
    petition = PetitionFactory(email="nguoidan@example.vn")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.message_to_petitioner(actor=None, petition=petition, key="petition_received")
    assert len(smtp.messages) == 1
    rcpt, raw = smtp.messages[0]
    assert rcpt == ["nguoidan@example.vn"]
    parsed = email.message_from_bytes(raw)
    body = parsed.get_payload(decode=True).decode(parsed.get_content_charset() or "utf-8")
    assert petition.code in body and "Mã tra cứu" in body
    message = Message.objects.get(petition=petition)
    assert message.state == "sent" and message.attempts == 1 and message.sent_at
    assert DeliveryAttempt.objects.filter(message=message, ok=True).count() == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(
    db, smtp, django_capture_on_commit_callbacks
):
    petition = PetitionFactory(email="rollback@example.vn")
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.message_to_petitioner(actor=None, petition=petition, key="petition_received")
        raise RuntimeError("the service failed after queueing")
    assert smtp.messages == [] and not Message.objects.filter(petition=petition).exists()


class FlakyGateway:
    calls: list[str] = []
    failures = 2

    def __init__(self, **options):
        pass

    def send(self, *, to, text):
        FlakyGateway.calls.append(to)
        if len(FlakyGateway.calls) <= FlakyGateway.failures:
            raise GatewayError("gateway timeout")
        return "provider-42"


def test_a_failing_gateway_is_retried_and_its_failure_recorded(
    db, settings, django_capture_on_commit_callbacks
):
    settings.DOITHOAI_SMS = {"BACKEND": "doithoai.notify.tests.test_outbox.FlakyGateway"}
    FlakyGateway.calls = []
    petition = PetitionFactory(email="", phone="0912000111")
    services.consent_record(actor=None, petition=petition, email=False, sms=True)
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        [message] = services.message_to_petitioner(
            actor=None, petition=petition, key="petition_answered"
        )
    message.refresh_from_db()
    assert message.channel == "sms" and message.state == "pending" and message.attempts == 1
    assert "gateway timeout" in message.last_error and message.next_attempt_at > start
    assert services.outbox_retry_due() == 0  # not yet due
    with time_machine.travel(start + datetime.timedelta(minutes=2)):
        assert services.outbox_retry_due() == 1
    message.refresh_from_db()
    assert message.state == "pending" and message.attempts == 2
    with time_machine.travel(start + datetime.timedelta(minutes=10)):
        assert services.outbox_retry_due() == 1
    message.refresh_from_db()
    assert (
        message.state == "sent" and message.provider_id == "provider-42" and message.attempts == 3
    )
    assert list(message.delivery_attempts.order_by("id").values_list("ok", flat=True)) == [
        False,
        False,
        True,
    ]


def test_after_the_last_attempt_the_message_is_kept_as_failed(db, settings):
    settings.DOITHOAI_SMS = {"BACKEND": "doithoai.notify.tests.test_outbox.FlakyGateway"}
    FlakyGateway.calls, FlakyGateway.failures = [], 99
    petition = PetitionFactory(email="", phone="0912000222")
    message = Message.objects.create(
        channel="sms", template_key="x", to=petition.phone, body="b", attempts=4
    )
    services.message_deliver(message_id=message.pk)
    message.refresh_from_db()
    FlakyGateway.failures = 2
    assert message.state == "failed" and message.attempts == 5 and message.next_attempt_at is None
    assert Message.objects.filter(pk=message.pk).exists()


def test_confidential_or_denunciation_needs_consent(db, django_capture_on_commit_callbacks):
    from django.core import mail

    mail.outbox = []
    secret = PetitionFactory(confidential=True, email="kin@example.vn")
    denounce = PetitionFactory(legal_kind="to_cao", email="tocao@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        for p in (secret, denounce):
            [m] = services.message_to_petitioner(actor=None, petition=p, key="petition_answered")
            assert m.state == "suppressed" and m.to == "" and m.body == ""
    assert mail.outbox == []
    services.consent_record(actor=None, petition=secret, email=True, sms=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_to_petitioner(actor=None, petition=secret, key="petition_answered")
    assert [m.to for m in mail.outbox] == [["kin@example.vn"]]


def test_sms_is_opt_in_and_the_file_gateway_writes_it(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DOITHOAI_SMS = {
        "BACKEND": "doithoai.notify.gateways.FileGateway",
        "OPTIONS": {"directory": tmp_path},
    }
    petition = PetitionFactory(email="", phone="0912000333")
    assert (
        services.message_to_petitioner(actor=None, petition=petition, key="petition_received") == []
    )
    services.consent_record(actor=None, petition=petition, email=False, sms=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.message_to_petitioner(actor=None, petition=petition, key="petition_received")
    line = json.loads((tmp_path / "outbox.jsonl").read_text().splitlines()[0])
    assert line["to"] == "0912000333" and petition.code in line["text"]


def test_an_administrator_edits_a_template(db, django_capture_on_commit_callbacks):
    from django.core import mail

    from doithoai.notify.models import MessageTemplate

    MessageTemplate.objects.filter(key="petition_received").update(
        subject="Biên nhận {code} (đã sửa)"
    )
    mail.outbox = []
    petition = PetitionFactory(email="mau@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        services.message_to_petitioner(actor=None, petition=petition, key="petition_received")
    assert mail.outbox[0].subject == f"Biên nhận {petition.code} (đã sửa)"


def test_http_gateway_refuses_other_schemes():
    from doithoai.notify.gateways import HttpGateway

    with pytest.raises(ValueError):
        HttpGateway(url="file:///etc/passwd")
