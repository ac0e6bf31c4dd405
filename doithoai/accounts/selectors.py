import datetime

from django.utils import timezone

from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.services import hash_key

# last_used_at is refreshed at most this often, so reads do not each write.
USAGE_RESOLUTION = datetime.timedelta(minutes=5)


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
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USAGE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
