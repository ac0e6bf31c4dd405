"""A fixed-window counter per client, kept in the database every server process shares.

The client is `core.network.client_address` (the real client behind a trusted proxy); IPv6
clients are counted per /64 network (`core.network.client_key`). A request under the limit costs
one UPDATE; the first of a window inserts its row and drops the expired ones."""

import datetime
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from doithoai.core.models import RateCounter
from doithoai.core.network import client_address, client_key

__all__ = ["client_address", "hit"]


def hit(scope: str, request: HttpRequest, *, limit: int, window_seconds: int = 3600) -> bool:
    """Count one request; False once the client has used up `limit` in the current window."""
    window = int(time.time() // window_seconds)
    key = f"rate:{scope}:{client_key(request)}:{window}"
    counted = RateCounter.objects.filter(key=key, hits__lt=limit)
    if counted.update(hits=F("hits") + 1):
        return True
    if limit < 1:
        return False
    now = timezone.now()
    try:
        with transaction.atomic():
            RateCounter.objects.create(
                key=key, hits=1, expires_at=now + datetime.timedelta(seconds=window_seconds)
            )
    except IntegrityError:
        # The window's row exists: it was full, or another request created it a moment ago.
        return bool(counted.update(hits=F("hits") + 1))
    RateCounter.objects.filter(expires_at__lt=now).delete()
    return True
