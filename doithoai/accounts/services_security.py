"""Writes that protect staff accounts: login lockouts and unlocks, the second factor (TOTP with
recovery codes), and ending every session of an account."""

import re
from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django_otp import verify_token
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from doithoai.accounts import policies
from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import User
from doithoai.accounts.types import Actor
from doithoai.core.events import event_record

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "totp"
RECOVERY_DEVICE_NAME = "recovery"
_KEY = re.compile(r"[0-9a-f]{40}")
_USERNAME_MAX = 150


def normalise_code(text: str) -> str:
    """A code as typed: spaces and dashes dropped, lower case (recovery codes are shown grouped)."""
    return re.sub(r"[\s-]+", "", text or "").lower()


def _is_totp_code(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


# --- login lockout ----------------------------------------------------------------------------


@transaction.atomic
def login_lockout_record(*, username: str | None, ip_address: str | None, failures: int) -> None:
    """Record that logins were locked (called when the failure limit is reached, once per
    lockout). The event is on the account when the name is one, else on the failed attempt."""
    username = (username or "")[:_USERNAME_MAX]
    obj: Any = User.objects.filter(username=username).first() if username else None
    if obj is None:
        attempts = AccessAttempt.objects.filter(username=username or None, ip_address=ip_address)
        obj = attempts.order_by("-attempt_time", "-pk").first()
    if obj is None:
        return
    event_record(
        actor=None,
        obj=obj,
        action=AccountEvents.LOGIN_LOCKED_OUT,
        after={"username": username, "ip_address": ip_address or "", "failures": failures},
    )


@transaction.atomic
def login_unlock(
    *, actor: Actor, username: str = "", ip_address: str = "", reason: str = ""
) -> int:
    """Forget the failed logins of an account (from every address) or of an address (for every
    account), which ends its lockout at once. Administrators; `actor=None` only from the
    command line. Returns how many attempt records were removed."""
    if actor is not None and not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền mở khóa đăng nhập."))
    if bool(username) == bool(ip_address):
        raise ValidationError(_("Hãy chọn một tài khoản hoặc một địa chỉ cần mở khóa."))
    match = Q(username=username) if username else Q(ip_address=ip_address)
    attempts = AccessAttempt.objects.filter(match)
    latest = attempts.order_by("-attempt_time", "-pk").first()
    if latest is None:
        raise ValidationError(
            _(
                "Không có lần đăng nhập sai nào được ghi nhận: "
                "tài khoản hoặc địa chỉ này không bị khóa."
            )
        )
    failures = sum(attempts.values_list("failures_since_start", flat=True))
    obj: Any = User.objects.filter(username=username).first() if username else None
    event_record(
        actor=actor,
        obj=obj or latest,
        action=AccountEvents.LOGIN_UNLOCKED,
        before={"username": username, "ip_address": ip_address, "failures": failures},
        reason=reason,
    )
    if username:
        return axes_reset(username=username)
    return axes_reset(ip=ip_address)


# --- sessions ---------------------------------------------------------------------------------


@transaction.atomic
def sessions_end_all(*, actor: Actor, user: User, reason: str = "") -> None:
    """Log `user` out of every session (every browser, every device): the session hash changes
    (`User.get_session_auth_hash`). The user themselves or an administrator. A view that wants to
    keep the caller's own session calls `update_session_auth_hash` afterwards."""
    if not policies.can_end_sessions_of(actor, user):
        raise PermissionDenied(_("Bạn không có quyền đăng xuất tài khoản này."))
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    event_record(
        actor=actor,
        obj=user,
        action=AccountEvents.SESSIONS_ENDED,
        after={"generation": user.session_generation},
        reason=reason,
    )


# --- second factor ----------------------------------------------------------------------------


def new_totp_key() -> str:
    """A new secret for an authenticator app (hex, 20 bytes), kept by the enrolment page until
    the user proves their app reads it."""
    return str(random_hex(20))


def _recovery_codes_replace(user: User) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def second_factor_enroll(*, actor: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Register the authenticator app that shows `code` for `key`, and give new recovery codes
    (returned once: they are shown to the user and never again)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    if TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(_("Tài khoản đã có ứng dụng xác thực."))
    if not _KEY.fullmatch(key or ""):
        raise ValidationError(_("Phiên đăng ký đã hết hạn; hãy quét lại mã QR mới."))
    code = normalise_code(code)
    device = TOTPDevice(user=actor, key=key, name=TOTP_DEVICE_NAME, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not _is_totp_code(code) or not totp.verify(int(code), device.tolerance):
        raise ValidationError(
            _("Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trên ứng dụng.")
        )
    device.last_t = totp.t()
    device.save()
    codes = _recovery_codes_replace(actor)
    event_record(actor=actor, obj=actor, action=AccountEvents.SECOND_FACTOR_ENROLLED)
    return device, codes


def second_factor_verify(*, actor: User, code: str) -> Device | None:
    """The device of `actor` that accepts `code` — a 6-digit code from the app, or a recovery
    code, which then stops working — or None (recorded: the password was right, the second
    factor wrong). Repeated failures make each device wait longer (django-otp's throttling)."""
    code = normalise_code(code)
    model: type[Device] = TOTPDevice if _is_totp_code(code) else StaticDevice
    devices = list(model.objects.filter(user=actor, confirmed=True))  # type: ignore[attr-defined]
    for device in devices:
        allowed, _data = device.verify_is_allowed()
        if not allowed:
            raise ValidationError(_("Đã nhập sai nhiều lần. Vui lòng đợi một lát rồi thử lại."))
    for device in devices:
        verified = verify_token(actor, device.persistent_id, code)
        if verified is not None:
            if isinstance(verified, StaticDevice):
                _recovery_code_used(actor, verified)
            return verified
    _second_factor_failed(actor)
    return None


@transaction.atomic
def _recovery_code_used(actor: User, device: StaticDevice) -> None:
    event_record(
        actor=actor,
        obj=actor,
        action=AccountEvents.SECOND_FACTOR_RECOVERY_CODE_USED,
        after={"left": device.token_set.count()},
    )


@transaction.atomic
def _second_factor_failed(actor: User) -> None:
    event_record(actor=actor, obj=actor, action=AccountEvents.SECOND_FACTOR_FAILED)


@transaction.atomic
def recovery_codes_regenerate(*, actor: User) -> list[str]:
    """New recovery codes for `actor` (the old ones stop working); returned once."""
    if not TOTPDevice.objects.filter(user=actor, confirmed=True).exists():
        raise ValidationError(_("Hãy đăng ký ứng dụng xác thực trước."))
    codes = _recovery_codes_replace(actor)
    event_record(actor=actor, obj=actor, action=AccountEvents.SECOND_FACTOR_CODES_REGENERATED)
    return codes


@transaction.atomic
def second_factor_reset(*, actor: Actor, user: User, reason: str = "") -> None:
    """Remove `user`'s authenticator app and recovery codes (a lost or changed phone) and end
    all their sessions: at the next login they register a new app. The user themselves (from a
    session verified by the second factor) or an administrator."""
    if not policies.can_end_sessions_of(actor, user):
        raise PermissionDenied(_("Bạn không có quyền đặt lại xác thực hai lớp của tài khoản này."))
    removed = TOTPDevice.objects.filter(user=user).count()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    event_record(
        actor=actor,
        obj=user,
        action=AccountEvents.SECOND_FACTOR_RESET,
        before={"devices": removed},
        reason=reason,
    )
    sessions_end_all(actor=actor, user=user, reason=reason)
