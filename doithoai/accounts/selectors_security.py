"""Reads for the account-security pages: who is locked out of logging in, and the state of a
user's second factor."""

import datetime
from dataclasses import dataclass
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from doithoai.accounts import policies
from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import User
from doithoai.accounts.types import Actor
from doithoai.core.models import Event

LOCKOUT_ACTIONS = (AccountEvents.LOGIN_LOCKED_OUT, AccountEvents.LOGIN_UNLOCKED)
LIST_LIMIT = 100
EVENT_LIMIT = 50


def cool_off() -> datetime.timedelta:
    return get_cool_off() or datetime.timedelta(0)


def failure_limit() -> int:
    return int(settings.AXES_FAILURE_LIMIT)


@dataclass(frozen=True)
class Lockouts:
    accounts: list[dict[str, Any]]  # username, failures, last, until
    addresses: list[dict[str, Any]]  # ip_address, failures, last, until
    events: list[Event]
    failure_limit: int
    cool_off_minutes: int


def _locked(field: str) -> list[dict[str, Any]]:
    window = cool_off()
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - window)
    rows = (
        recent.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=failure_limit())
        .order_by("-last")[:LIST_LIMIT]
    )
    return [{**row, "until": row["last"] + window} for row in rows]


def login_lockouts_for(*, user: Actor) -> Lockouts:
    """The accounts and addresses locked out of logging in now, and the latest lockouts and
    unlocks. Administrators only."""
    if not policies.can_manage_accounts(user):
        raise PermissionDenied
    types = ContentType.objects.get_for_models(User, AccessAttempt).values()
    events = (
        Event.objects.filter(object_type__in=list(types), action__in=LOCKOUT_ACTIONS)
        .select_related("actor")
        .order_by("-created_at", "-id")[:EVENT_LIMIT]
    )
    return Lockouts(
        accounts=_locked("username"),
        addresses=_locked("ip_address"),
        events=list(events),
        failure_limit=failure_limit(),
        cool_off_minutes=int(cool_off().total_seconds() // 60),
    )


@dataclass(frozen=True)
class SecondFactor:
    enrolled: bool
    codes_left: int
    required: bool  # by the setting and the user's roles


def second_factor_of(*, user: User) -> SecondFactor:
    """The state of the signed-in user's own second factor."""
    enrolled = TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
    codes_left = StaticToken.objects.filter(device__user_id=user.pk, device__confirmed=True).count()
    required = bool(settings.DOITHOAI_REQUIRE_OTP) and policies.needs_second_factor(user)
    return SecondFactor(enrolled=enrolled, codes_left=codes_left, required=required)


def has_second_factor(user: User) -> bool:
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()
