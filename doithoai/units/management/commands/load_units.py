from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doithoai.units import sources
from doithoai.units.services import units_load


class Command(BaseCommand):
    help = "Load or refresh Vietnam's administrative units (pre-2025 and current) idempotently."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--legacy-province",
            type=int,
            action="append",
            default=None,
            help="only this pre-2025 province code (repeatable), e.g. 6 for Bắc Kạn",
        )
        parser.add_argument(
            "--province",
            type=int,
            action="append",
            default=None,
            help="only this current province code (repeatable), e.g. 19 for Thái Nguyên",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        legacy = sources.legacy_rows(options["legacy_province"])
        current = sources.current_rows(options["province"])
        ward_codes = [r.code for r in legacy if len(r.code) in (2, 5)]
        result = units_load(
            rows=legacy + current,
            successions=sources.successions(ward_codes),
            source=sources.SOURCE,
        )
        self.stdout.write(
            f"units: {result.created} created, {result.updated} updated, "
            f"{result.successions} successions linked"
        )
