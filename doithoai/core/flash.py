"""Running a service from a page and telling the user how it went, in Vietnamese."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _


def attempt(request: HttpRequest, action: Callable[[], object], done: str) -> bool:
    """Run a service; turn refusals into messages on the next page instead of errors."""
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
