"""`doithoai backup` and `doithoai restore`: the demo's database and its files round-trip."""

import io
import json
import tarfile

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from conftest import load_reference_data
from doithoai.core.backup import BackupError, backup_restore, backup_write

pytestmark = pytest.mark.usefixtures("transactional_db", "django_db_serialized_rollback")


def _counts() -> dict[str, int]:
    skip = {"contenttypes", "sessions"}
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in skip and m._meta.label != "auth.Permission"
    }


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def loaded(media):
    from doithoai.petitions.models import Attachment, Petition

    load_reference_data()
    petition = Petition.objects.order_by("id").first()
    name = default_storage.save("petitions/2026/12/anh.jpg", ContentFile(b"\xff\xd8\xff photo"))
    Attachment.objects.create(
        petition=petition,
        file=name,
        original_name="anh.jpg",
        content_type="image/jpeg",
        size=13,
        sha256="0" * 64,
    )
    return petition, name


def test_the_demo_and_its_files_come_back_whole(loaded, media, tmp_path):
    from doithoai.petitions.models import Petition

    petition, name = loaded
    before = _counts()
    assert before["petitions.Petition"] > 100 and before["accounts.User"] > 5
    archive = tmp_path / "sao-luu.tar.gz"
    summary = backup_write(archive)
    assert summary.files == 1 and summary.rows == sum(before.values())

    call_command("flush", interactive=False, verbosity=0)
    (media / name).unlink()
    assert Petition.objects.count() == 0

    restored = backup_restore(archive)
    assert _counts() == before and restored.differences == {}
    again = Petition.objects.get(pk=petition.pk)
    assert (again.code, again.text) == (petition.code, petition.text)
    assert again.attachments.get().file.name == name
    assert (media / name).read_bytes() == b"\xff\xd8\xff photo"


def test_a_database_in_use_is_refused_and_left_as_it_was(loaded, tmp_path):
    archive = tmp_path / "a.tar.gz"
    backup_write(archive)
    before = _counts()
    with pytest.raises(BackupError, match="đang có dữ liệu"):
        backup_restore(archive)
    assert _counts() == before


def test_broken_or_tampered_archives_are_refused_before_anything_is_written(loaded, tmp_path):
    good = tmp_path / "good.tar.gz"
    backup_write(good)
    call_command("flush", interactive=False, verbosity=0)
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive at all")
    with pytest.raises(BackupError, match="không phải"):
        backup_restore(junk)
    with pytest.raises(BackupError, match="Không tìm thấy"):
        backup_restore(tmp_path / "missing.tar.gz")

    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(good) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.json":
                data = data.replace(b'"text": "', b'"text": "X', 1)
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="mã băm"):
        backup_restore(tampered)

    newer = tmp_path / "newer.tar.gz"
    with tarfile.open(good) as source, tarfile.open(newer, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"]["petitions"].append("9999_from_the_future")
                data = json.dumps(manifest).encode()
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="phiên bản mới hơn"):
        backup_restore(newer)
    assert _counts()["petitions.Petition"] == 0


def test_the_commands_report_in_vietnamese(loaded, tmp_path):
    archive = tmp_path / "b.tar.gz"
    out = io.StringIO()
    call_command("backup", "--output", str(archive), stdout=out)
    assert "Đã sao lưu" in out.getvalue() and archive.is_file()
    assert not (tmp_path / "b.tar.gz.partial").exists()
    with pytest.raises(CommandError, match="đang có dữ liệu"):
        call_command("restore", str(archive), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Đã khôi phục" in out.getvalue()
