from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from doithoai.demo import steps
from doithoai.demo.full import load_full_demo
from doithoai.demo.people import DEMO_PASSWORD, demo_logins, demo_organisations
from doithoai.petitions.models import Topic
from doithoai.petitions.topics import topics_ensure


class Command(BaseCommand):
    help = (
        "Load the demo idempotently: Bắc Kạn city's 2016 round lived to its end and its second "
        "round open for petitions now; print the demo logins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--skip-units", action="store_true", help="units are already loaded")
        parser.add_argument(
            "--bac-kan-only",
            action="store_true",
            help="load only Bắc Kạn (2016) and Thái Nguyên (today), for quick tests",
        )
        parser.add_argument(
            "--reference-only",
            action="store_true",
            help=(
                "only the tests' reference data: organisations, logins, the 2016 round with its "
                "petitions and plan, not synthesised (no follow-up, no second round)"
            ),
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
            for step in steps.REFERENCE_STEPS:
                step(self.stdout)
            if not options["reference_only"]:
                load_full_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo ready. Logins (password: {DEMO_PASSWORD}):"))
        for login in logins:
            self.stdout.write(f"  {login.username:<12} {login.role:<14} {login.full_name}")
