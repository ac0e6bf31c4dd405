from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


def read_uploads(request: HttpRequest, max_bytes: int) -> list[tuple[str, bytes]]:
    """The uploaded files' names and bytes; an oversized file is refused before it is read."""
    out = []
    for uploaded in request.FILES.getlist("files"):
        if uploaded.size and uploaded.size > max_bytes:
            raise ValidationError(
                {
                    "files": [
                        _("Tệp %(name)s quá lớn (tối đa %(mb)d MB).")
                        % {"name": uploaded.name, "mb": max_bytes // 2**20}
                    ]
                }
            )
        out.append((uploaded.name or "tep", uploaded.read()))
    return out
