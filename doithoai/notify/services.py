"""Queue messages into the outbox (inside the caller's transaction) and deliver them after commit.

The Message row is itself the audit of what was sent to whom (no separate event per message, so
intake keeps one event per petition). Rules: a confidential petition or a denunciation is
notified only with the person's recorded consent (Law on Denunciation 2018 Art. 9; Law
91/2025/QH15); SMS always needs consent. A withheld email is kept as `suppressed`, without the
address, so the audit shows it was not sent.
"""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.policies import is_administrator
from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.notify import tasks
from doithoai.notify.defaults import TEMPLATES
from doithoai.notify.events import NotifyEvents
from doithoai.notify.gateways import get_gateway
from doithoai.notify.hooks import petitioner_opted_out
from doithoai.notify.models import (
    DeliveryAttempt,
    Message,
    MessageChannel,
    MessageState,
    MessageTemplate,
    NotificationConsent,
)
from doithoai.petitions.models import Petition
from doithoai.petitions.policies import can_see_personal_data

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 30, 120, 720)


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def render(key: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject, email body and SMS text of template `key` filled with `context`."""
    row = MessageTemplate.objects.filter(key=key).first()
    base = TEMPLATES[key]
    subject = row.subject if row else base["subject"]
    body = row.body if row else base["body"]
    sms = row.sms if row else base["sms"]
    values = _Blank(context)
    return subject.format_map(values), body.format_map(values), sms.format_map(values)


def petition_link(petition: Petition) -> str:
    # The code is in the message itself, never in the link: URLs end up in logs.
    return f"{settings.DOITHOAI_PUBLIC_URL}/tra-cuu/"


def _schedule(message: Message) -> None:
    transaction.on_commit(lambda: tasks.deliver_message.enqueue(message.pk))


def message_to_petitioner(
    *, actor: Actor, petition: Petition, key: str, context: dict[str, Any] | None = None
) -> list[Message]:
    """Queue `key` to a petitioner by email and (with consent) SMS; sent after commit."""
    ctx = {
        "code": petition.code,
        "date": petition.received_on.strftime("%d/%m/%Y"),
        "link": petition_link(petition),
        "reopen_link": f"{settings.DOITHOAI_PUBLIC_URL}/tra-cuu/phan-hoi/",
        **(context or {}),
    }
    consent = NotificationConsent.objects.filter(petition=petition).first()
    secret = petition.confidential or petition.is_denunciation
    subject, body, sms = render(key, ctx)
    messages = []
    wanted = []
    if petition.email:
        wanted.append((MessageChannel.EMAIL, petition.email, consent is not None and consent.email))
    if petition.phone and sms and consent is not None and consent.sms:
        wanted.append((MessageChannel.SMS, petition.phone, True))  # SMS is opt-in only
    # Consent withdrawn (data protection's check): nothing is sent, whatever was given before.
    opted_out = bool(wanted) and petitioner_opted_out(petition=petition)
    for channel, address, consented in wanted:
        allowed = not opted_out and (consented or (channel == MessageChannel.EMAIL and not secret))
        message = Message.objects.create(
            channel=channel,
            template_key=key,
            to=address if allowed else "",
            subject=subject if allowed else "",
            body=(body if channel == MessageChannel.EMAIL else sms) if allowed else "",
            petition=petition,
            state=MessageState.PENDING if allowed else MessageState.SUPPRESSED,
            last_error="" if allowed else ("consent withdrawn" if opted_out else "no consent"),
        )
        if allowed:
            _schedule(message)
        messages.append(message)
    return messages


def petition_messages_forget_recipient(*, petition: Petition) -> int:
    """Remove the petitioner's address from the messages about `petition` (the audit keeps what
    was sent and when, not to whom): called inside the caller's transaction when the petition's
    personal data is erased. Returns how many messages changed."""
    return Message.objects.filter(petition=petition).exclude(to="").update(to="")


def petition_messages_withhold(*, petition: Petition) -> int:
    """The petitioner withdrew consent: messages about `petition` still waiting are not sent
    (kept as suppressed, without the address). Called inside the caller's transaction."""
    return Message.objects.filter(petition=petition, state=MessageState.PENDING).update(
        state=MessageState.SUPPRESSED, to="", last_error="consent withdrawn"
    )


