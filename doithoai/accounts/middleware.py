"""Staff sessions: the second factor before any page, and the end of an idle session."""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from doithoai.accounts import policies
from doithoai.accounts.selectors_security import has_second_factor
from doithoai.accounts.types import Actor

# The session remembers when it was last used, written at most this often (not on every request).
SEEN_KEY = "doithoai_seen"
SEEN_RESOLUTION_SECONDS = 60

# Reachable before the second factor: the pages that ask for it, logging in and out, languages.
_OPEN_URL_NAMES = ("login", "logout", "otp-verify", "otp-enroll", "otp-recovery-codes")


def idle_limit_seconds() -> int:
    return int(getattr(settings, "DOITHOAI_SESSION_IDLE_MINUTES", 0) or 0) * 60


class IdleSessionTimeout:
    """Logs out a session unused for `DOITHOAI_SESSION_IDLE_MINUTES` (0: never). Only signed-in
    sessions are looked at; the time of use is saved at most once a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = idle_limit_seconds()
        if limit and SESSION_KEY in request.session:
            now = int(time.time())
            seen = request.session.get(SEEN_KEY)
            if isinstance(seen, int) and now - seen > limit:
                logout(request)
                messages.info(
                    request,
                    _(
                        "Phiên làm việc đã kết thúc vì không hoạt động quá %(minutes)d phút. "
                        "Vui lòng đăng nhập lại."
                    )
                    % {"minutes": limit // 60},
                )
            elif not isinstance(seen, int) or now - seen >= SEEN_RESOLUTION_SECONDS:
                request.session[SEEN_KEY] = now
        return self.get_response(request)


def on_logged_in(sender: Any, request: Any, user: Actor, **kwargs: Any) -> None:
    """`user_logged_in`: start the idle clock (the login saves the session anyway)."""
    if idle_limit_seconds() and hasattr(request, "session"):
        request.session[SEEN_KEY] = int(time.time())


def _is_open(path: str) -> bool:
    if path in {reverse(name) for name in _OPEN_URL_NAMES}:
        return True
    languages = reverse("language-switch", kwargs={"code": "vi"}).removesuffix("vi/")
    return path.startswith((languages, settings.STATIC_URL))


class SecondFactorRequired:
    """With `DOITHOAI_REQUIRE_OTP` on, a signed-in user whose roles need a second factor
    (`policies.needs_second_factor`) reaches no page but those in `_OPEN_URL_NAMES` until this
    session is verified: to the verification page if they have an authenticator app, else to
    the enrolment page. Runs after django-otp's OTPMiddleware (`user.is_verified`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            getattr(settings, "DOITHOAI_REQUIRE_OTP", False)
            and SESSION_KEY in request.session
            and not _is_open(request.path_info)
        ):
            user = request.user
            if (
                user.is_authenticated
                and not user.is_verified()  # type: ignore[union-attr,attr-defined]
                and policies.needs_second_factor(user)
            ):
                return self._to_second_factor(request, has_second_factor(user))
        return self.get_response(request)

    @staticmethod
    def _to_second_factor(request: HttpRequest, enrolled: bool) -> HttpResponse:
        target = reverse("otp-verify" if enrolled else "otp-enroll")
        if request.method == "GET" and not request.headers.get("HX-Request"):
            target += "?" + urlencode({"next": request.get_full_path()})
        response = HttpResponseRedirect(target)
        if request.headers.get("HX-Request"):
            response["HX-Redirect"] = target
        return response
