from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.synthesis.engine.batch import run


class Command(BaseCommand):
    help = (
        "Classify, group and route petitions from a JSONL, CSV or XLSX file (id, text, optional "
        "unit, place, channel) with the shipped model; writes one JSON object per line. "
        "Needs no database content."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path)
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["input"]
        if not source.is_file():
            raise CommandError(f"Không tìm thấy tệp / file not found: {source}")
        try:
            count = run(source, options["output"], progress=self.stderr.isatty())
        except (ValueError, KeyError) as error:
            raise CommandError(f"Tệp đầu vào không hợp lệ / invalid input: {error}") from error
        self.stdout.write(f"{count} petitions → {options['output']}")
