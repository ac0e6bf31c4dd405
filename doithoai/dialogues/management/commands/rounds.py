from typing import Any

from django.core.management.base import BaseCommand

from doithoai.dialogues.models import Round


class Command(BaseCommand):
    help = "List the dialogue rounds: id, tab, title, tab, date (of the conference)."

    def handle(self, *args: Any, **options: Any) -> None:
        for round_ in Round.objects.order_by("id"):
            when = round_.starts_at.date().isoformat() if round_.starts_at else ""
            self.stdout.write(f"{round_.pk}\t{round_.title}\t{when}")
