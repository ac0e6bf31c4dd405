"""Background delivery of the outbox (`doithoai db_worker`)."""

from django.tasks import task

from doithoai.notify import services


@task()
def deliver_message(message_id: int) -> None:
    services.message_deliver(message_id=message_id)


@task()
def retry_due_messages() -> int:
    return services.outbox_retry_due()
