"""One archive holds the whole service: the database as Django's portable JSON (so a backup of
SQLite restores into PostgreSQL and back) and every uploaded file, with a manifest that lists
hashes, row counts and the schema version. `doithoai backup` and `doithoai restore` call these.

Django's own `dumpdata`/`loaddata` do the database part: natural keys for content types and
permissions (recreated by `migrate`), everything else by primary key. Sessions are not kept.
"""

import datetime
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = 1
DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
# Rebuilt by `migrate` (content types, permissions) or worth nothing after a restore (sessions).
EXCLUDED = ("contenttypes", "auth.permission", "sessions")
# Rows that mean a database is in use; a restore refuses to mix a backup into them.
IN_USE = ("accounts.User", "petitions.Petition", "dialogues.Round")


class BackupError(Exception):
    """A backup that cannot be written or restored; the message is for people."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    rows: int
    files: int
    size: int
    # After a restore: model → (rows in the backup, rows now), where they differ.
    differences: dict[str, tuple[int, int]] = field(default_factory=dict)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _row_counts() -> dict[str, int]:
    counts = {}
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.proxy or label.split(".")[0].lower() in ("contenttypes", "sessions"):
            continue
        if label == "auth.Permission":
            continue
        counts[label] = model._default_manager.count()
    return counts


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def backup_write(output: Path) -> BackupSummary:
    """Write the archive to `output` (a .tar.gz), through a temporary file so that a failed
    backup never leaves a truncated archive under the final name."""
    output = Path(output)
    if output.exists() and output.is_dir():
        raise BackupError(_("“%(path)s” là một thư mục; hãy cho tên tệp.") % {"path": output})
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / DATA_NAME
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=list(EXCLUDED),
            output=str(data),
            indent=None,
            verbosity=0,
        )
        files = _media_files(media_root)
        counts = _row_counts()
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": connection.vendor,
            "migrations": _migrations(),
            "rows": counts,
            "data_sha256": _sha256(data),
            "media": {
                str(path.relative_to(media_root)): {
                    "size": path.stat().st_size,
                    "sha256": _sha256(path),
                }
                for path in files
            },
        }
        partial = output.with_name(output.name + ".partial")
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(partial, "w:gz") as archive:
            encoded = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size = len(encoded)
            archive.addfile(info, io.BytesIO(encoded))
            archive.add(data, arcname=DATA_NAME)
            for path in files:
                archive.add(path, arcname=MEDIA_PREFIX + str(path.relative_to(media_root)))
        partial.replace(output)
    return BackupSummary(output, sum(counts.values()), len(files), output.stat().st_size)


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.extractfile(MANIFEST_NAME)
    except KeyError as error:
        raise BackupError(
            _("Tệp này không phải bản sao lưu của hệ thống (thiếu manifest).")
        ) from error
    if member is None:
        raise BackupError(_("Tệp này không phải bản sao lưu của hệ thống (thiếu manifest)."))
    try:
        manifest = json.loads(member.read())
    except ValueError as error:
        raise BackupError(_("Manifest của bản sao lưu bị hỏng.")) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("Bản sao lưu có định dạng %(found)s; phiên bản này đọc định dạng %(expected)s.")
            % {"found": manifest.get("format"), "expected": FORMAT}
        )
    return manifest


def _check_schema(manifest: dict) -> None:
    """A backup made by newer code has migrations this code does not know: refuse it."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "Bản sao lưu được tạo bởi phiên bản mới hơn (có các migration %(names)s); "
                "hãy cập nhật phần mềm trước khi khôi phục."
            )
            % {"names": ", ".join(unknown[:5])}
        )


def _check_empty() -> None:
    tables = set(connection.introspection.table_names())
    in_use = [
        label
        for label in IN_USE
        if apps.get_model(label)._meta.db_table in tables
        and apps.get_model(label)._default_manager.exists()
    ]
    if in_use:
        raise BackupError(
            _(
                "Cơ sở dữ liệu đích đang có dữ liệu (%(tables)s). Chỉ khôi phục vào một cơ sở "
                "dữ liệu trống để không trộn lẫn hai bộ dữ liệu."
            )
            % {"tables": ", ".join(in_use)}
        )


def _restore_from(archive: tarfile.TarFile, work: Path) -> dict:
    manifest = _read_manifest(archive)
    archive.extractall(work, filter="data")
    data = work / DATA_NAME
    if not data.is_file() or _sha256(data) != manifest.get("data_sha256"):
        raise BackupError(_("Dữ liệu trong bản sao lưu không khớp mã băm: tệp đã bị hỏng."))
    media_dir = work / MEDIA_PREFIX
    for name, meta in manifest.get("media", {}).items():
        path = media_dir / name
        if not path.is_file() or _sha256(path) != meta["sha256"]:
            raise BackupError(
                _("Tệp đính kèm “%(name)s” trong bản sao lưu bị thiếu hoặc hỏng.") % {"name": name}
            )
    _check_schema(manifest)
    _check_empty()
    call_command("migrate", interactive=False, verbosity=0)
    media_root = Path(settings.MEDIA_ROOT)
    for name in manifest.get("media", {}):
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(media_dir / name, target)
    call_command("loaddata", str(data), verbosity=0)  # one transaction: all rows or none
    return manifest


def backup_restore(source: Path) -> BackupSummary:
    """Restore an archive into an empty database: migrate, load the rows, put the files back.
    Everything is checked (manifest, hashes, schema, emptiness) before anything is written."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(_("Không tìm thấy tệp sao lưu “%(path)s”.") % {"path": source})
    try:
        with tarfile.open(source, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
            manifest = _restore_from(archive, Path(work))
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise BackupError(_("Không đọc được tệp sao lưu (không phải .tar.gz hợp lệ).")) from error
    cache.clear()  # per-process memos of reference data follow the shared versions in the cache
    expected = manifest.get("rows", {})
    found = _row_counts()
    differences = {
        label: (count, found.get(label, 0))
        for label, count in expected.items()
        if found.get(label, 0) != count
    }
    return BackupSummary(
        source,
        sum(expected.values()),
        len(manifest.get("media", {})),
        source.stat().st_size,
        differences,
    )
