from django.utils import timezone

from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.services import hash_key


def user_for_api_key(key: str) -> User | None:
    """The active user of a valid, unrevoked token; marks the token as used."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked=False)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
