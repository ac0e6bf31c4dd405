import datetime
import time
from typing import Any

from django.db.models import FilteredRelation, Q
from django.utils import timezone

from doithoai.accounts import policies
from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.services import hash_key
from doithoai.core.compiled import CompiledRow, field_names, instance_from
from doithoai.core.versions import SharedVersion

# last_used_at is refreshed at most this often, so reads do not each write.
USAGE_RESOLUTION = datetime.timedelta(minutes=5)
# Changes when a token is revoked, a role granted or revoked, or a user edited in the admin
# (`access_changed`): every process forgets the API tokens it has read. A process also reads a
# token again after TOKEN_SECONDS, whatever changed (a change made outside those paths).
ACCESS = SharedVersion("accounts:access-version")
TOKEN_SECONDS = 30


def access_changed() -> None:
    """Call after a change to who may do what through a token (on commit)."""
    ACCESS.bump()


def user_for_api_key(key: str) -> User | None:
    """The active user of a valid, unrevoked token, with their active memberships (read in the
    same query, then kept by this process until access changes: see ACCESS); marks the token as
    used. Each call builds its own instances."""
    if not key or len(key) > 200:
        return None
    rows = _token_rows_kept(hash_key(key))
    if not rows or not rows[0]["user__is_active"]:
        return None
    row = rows[0]
    now = timezone.now()
    if row["last_used_at"] is None or now - row["last_used_at"] > USAGE_RESOLUTION:
        ApiToken.objects.filter(pk=row["id"]).update(last_used_at=now)
        row["last_used_at"] = now
    user: User = instance_from(User, row, prefix="user__")
    memberships = [
        policies.membership_from(r, prefix="membership__")
        for r in rows
        if r["membership__id"] is not None
    ]
    policies.memberships_read_with(user, memberships)
    return user


def _token_rows_kept(key_hash: str) -> list[dict[str, Any]]:
    """The token's rows, read at most every TOKEN_SECONDS while access is unchanged. Only
    valid tokens are kept, so unknown keys cannot fill the memory."""
    kept: dict[str, tuple[float, list[dict[str, Any]]]] = ACCESS.memo().setdefault("tokens", {})
    now = time.monotonic()
    entry = kept.get(key_hash)
    if entry is not None and now - entry[0] <= TOKEN_SECONDS:
        return entry[1]
    rows = _token_rows.all(key_hash)
    if rows:
        kept[key_hash] = (now, rows)
    else:
        kept.pop(key_hash, None)
    return rows


def _token_query(key_hash: str) -> Any:
    """The token's user, one row per active membership (one row with none)."""
    return (
        ApiToken.objects.filter(key_hash=key_hash, revoked=False)
        .annotate(
            membership=FilteredRelation(
                "user__memberships", condition=Q(user__memberships__active=True)
            )
        )
        .order_by("membership__id")
        .values(
            "id",
            "last_used_at",
            *field_names(User, prefix="user__"),
            *policies.membership_values(prefix="membership__"),
        )
    )


# Every API request authenticates: compiled and prepared once (see core/compiled.py).
_token_rows = CompiledRow(ApiToken, _token_query, many=True)
