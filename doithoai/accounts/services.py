"""Writes to accounts: creating staff and granting or revoking roles."""

import secrets
import string

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts import policies
from doithoai.accounts.access import access_changed
from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import ApiToken, Membership, Role, User
from doithoai.accounts.selectors import hash_key
from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.units.models import Organisation


@transaction.atomic
def user_create(
    *, actor: Actor, username: str, password: str, full_name: str = "", email: str = ""
) -> User:
    if actor is not None and not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền tạo tài khoản."))
    if User.objects.filter(username=username).exists():
        raise ValidationError(_("Tên đăng nhập đã tồn tại."))
    user = User(username=username, full_name=full_name, email=email)
    user.set_password(password)
    user.save()
    event_record(
        actor=actor, obj=user, action=AccountEvents.USER_CREATED, after={"username": username}
    )
    return user


@transaction.atomic
def membership_grant(
    *, actor: Actor, user: User, organisation: Organisation, role: str
) -> Membership:
    """Give `user` a role in `organisation`. `actor=None` only from set-up commands."""
    if actor is not None and not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền phân quyền cho người dùng."))
    if role not in Role.values:
        raise ValidationError(_("Vai trò không hợp lệ."))
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, defaults={"active": True}
    )
    if not created and not membership.active:
        membership.active = True
        membership.save(update_fields=["active"])
        created = True
    if created:
        event_record(
            actor=actor,
            obj=user,
            action=AccountEvents.MEMBERSHIP_GRANTED,
            after={"organisation": organisation.code, "role": role},
        )
    return membership


@transaction.atomic
def membership_revoke(*, actor: Actor, membership: Membership, reason: str = "") -> None:
    if not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền phân quyền cho người dùng."))
    if not membership.active:
        return
    membership.active = False
    membership.save(update_fields=["active"])
    event_record(
        actor=actor,
        obj=membership.user,
        action=AccountEvents.MEMBERSHIP_REVOKED,
        before={"organisation": membership.organisation.code, "role": membership.role},
        reason=reason,
    )


def _new_key() -> str:
    """A random key whose prefix never starts with "-", which a command line reads as an option."""
    return secrets.choice(string.ascii_letters) + secrets.token_urlsafe(32)


@transaction.atomic
def api_token_create(*, actor: Actor, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the clear key is returned once and never stored."""
    if actor is not None and actor != user and not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền tạo khóa API cho người dùng này."))
    key = _new_key()
    token = ApiToken.objects.create(
        user=user, name=name[:100] or "api", prefix=key[:8], key_hash=hash_key(key)
    )
    event_record(
        actor=actor,
        obj=user,
        action=AccountEvents.API_TOKEN_CREATED,
        after={"name": token.name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken, reason: str = "") -> None:
    """Revoke `token` (its owner or an administrator; `actor=None` only from set-up commands,
    such as `doithoai api-token revoke`). Revoking a revoked token does nothing. After commit,
    every server process forgets the tokens it has read (`accounts.access`)."""
    if actor is not None and actor.pk != token.user_id and not policies.can_manage_accounts(actor):
        raise PermissionDenied(_("Bạn không có quyền thu hồi khóa API này."))
    # A conditional update: of two concurrent revocations, only one writes and records.
    changed = ApiToken.objects.filter(pk=token.pk, revoked=False).update(revoked=True)
    token.revoked = True
    if not changed:
        return
    event_record(
        actor=actor,
        obj=token.user,
        action=AccountEvents.API_TOKEN_REVOKED,
        before={"name": token.name, "prefix": token.prefix},
        reason=reason,
    )
    transaction.on_commit(access_changed)
