import copy
import datetime
import hashlib
import time

from django.utils import timezone

from doithoai.accounts import policies
from doithoai.accounts.models import ApiToken, Membership, User
from doithoai.core.versions import SharedVersion

# last_used_at is refreshed at most this often, so reads do not each write.
USAGE_RESOLUTION = datetime.timedelta(minutes=5)
# Changes when a token is revoked, a role granted or revoked, or a user edited in the admin
# (`access_changed`): every process forgets the API tokens it has read. A process also reads a
# token again after TOKEN_SECONDS, whatever changed (a change made outside those paths).
ACCESS = SharedVersion("accounts:access-version")
TOKEN_SECONDS = 30


def hash_key(key: str) -> str:
    """How an API key is stored and looked up: its SHA-256, never the key."""
    return hashlib.sha256(key.encode()).hexdigest()


def access_changed() -> None:
    """Call after a change to who may do what through a token (on commit)."""
    ACCESS.bump()


def user_for_api_key(key: str) -> User | None:
    """The active user of a valid, unrevoked token, with their active memberships (kept by this
    process until access changes: see ACCESS); marks the token as used. Each call gets its own
    copies of the user and the memberships, which a request may annotate."""
    if not key or len(key) > 200:
        return None
    kept = _token_kept(hash_key(key))
    if kept is None or not kept[0].user.is_active:
        return None
    token, memberships = kept
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USAGE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    user = copy.copy(token.user)
    policies.memberships_read_with(user, [copy.copy(m) for m in memberships])
    return user


def _token_kept(key_hash: str) -> tuple[ApiToken, list[Membership]] | None:
    """The token with its user and the user's active memberships, read at most every
    TOKEN_SECONDS while access is unchanged. Only valid tokens are kept, so unknown keys cannot
    fill the memory."""
    kept: dict[str, tuple[float, ApiToken, list[Membership]]] = ACCESS.memo().setdefault(
        "tokens", {}
    )
    now = time.monotonic()
    entry = kept.get(key_hash)
    if entry is not None and now - entry[0] <= TOKEN_SECONDS:
        return entry[1], entry[2]
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash, revoked=False).first()
    if token is None:
        kept.pop(key_hash, None)
        return None
    memberships = policies.active_memberships(token.user)
    kept[key_hash] = (now, token, memberships)
    return token, memberships
