"""Uploads (issue 15, item 5): the content decides the type and the extension, the storage picks
a random name, and no URL serves the stored files."""

import importlib
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import Resolver404, resolve

from doithoai.core.storage import PrivateFileStorage, display_name
from doithoai.petitions.attachments import check_upload
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward
from doithoai.petitions.tests.test_petition_submit import VALID_PUBLIC, png_bytes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
RANDOM = r"[0-9a-f]{32}"


@pytest.fixture
def public_data(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return {**VALID_PUBLIC, "unit": str(ward().pk)}


def test_a_pdf_named_evil_html_is_stored_as_pdf_under_a_random_name(client, public_data, tmp_path):
    upload = io.BytesIO(PDF)
    upload.name = "evil.html"
    response = client.post("/gui-kien-nghi/", {**public_data, "files": upload})
    assert response.status_code == 302
    attachment = Petition.objects.latest("id").attachments.get()
    assert re.fullmatch(rf"petitions/\d{{4}}/\d{{2}}/{RANDOM}\.pdf", attachment.file.name)
    assert "evil" not in attachment.file.name and ".html" not in attachment.file.name
    assert attachment.original_name == "evil.pdf" and attachment.content_type == "application/pdf"
    assert (tmp_path / attachment.file.name).read_bytes() == PDF


def test_two_files_of_the_same_name_get_different_random_names(client, public_data):
    first, second = io.BytesIO(png_bytes()), io.BytesIO(png_bytes())
    first.name = second.name = "anh.png"
    client.post("/gui-kien-nghi/", {**public_data, "files": [first, second]})
    names = [a.file.name for a in Petition.objects.latest("id").attachments.all()]
    assert len(names) == 2 and names[0] != names[1]
    assert all(re.fullmatch(rf"petitions/\d{{4}}/\d{{2}}/{RANDOM}\.png", n) for n in names)


@pytest.mark.parametrize(
    ("name", "data", "stored", "shown"),
    [
        ("evil.html", PDF, ".pdf", "evil.pdf"),
        ("anh.jpeg", png_bytes(exif=True), ".jpg", "anh.jpeg"),  # a JPEG by its content
        ("anh.png", png_bytes(exif=True), ".jpg", "anh.jpg"),
        ("so-do.png", png_bytes(), ".png", "so-do.png"),
        ("khong-duoi", PDF, ".pdf", "khong-duoi.pdf"),
        ("../../etc/passwd.pdf", PDF, ".pdf", ".._.._etc_passwd.pdf"),
    ],
)
def test_the_content_decides_the_extension(settings, tmp_path, name, data, stored, shown):
    settings.MEDIA_ROOT = tmp_path
    checked = check_upload(name, data)
    assert checked.name == shown
    saved = PrivateFileStorage().save(
        f"petitions/2026/12/{checked.name}", ContentFile(checked.data)
    )
    assert re.fullmatch(rf"petitions/2026/12/{RANDOM}\{stored}", saved)


def test_content_of_no_accepted_type_is_stored_as_bin_and_refused_by_the_checks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    saved = PrivateFileStorage().save("x/trang.html", ContentFile(b"<script>alert(1)</script>"))
    assert re.fullmatch(rf"x/{RANDOM}\.bin", saved)
    with pytest.raises(ValidationError, match="không phải ảnh"):
        check_upload("trang.pdf", b"<html><script>alert(1)</script></html>")
    assert display_name("bao-cao.PDF", "application/pdf") == "bao-cao.PDF"


def test_no_url_serves_the_media_folder_even_in_debug(client, settings, public_data):
    import config.urls

    upload = io.BytesIO(PDF)
    upload.name = "don.pdf"
    client.post("/gui-kien-nghi/", {**public_data, "files": upload})
    stored = Petition.objects.latest("id").attachments.get().file.name
    assert client.get(f"/media/{stored}").status_code == 404
    settings.DEBUG = True
    try:
        importlib.reload(config.urls)
        with pytest.raises(Resolver404):
            resolve(f"/media/{stored}", urlconf=config.urls)
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
