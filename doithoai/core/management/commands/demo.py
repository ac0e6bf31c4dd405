from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from doithoai.demo.people import DEMO_PASSWORD, demo_logins, demo_organisations
from doithoai.petitions.models import Topic
from doithoai.petitions.topics import topics_ensure


class Command(BaseCommand):
    help = "Load the demo (Bắc Kạn city, 2016) idempotently and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--skip-units", action="store_true", help="units are already loaded")
        parser.add_argument(
            "--bac-kan-only",
            action="store_true",
            help="load only Bắc Kạn (2016) and Thái Nguyên (today), for quick tests",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["skip_units"]:
            extra = (
                ["--legacy-province", "6", "--province", "19"] if options["bac_kan_only"] else []
            )
            call_command("load_units", *extra, stdout=self.stdout)
        with transaction.atomic():
            topics_ensure(Topic)
            demo_organisations()
            logins = demo_logins()
            from doithoai.demo import steps

            for step in steps.STEPS:
                step(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo ready. Logins (password: {DEMO_PASSWORD}):"))
        for login in logins:
            self.stdout.write(f"  {login.username:<12} {login.role:<14} {login.full_name}")
