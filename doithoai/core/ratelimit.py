"""A fixed-window counter per client address, kept in the cache every server process shares."""

import time

from django.core.cache import caches
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def hit(scope: str, request: HttpRequest, *, limit: int, window_seconds: int = 3600) -> bool:
    """Count one request; False once the client has used up `limit` in the current window."""
    window = int(time.time() // window_seconds)
    key = f"rate:{scope}:{client_address(request)}:{window}"
    cache = caches["shared"]
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        return True
    return count <= limit
