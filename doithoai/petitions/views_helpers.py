from django import forms
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


def add_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where the form has that field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
