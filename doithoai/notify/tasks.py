"""Background delivery of the outbox (`doithoai db_worker`)."""

from django.tasks import task

from doithoai.notify.services import message_deliver, outbox_retry_due


@task()
def deliver_message(message_id: int) -> None:
    message_deliver(message_id=message_id)


@task()
def retry_due_messages() -> int:
    return outbox_retry_due()
