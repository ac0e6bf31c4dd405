"""`doithoai restore FILE`: an archive of `doithoai backup` into an empty database."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from doithoai.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a `doithoai backup` archive into an empty database (migrated first) and put "
        "its files back under MEDIA_ROOT. Refuses a database that already holds data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup_restore(options["archive"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Đã khôi phục %(rows)d bản ghi và %(files)d tệp từ %(path)s.")
            % {"rows": summary.rows, "files": summary.files, "path": summary.path}
        )
        for label, (expected, found) in sorted(summary.differences.items()):
            self.stdout.write(
                _("Lưu ý: %(model)s có %(found)d bản ghi, bản sao lưu có %(expected)d.")
                % {"model": label, "found": found, "expected": expected}
            )
