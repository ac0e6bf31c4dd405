"""Rate limits count in the shared cache, so every server process counts the same requests."""

import time

from django.core.cache import cache, caches
from django.test import RequestFactory

from doithoai.core import ratelimit


def test_the_counter_is_shared_between_processes(db):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    assert ratelimit.hit("form", request, limit=2) and ratelimit.hit("form", request, limit=2)
    assert not ratelimit.hit("form", request, limit=2)
    # Another process starts with its own empty memory: the count is not there but in the
    # database cache, which it reads too.
    cache.clear()
    assert not ratelimit.hit("form", request, limit=2)
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.1")
    assert ratelimit.hit("form", other, limit=2)
    window = int(time.time() // 3600)
    assert caches["shared"].get(f"rate:form:203.0.113.7:{window}") == 4
