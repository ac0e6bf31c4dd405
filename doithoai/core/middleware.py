"""Requests refused before any view runs."""

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from doithoai.core.api import problem


class RefuseNulCharacters:
    """A NUL character in a query or form parameter is refused with a 400: PostgreSQL cannot store
    or compare text holding one, and no citizen or client has a reason to send it. The answer
    takes the form each caller expects: RFC 7807 for the API, the Open311 error list, plain text
    elsewhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _nul_in_parameters(request):
            return _refusal(request.path)
        return self.get_response(request)


def _nul_in_parameters(request: HttpRequest) -> bool:
    if any("\x00" in value for _name, values in request.GET.lists() for value in values):
        return True
    content_type = request.META.get("CONTENT_TYPE", "")
    if request.method == "POST" and content_type.startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        return any("\x00" in value for _name, values in request.POST.lists() for value in values)
    return False


def _refusal(path: str) -> HttpResponse:
    message = _("Tham số chứa ký tự NUL (\\x00), không được chấp nhận.")
    if path.startswith("/api/"):
        return problem(400, message)
    if path.startswith("/open311/") and path.endswith(".xml"):
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<errors><error><code>400</code>'
            f"<description>{message}</description></error></errors>"
        )
        return HttpResponse(body, status=400, content_type="text/xml; charset=utf-8")
    if path.startswith("/open311/"):
        body = json.dumps([{"code": 400, "description": message}], ensure_ascii=False)
        return HttpResponse(body, status=400, content_type="application/json")
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


class NoStoreOnPrivatePages:
    """`Cache-Control: no-store` (with `private`, `no-cache`, `max-age=0`) on every answer that
    may carry what only its reader may see, so neither a shared proxy nor the browser of a shared
    computer keeps it: paths under `DOITHOAI_NO_STORE_PREFIXES` (staff pages, the admin, login,
    the API, the tracking-code pages) except `DOITHOAI_CACHEABLE_PREFIXES` (the public API);
    every file download (`Content-Disposition: attachment`: exports and documents wherever they
    are served); every request carrying credentials (an API key); every page shown to a
    signed-in user. Public pages seen anonymously keep their caching: the session is looked at
    only when the view already read it, so they gain no `Vary: Cookie`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _private(request, response):
            add_never_cache_headers(response)
        return response


def _private(request: HttpRequest, response: HttpResponse) -> bool:
    path = request.path
    if path.startswith(tuple(settings.DOITHOAI_NO_STORE_PREFIXES)) and not path.startswith(
        tuple(settings.DOITHOAI_CACHEABLE_PREFIXES)
    ):
        return True
    if response.get("Content-Disposition", "").lower().startswith("attachment"):
        return True
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    session = getattr(request, "session", None)
    return bool(
        session is not None
        and session.accessed
        and getattr(request, "user", None)
        and request.user.is_authenticated
    )
