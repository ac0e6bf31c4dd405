"""Background work of petitions. The receipt now goes through the outbox (`doithoai.notify`)."""

from django.db import transaction
from django.tasks import task

from doithoai.petitions import hooks
from doithoai.petitions.models import Petition


@task()
def send_receipt(petition_id: int) -> None:
    """Kept for receipts queued before the outbox existed: queue the receipt into the outbox."""
    with transaction.atomic():
        petition = Petition.objects.filter(pk=petition_id).first()
        if petition is not None and petition.email:
            hooks.received(
                petition=petition, actor=None, notify_email=False, notify_sms=False, context={}
            )
