"""`doithoai login-unlock (--username NAME | --ip ADDRESS) [--reason TEXT]`: end a login lockout
from the shell, through the same service as the page (recorded, as the set-up actor)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.accounts.services_security import login_unlock


class Command(BaseCommand):
    help = "End the login lockout of an account (from every address) or of an address."

    def add_arguments(self, parser: CommandParser) -> None:
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--username", help="the account to unlock")
        target.add_argument("--ip", help="the client address to unlock")
        parser.add_argument("--reason", default="", help="recorded with the event")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            removed = login_unlock(
                actor=None,
                username=options["username"] or "",
                ip_address=options["ip"] or "",
                reason=options["reason"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"unlocked ({removed} attempt records removed)")
