"""Checks an uploaded file by its content, and strips images of their metadata.

The content decides the type: a file whose name says otherwise (`evil.html` holding a PDF) is
accepted as what it is and renamed to that type's extension (`evil.pdf`); the storage keeps it under
a random name (`core.storage.PrivateFileStorage`). Content of any other type is refused."""

import hashlib
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from doithoai.core.storage import display_name, sniff_content_type

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
MAX_IMAGE_PIXELS = 40_000_000


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _clean_image(data: bytes, content_type: str) -> bytes:
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)
            if upright.mode not in ("RGB", "RGBA", "L"):
                upright = upright.convert("RGBA")
            # Rebuilt from raw pixels: EXIF (GPS, camera, time) and every other metadata are gone.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            out = io.BytesIO()
            fmt = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}[content_type]
            if fmt == "JPEG" and clean.mode not in ("RGB", "L"):
                clean = clean.convert("RGB")
            clean.save(out, format=fmt, quality=90)
            return out.getvalue()
    except (OSError, ValueError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(_("Tệp ảnh bị hỏng hoặc không đọc được.")) from error


def check_upload(name: str, data: bytes) -> CheckedFile:
    """The file as it will be stored, or a ValidationError in Vietnamese."""
    safe_name = (name or "tep").replace("/", "_").replace("\\", "_")[-120:]
    if len(data) == 0:
        raise ValidationError(_("Tệp %(name)s rỗng.") % {"name": safe_name})
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            _("Tệp %(name)s quá lớn (tối đa %(mb)d MB).")
            % {"name": safe_name, "mb": MAX_FILE_BYTES // 2**20}
        )
    content_type = sniff_content_type(data)
    if content_type is None:
        raise ValidationError(
            _("Tệp %(name)s không phải ảnh (JPEG, PNG, WebP) hoặc PDF.") % {"name": safe_name}
        )
    if content_type == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(_("Tệp PDF %(name)s bị hỏng.") % {"name": safe_name})
        return CheckedFile(display_name(safe_name, content_type), content_type, data)
    return CheckedFile(
        display_name(safe_name, content_type), content_type, _clean_image(data, content_type)
    )


def check_uploads(files: list[tuple[str, bytes]]) -> list[CheckedFile]:
    if len(files) > MAX_FILES:
        raise ValidationError(_("Chỉ được đính kèm tối đa %(n)d tệp.") % {"n": MAX_FILES})
    return [check_upload(name, data) for name, data in files]