def message_to_staff(
    *, actor: Actor, users: Any, key: str, context: dict[str, Any], about: str = ""
) -> list[Message]:
    """Queue `key` by email to each staff user with an address; sent after commit."""
    subject, body, _sms = render(key, context)
    messages = []
    for user in users:
        if not user.email or not user.is_active:
            continue
        message = Message.objects.create(
            channel=MessageChannel.EMAIL,
            template_key=key,
            to=user.email,
            subject=subject,
            body=body,
            user=user,
            about=about,
        )
        _schedule(message)
        messages.append(message)
    return messages


@transaction.atomic
def consent_record(*, actor: Actor, petition: Petition, email: bool, sms: bool) -> None:
    """Record (or withdraw) a petitioner's consent to notifications; staff of its area only."""
    if actor is not None and not can_see_personal_data(actor, petition):
        raise PermissionDenied(_("Bạn không có quyền ghi nhận sự đồng ý của người gửi."))
    consent, _created = NotificationConsent.objects.get_or_create(petition=petition)
    consent.email, consent.sms = email, sms
    consent.source = "staff" if actor is not None else "public"
    consent.save(update_fields=["email", "sms", "source", "given_at"])
    event_record(
        actor=actor,
        obj=petition,
        action=NotifyEvents.NOTIFY_CONSENT,
        after={"email": email, "sms": sms},
    )


def _send(message: Message) -> str:
    if message.channel == MessageChannel.EMAIL:
        EmailMessage(
            message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.to]
        ).send()
        return ""
    return get_gateway().send(to=message.to, text=message.body)


def message_deliver(*, message_id: int) -> Message | None:
    """Try one pending message now; record the attempt; on failure schedule a retry with backoff.

    Called by the worker (never inside a request). After MAX_ATTEMPTS the message is `failed` and
    kept for an administrator to see; nothing is deleted.
    """
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state != MessageState.PENDING:
            return message
        try:
            provider_id = _send(message)
        except Exception as error:
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:1000]
            if message.attempts >= MAX_ATTEMPTS:
                message.state = MessageState.FAILED
                message.next_attempt_at = None
            else:
                wait = BACKOFF_MINUTES[min(message.attempts - 1, len(BACKOFF_MINUTES) - 1)]
                message.next_attempt_at = timezone.now() + datetime.timedelta(minutes=wait)
            DeliveryAttempt.objects.create(message=message, ok=False, error=message.last_error)
            log.warning("message %s: delivery failed (%s)", message.pk, type(error).__name__)
        else:
            message.attempts += 1
            message.state, message.sent_at = MessageState.SENT, timezone.now()
            message.provider_id, message.last_error = provider_id[:100], ""
            DeliveryAttempt.objects.create(message=message, ok=True)
        message.save(
            update_fields=[
                "attempts",
                "state",
                "sent_at",
                "provider_id",
                "last_error",
                "next_attempt_at",
            ]
        )
        return message


def outbox_retry_due(*, now: datetime.datetime | None = None) -> int:
    """Deliver every pending message whose retry time has come; returns how many were tried."""
    moment = now or timezone.now()
    due = list(
        Message.objects.filter(
            state=MessageState.PENDING, next_attempt_at__isnull=False, next_attempt_at__lte=moment
        ).values_list("pk", flat=True)
    )
    for pk in due:
        message_deliver(message_id=pk)
    return len(due)


def message_retry_now(*, actor: Actor, message: Message) -> Message:
    """An administrator puts a failed message back in the queue."""
    if not is_administrator(actor):
        raise PermissionDenied(_("Chỉ quản trị hệ thống được gửi lại thông báo."))
    with transaction.atomic():
        message.state, message.next_attempt_at = MessageState.PENDING, None
        message.save(update_fields=["state", "next_attempt_at"])
        event_record(actor=actor, obj=message, action=NotifyEvents.MESSAGE_RETRY)
        _schedule(message)
    return message
