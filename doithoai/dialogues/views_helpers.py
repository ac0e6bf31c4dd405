"""Small helpers shared by the dialogue views."""

from django.contrib import messages
from django.http import HttpRequest


def form_errors(request: HttpRequest, form: object) -> None:
    for field_errors in getattr(form, "errors", {}).values():
        for message in field_errors:
            messages.error(request, message)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no file, no network)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))
