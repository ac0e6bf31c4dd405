from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doithoai.followup.tasks import followup_tick_task, run_digest, run_reminders
from doithoai.notify.services import outbox_retry_due


class Command(BaseCommand):
    help = "Queue reminders, escalations, the daily digest and outbox retries (run from cron)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="run here instead of queueing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            result = run_reminders()
            result["digests"] = run_digest()
            result["retried"] = outbox_retry_due()
            self.stdout.write(str(result))
        else:
            followup_tick_task.enqueue()
            self.stdout.write("queued")
