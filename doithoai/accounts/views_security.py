"""Account-security pages: one's own account (second factor, sessions), the second-factor steps
after the password (verify, enrol, recovery codes shown once), and the administrators' list of
login lockouts."""

from base64 import b32encode
from typing import Any
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from doithoai.accounts import policies
from doithoai.accounts.forms_security import CodeForm, UnlockForm
from doithoai.accounts.middleware import idle_limit_seconds
from doithoai.accounts.models import User
from doithoai.accounts.policies import active_memberships
from doithoai.accounts.selectors_security import (
    has_second_factor,
    login_lockouts_for,
    second_factor_of,
)
from doithoai.accounts.services_security import (
    login_unlock,
    new_totp_key,
    recovery_codes_regenerate,
    second_factor_enroll,
    second_factor_reset,
    second_factor_verify,
    sessions_end_all,
)
from doithoai.core.flash import attempt, post_form

# Session keys: the secret being enrolled, the new recovery codes until shown once, the page to
# return to after them.
PENDING_KEY = "doithoai_otp_pending_key"
CODES_KEY = "doithoai_otp_new_codes"
NEXT_KEY = "doithoai_otp_next"


def _user(request: HttpRequest) -> User:
    """The signed-in user (`login_required` ran), behind django-otp's lazy wrapper."""
    return request.user  # type: ignore[return-value]


def _verified(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


def _next_url(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("staff-home")


def _passed(request: HttpRequest, device: Device) -> None:
    """This session has passed the second factor: remember the device, new session key."""
    otp_login(request, device)
    request.session.cycle_key()


def _never_cached(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


# --- one's own account ------------------------------------------------------------------------


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "memberships": active_memberships(user),
        "second_factor": second_factor_of(user=user),
        "verified": _verified(request),
        "idle_minutes": idle_limit_seconds() // 60,
    }
    return _never_cached(render(request, "accounts/account.html", context))


@login_required
@require_POST
def sessions_end(request: HttpRequest) -> HttpResponse:
    """Log out every other session of the user; this one stays signed in."""
    user = _user(request)
    done = _("Đã đăng xuất tài khoản khỏi mọi thiết bị và trình duyệt khác.")
    if attempt(request, lambda: sessions_end_all(actor=user, user=user), done):
        update_session_auth_hash(request, user)
    return redirect("account")


# --- the second factor ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not has_second_factor(user):
        return redirect(f"{reverse('otp-enroll')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device = second_factor_verify(actor=user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            if device is None:
                form.add_error("code", _("Mã không đúng, đã hết hạn hoặc đã được dùng."))
            else:
                _passed(request, device)
                if isinstance(device, StaticDevice):
                    messages.warning(
                        request,
                        _(
                            "Bạn vừa dùng một mã khôi phục; mã này không dùng lại được. "
                            "Còn %(left)d mã."
                        )
                        % {"left": device.token_set.count()},
                    )
                return redirect(_next_url(request, next_url))
    return _never_cached(
        render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})
    )


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))


@login_required
@require_http_methods(["GET", "POST"])
def otp_enroll(request: HttpRequest) -> HttpResponse:
    """Register an authenticator app: scan the QR code (or type the key), then type the code the
    app shows. Only for an account with no app yet; a new app replaces one only through a reset."""
    user = _user(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if has_second_factor(user):
        messages.info(request, _("Tài khoản đã có ứng dụng xác thực."))
        return redirect("account" if _verified(request) else "otp-verify")
    key = request.session.get(PENDING_KEY) or new_totp_key()
    request.session[PENDING_KEY] = key
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = second_factor_enroll(
                actor=user, key=key, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            del request.session[PENDING_KEY]
            _passed(request, device)
            request.session[CODES_KEY] = codes
            request.session[NEXT_KEY] = _next_url(request, next_url)
            return redirect("otp-recovery-codes")
    pending = TOTPDevice(user=user, key=key)
    secret = b32encode(bytes.fromhex(key)).decode()
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": mark_safe(_qr_svg(pending.config_url)),  # noqa: S308 - built by qrcode here
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "issuer": settings.OTP_TOTP_ISSUER,
    }
    return _never_cached(render(request, "accounts/otp_enroll.html", context))


@login_required
def otp_recovery_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once: read out of the session by this page."""
    codes = request.session.pop(CODES_KEY, None)
    next_url = request.session.pop(NEXT_KEY, None) or reverse("account")
    if not codes:
        messages.info(request, _("Mã khôi phục chỉ hiện một lần. Nếu đã mất, hãy tạo bộ mã mới."))
        return redirect("account")
    grouped = [f"{code[:4]} {code[4:]}" for code in codes]
    context: dict[str, Any] = {"codes": grouped, "next": next_url}
    return _never_cached(render(request, "accounts/recovery_codes.html", context))


def _require_verified(request: HttpRequest) -> None:
    if not _verified(request):
        raise PermissionDenied(
            _("Hãy xác thực hai lớp trong phiên này trước khi thay đổi thiết lập.")
        )


@login_required
@require_POST
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    try:
        _require_verified(request)
        codes = recovery_codes_regenerate(actor=user)
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", None) or [str(error)]:
            messages.error(request, message)
        return redirect("account")
    request.session[CODES_KEY] = codes
    request.session[NEXT_KEY] = reverse("account")
    return redirect("otp-recovery-codes")


@login_required
@require_POST
def second_factor_reset_own(request: HttpRequest) -> HttpResponse:
    """Change phone: remove one's app and codes (every other session ends), then enrol anew."""
    user = _user(request)
    try:
        _require_verified(request)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect("account")
    done = _("Đã xóa ứng dụng xác thực cũ. Hãy đăng ký ứng dụng mới.")
    if attempt(request, lambda: second_factor_reset(actor=user, user=user), done):
        update_session_auth_hash(request, user)
        return redirect("otp-enroll")
    return redirect("account")


# --- administrators: login lockouts -----------------------------------------------------------


@login_required
def login_lockouts(request: HttpRequest) -> HttpResponse:
    overview = login_lockouts_for(user=request.user)  # 403 for anyone but administrators
    return _never_cached(render(request, "accounts/lockouts.html", {"overview": overview}))


@login_required
@require_POST
def login_unlock_view(request: HttpRequest) -> HttpResponse:
    if not policies.can_manage_accounts(request.user):
        raise PermissionDenied
    return post_form(
        request,
        UnlockForm(request.POST),
        lambda data: login_unlock(
            actor=request.user,
            username=data["username"],
            ip_address=data["ip_address"] or "",
            reason=data["reason"],
        ),
        done=lambda data: (
            _("Đã mở khóa đăng nhập cho %(target)s.")
            % {"target": data["username"] or data["ip_address"] or ""}
        ),
        then=redirect("login-lockouts"),
    )
