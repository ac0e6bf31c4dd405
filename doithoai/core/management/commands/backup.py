"""`doithoai backup --output FILE`: the database and every uploaded file in one archive."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from doithoai.core.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write the database (portable JSON) and the uploaded files into one .tar.gz archive, "
        "with a manifest of hashes, row counts and migrations. Restore with `doithoai restore`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", required=True, type=Path, help="the archive to write")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup_write(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Đã sao lưu %(rows)d bản ghi và %(files)d tệp vào %(path)s (%(size)d byte).")
            % {
                "rows": summary.rows,
                "files": summary.files,
                "path": summary.path,
                "size": summary.size,
            }
        )
