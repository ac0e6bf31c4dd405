import copy
import datetime
import hashlib

from django.utils import timezone

from doithoai.accounts import access
from doithoai.accounts.models import ApiToken, User

# last_used_at is refreshed at most this often, so reads do not each write.
USAGE_RESOLUTION = datetime.timedelta(minutes=5)


def hash_key(key: str) -> str:
    """How an API key is stored and looked up: its SHA-256, never the key."""
    return hashlib.sha256(key.encode()).hexdigest()


def user_for_api_key(key: str) -> User | None:
    """The active user of a valid, unrevoked token (kept by this process until access changes:
    `accounts.access`); marks the token as used. Each call gets its own copy of the user, which
    a request may annotate; the user's roles come from `policies.active_memberships`."""
    if not key or len(key) > 200:
        return None
    token = _token_kept(hash_key(key))
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USAGE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return copy.copy(token.user)


def _token_kept(key_hash: str) -> ApiToken | None:
    """The token with its user, kept by this process (`access.kept`); only valid tokens."""
    return access.kept(
        "tokens",
        key_hash,
        lambda: (
            ApiToken.objects.select_related("user").filter(key_hash=key_hash, revoked=False).first()
        ),
    )
