from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.accounts.models import User
from doithoai.synthesis.retraining import model_activate, model_retrain


class Command(BaseCommand):
    help = "Retrain the topic model from shipped data and confirmed topics; print its quality."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", default="vanphong", help="staff account recorded as trainer")
        parser.add_argument("--activate", action="store_true", help="switch the new model on")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = User.objects.filter(username=options["user"], is_active=True).first()
        if actor is None:
            raise CommandError(f"unknown user {options['user']}")
        version = model_retrain(actor=actor)
        self.stdout.write(f"model {version.version}: {version.quality}")
        if options["activate"]:
            model_activate(actor=actor, version=version)
            self.stdout.write("activated")
