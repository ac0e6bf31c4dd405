from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from doithoai.accounts.models import User
from doithoai.petitions.choices import Channel
from doithoai.petitions.services import petitions_import
from doithoai.units.models import Unit


class Command(BaseCommand):
    help = (
        "Import petitions from an xlsx or csv file: every row checked first, then all or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--unit", required=True, help="code of the ward/commune for rows without one"
        )
        parser.add_argument("--channel", default=Channel.IMPORT, choices=Channel.values)
        parser.add_argument(
            "--user", default="vanphong", help="the staff account recorded as importer"
        )
        parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp / file not found: {path}")
        unit = Unit.objects.filter(code=options["unit"]).order_by("scheme").first()
        if unit is None:
            raise CommandError(f"Không có đơn vị mã / unknown unit code {options['unit']}")
        actor = User.objects.filter(username=options["user"], is_active=True).first()
        if actor is None:
            raise CommandError(f"Không có tài khoản / unknown user {options['user']}")
        with tqdm(total=2, desc="import", disable=not self.stdout.isatty()) as bar:
            preview = petitions_import(
                actor=actor,
                data=path.read_bytes(),
                filename=path.name,
                unit=unit,
                channel=options["channel"],
                commit=not options["dry_run"],
            )
            bar.update(2)
        if preview.file_error:
            raise CommandError(preview.file_error)
        for row in preview.rows:
            for error in row.errors:
                self.stderr.write(f"dòng {row.row_number}: {error}")
        if preview.already_imported:
            raise CommandError("Tệp này đã được nhập trước đó / this file was already imported")
        if not preview.ok:
            raise CommandError(
                f"{preview.error_count} dòng có lỗi; không dòng nào được nhập / nothing imported"
            )
        for warning in preview.warnings:
            self.stdout.write(str(warning))
        for group in preview.rounds:
            self.stdout.write(f"{group.rows} kiến nghị: {group.note}")
        if options["dry_run"]:
            self.stdout.write(f"{len(preview.rows)} dòng hợp lệ (dry run, không ghi)")
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã nhập {len(preview.rows)} kiến nghị"))
