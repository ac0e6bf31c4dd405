"""Small helpers shared by the dialogue views."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


def attempt(request: HttpRequest, action: Callable[[], object], done: str) -> bool:
    """Run a service; turn refusals into Vietnamese messages instead of errors."""
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    except PermissionDenied as error:
        messages.error(request, str(error) or _("Bạn không có quyền thực hiện thao tác này."))
        return False
    messages.success(request, done)
    return True


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
