"""A fixed-window counter per client, kept in the database every server process shares.

The client is `core.network.client_address` (the real client behind a trusted proxy); IPv6
clients are counted per /64 network (`core.network.client_key`).

A limit of at least `5 * BATCH` requests is counted in batches: a process keeps up to `BATCH`
hits of a client in its memory and adds them to the shared row together, so most requests under
such a limit cost no statement at all. A client is refused once the shared count this process
last read plus its own unwritten hits reach the limit, and every hit is written as soon as that
sum is within one batch of it, so with W server processes the limit can be passed by at most
(W - 1) × (BATCH - 1) requests; a batch costs an UPDATE and a read. Smaller limits (a form's
few posts an hour) are counted exactly: every hit is one UPDATE. The first write of a window
inserts the window's row and drops the expired ones."""

import datetime
import threading
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from doithoai.core.models import RateCounter
from doithoai.core.network import client_address, client_key

__all__ = ["client_address", "hit"]

BATCH = 5
# Clients a process holds unwritten hits for; past this, new clients are written hit by hit.
MAX_HELD = 20_000


class _Held:
    """This process's view of the current windows: per key, hits not yet written and the
    shared count as last written."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.window = 0
        self.unwritten: dict[str, int] = {}
        self.shared: dict[str, int] = {}

    def clear(self) -> None:
        with self.lock:
            self.unwritten.clear()
            self.shared.clear()


HELD = _Held()


def hit(scope: str, request: HttpRequest, *, limit: int, window_seconds: int = 3600) -> bool:
    """Count one request; False once the client has used up `limit` in the current window."""
    if limit < 1:
        return False
    window = int(time.time() // window_seconds)
    key = f"rate:{scope}:{client_key(request)}:{window}"
    if limit < 5 * BATCH:
        return _add(key, 1, limit=limit, window_seconds=window_seconds)
    with HELD.lock:
        if window != HELD.window:  # hits of a past window no longer count
            HELD.window = window
            HELD.unwritten.clear()
            HELD.shared.clear()
        shared = HELD.shared.get(key, 0)
        unwritten = HELD.unwritten.get(key, 0)
        if shared + unwritten >= limit:
            return False
        unwritten += 1
        room = key in HELD.unwritten or len(HELD.unwritten) < MAX_HELD
        if unwritten < BATCH and shared + unwritten < limit - BATCH and room:
            HELD.unwritten[key] = unwritten
            return True
        HELD.unwritten.pop(key, None)
    added = _add(key, unwritten, limit=limit, window_seconds=window_seconds)
    total = limit  # the shared row is full
    if added:
        counted = RateCounter.objects.filter(key=key).values_list("hits", flat=True).first()
        total = counted or unwritten
    with HELD.lock:
        if len(HELD.shared) >= MAX_HELD:
            HELD.shared.clear()  # costs at most one batch more per client, never a refusal
        HELD.shared[key] = total
    return added


def _add(key: str, hits: int, *, limit: int, window_seconds: int) -> bool:
    """Add `hits` to the window's shared row; False (and nothing added) when that would pass
    `limit`."""
    counted = RateCounter.objects.filter(key=key, hits__lte=limit - hits)
    if counted.update(hits=F("hits") + hits):
        return True
    if hits > limit:
        return False
    now = timezone.now()
    try:
        with transaction.atomic():
            RateCounter.objects.create(
                key=key, hits=hits, expires_at=now + datetime.timedelta(seconds=window_seconds)
            )
    except IntegrityError:
        # The window's row exists: it was full, or another request created it a moment ago.
        return bool(counted.update(hits=F("hits") + hits))
    RateCounter.objects.filter(expires_at__lt=now).delete()
    return True
