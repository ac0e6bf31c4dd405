"""A fixed-window counter per client, kept in the cache every server process shares.

The client is `core.network.client_address` (the real client behind a trusted proxy); IPv6
clients are counted per /64 network (`core.network.client_key`)."""

import time

from django.core.cache import caches
from django.http import HttpRequest

from doithoai.core.network import client_address, client_key

__all__ = ["client_address", "hit"]


def hit(scope: str, request: HttpRequest, *, limit: int, window_seconds: int = 3600) -> bool:
    """Count one request; False once the client has used up `limit` in the current window."""
    window = int(time.time() // window_seconds)
    key = f"rate:{scope}:{client_key(request)}:{window}"
    cache = caches["shared"]
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        return True
    return count <= limit
