"""Where uploaded files live and how they leave: random names, the extension of what the content
is, and only through permission-checked download views.

`PrivateFileStorage` is the default storage (STORAGES in config/settings): whatever name a sender
gave a file, it is stored as `<folder>/<32 random hex digits><extension of the sniffed type>`
(`.bin` when the content is none of the accepted types). The sender's name is kept only in the
model's own field (`original_name`, `evidence_name`) for display. Nothing serves MEDIA_ROOT: a file
is read by a view that checked the reader's rights and answers with `download_response`.
"""

import posixpath
import secrets
from typing import Any

from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse

# What the upload checks accept, by content; the first extension is the one files are stored with.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/webp": (".webp",),
}
UNKNOWN_EXTENSION = ".bin"
# Files the application made itself (a background export, core/jobs.py): never accepted as
# uploads, but downloaded under their own type and extension.
GENERATED_TYPES: dict[str, str] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


def sniff_content_type(data: bytes) -> str | None:
    """The type the first bytes of a file show, among EXTENSIONS; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def extension_for(content_type: str | None) -> str:
    return EXTENSIONS[content_type][0] if content_type in EXTENSIONS else UNKNOWN_EXTENSION


def display_name(name: str, content_type: str) -> str:
    """The sender's file name with the extension of its real type (`evil.html` holding a PDF
    becomes `evil.pdf`): the name shown and offered on download, never the stored one."""
    stem, dot, ext = (name or "").rpartition(".")
    if not dot or not stem:
        stem, ext = name or "tep", ""
    if f".{ext.lower()}" in EXTENSIONS.get(content_type, ()):
        return name
    if content_type in GENERATED_TYPES:
        return f"{stem}{GENERATED_TYPES[content_type]}"
    return f"{stem}{extension_for(content_type)}"


def _head(content: Any) -> bytes:
    if hasattr(content, "seek"):
        content.seek(0)
    head = content.read(16)
    if hasattr(content, "seek"):
        content.seek(0)
    return head.encode() if isinstance(head, str) else bytes(head)


class PrivateFileStorage(FileSystemStorage):
    """The file system storage of uploads, under random names with the sniffed type's extension."""

    def get_valid_name(self, name: str) -> str:
        # Called by generate_filename for every FileField: the sender's name is dropped here.
        return f"{secrets.token_hex(16)}{UNKNOWN_EXTENSION}"

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        if name is None:
            name = content.name
        folder = posixpath.dirname(str(name).replace("\\", "/"))
        extension = extension_for(sniff_content_type(_head(content)))
        return super().save(
            posixpath.join(folder, f"{secrets.token_hex(16)}{extension}"),
            content,
            max_length=max_length,
        )


def generated_download(data: bytes, *, filename: str, content_type: str) -> HttpResponse:
    """A file made for this request (a document, a letter) for a reader the caller has checked:
    the same download headers as a stored file's."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def download_response(file: FieldFile, *, filename: str, content_type: str | None) -> FileResponse:
    """A stored file for a reader the caller has checked: always a download (Content-Disposition
    attachment), never sniffed by the browser, never cached. Without a recorded content type the
    content's own is used. 404 when the file is gone."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    if content_type is None:
        content_type = sniff_content_type(_head(handle)) or ""
    name = display_name(filename or posixpath.basename(file.name or ""), content_type)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type=content_type
        if content_type in EXTENSIONS or content_type in GENERATED_TYPES
        else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
