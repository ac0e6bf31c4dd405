"""`doithoai retention [--dry-run] [--today YYYY-MM-DD] [--queue]`: apply the retention rules
(dataprotection/rules.py) and print the report. Run it daily from cron or a systemd timer."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.core.jobs import jobs_expired_delete
from doithoai.dataprotection.services.retention import retention_run
from doithoai.dataprotection.tasks import retention_task


class Command(BaseCommand):
    help = "Anonymise petitions whose retention period has ended (--dry-run: only count)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--today", help="the day to count from (YYYY-MM-DD)")
        parser.add_argument("--queue", action="store_true", help="queue for the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["queue"]:
            retention_task.enqueue()
            self.stdout.write("queued")
            return
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today: expected YYYY-MM-DD") from None
        report = retention_run(actor=None, dry_run=options["dry_run"], today=today)
        mode = "dry run" if report.dry_run else "run"
        self.stdout.write(f"retention {mode} on {report.today.isoformat()}")
        for k in report.kinds:
            verb = "would anonymise" if report.dry_run else "anonymised"
            self.stdout.write(
                f"  {k.kind}: {k.years} years, settled before {k.cutoff.isoformat()}: "
                f"{verb} {k.count}"
            )
        self.stdout.write(f"total: {report.total}")
        if not report.dry_run:
            # Files of background exports past their time (core/jobs.py, DOITHOAI_JOB_FILE_HOURS).
            self.stdout.write(f"expired export files removed: {jobs_expired_delete()}")
