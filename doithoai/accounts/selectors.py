import datetime
from typing import Any

from django.utils import timezone

from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.services import hash_key
from doithoai.core.compiled import CompiledRow, field_names, instance_from

# last_used_at is refreshed at most this often, so reads do not each write.
USAGE_RESOLUTION = datetime.timedelta(minutes=5)


def user_for_api_key(key: str) -> User | None:
    """The active user of a valid, unrevoked token; marks the token as used."""
    if not key or len(key) > 200:
        return None
    row = _token_row.first(hash_key(key))
    if row is None or not row["user__is_active"]:
        return None
    now = timezone.now()
    if row["last_used_at"] is None or now - row["last_used_at"] > USAGE_RESOLUTION:
        ApiToken.objects.filter(pk=row["id"]).update(last_used_at=now)
    user: User = instance_from(User, row, prefix="user__")
    return user


def _token_query(key_hash: str) -> Any:
    return (
        ApiToken.objects.filter(key_hash=key_hash, revoked=False)
        .order_by()
        .values("id", "last_used_at", *field_names(User, prefix="user__"))
    )


# Every API request authenticates: compiled and prepared once (see core/compiled.py).
_token_row = CompiledRow(ApiToken, _token_query)
