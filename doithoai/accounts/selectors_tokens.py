"""Reads of API tokens for the key-management page and command: who may see which tokens."""

from django.db.models import QuerySet
from django.http import Http404

from doithoai.accounts import policies
from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.types import Actor


def api_tokens_for(*, user: Actor, owner: User | None = None) -> QuerySet[ApiToken]:
    """The tokens `user` may see, newest first: their own; an administrator sees every token, or
    those of `owner`. Anyone else asking for another owner's tokens gets none."""
    tokens = ApiToken.objects.select_related("user").order_by("-created_at", "-pk")
    if policies.can_manage_accounts(user):
        return tokens if owner is None else tokens.filter(user=owner)
    if not isinstance(user, User):
        return tokens.none()
    if owner is not None and owner.pk != user.pk:
        return tokens.none()
    return tokens.filter(user_id=user.pk)


def api_token_get_for(*, user: Actor, token_id: int) -> ApiToken:
    """One token `user` may see; 404 alike for a missing token and another user's."""
    token = api_tokens_for(user=user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token


def api_token_owners_for(*, user: Actor) -> QuerySet[User]:
    """The accounts `user` may create a token for: any active account for an administrator
    (a partner system's account among them), else only themselves."""
    users = User.objects.filter(is_active=True).order_by("username")
    if policies.can_manage_accounts(user):
        return users
    if not isinstance(user, User):
        return users.none()
    return users.filter(pk=user.pk)
