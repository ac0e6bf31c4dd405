from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from doithoai.core.home import home_sections
from doithoai.core.navigation import public_links


def public_home(request: HttpRequest) -> HttpResponse:
    """The public home: the sections higher apps registered (rounds being announced, results),
    then the public links."""
    return render(
        request,
        "core/public_home.html",
        {"links": public_links(request.user), "sections": home_sections(request)},
    )


def language_switch(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the interface language by a plain link (the header is then the same for every
    visitor, so it is cached) and return to the page the link was on."""
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next") or request.headers.get("referer", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
