from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.core.document_kinds import BUILDERS, FORMATS, DocumentUnavailable, document_render
from doithoai.dialogues.models import Round


class Command(BaseCommand):
    help = (
        "Write one official document of a round (plan, invitation, minutes, conclusion, results)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", help=", ".join(BUILDERS))
        parser.add_argument("--round", dest="round_id", type=int, required=True)
        parser.add_argument("--format", dest="fmt", default="docx", help=" or ".join(FORMATS))
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        round_ = (
            Round.objects.select_related("unit", "organisation")
            .filter(pk=options["round_id"])
            .first()
        )
        if round_ is None:
            raise CommandError(f"No round with id {options['round_id']} (see `doithoai rounds`).")
        try:
            data = document_render(round_, options["kind"], options["fmt"])
        except DocumentUnavailable as error:
            raise CommandError(str(error)) from error
        output: Path = options["output"]
        output.write_bytes(data)
        self.stdout.write(f"{output} ({len(data)} bytes)")
