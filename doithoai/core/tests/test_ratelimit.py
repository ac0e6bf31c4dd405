"""Rate limits count in the database, so every server process counts the same requests; a
large limit is counted in batches held by each process."""

import datetime
import time

from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from doithoai.core import ratelimit
from doithoai.core.models import RateCounter


def test_the_counter_is_shared_between_processes(db):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    assert ratelimit.hit("form", request, limit=2) and ratelimit.hit("form", request, limit=2)
    assert not ratelimit.hit("form", request, limit=2)
    # Another process starts with its own empty memory: the count is not there but in the
    # database, which it reads too.
    cache.clear()
    ratelimit.HELD.clear()
    assert not ratelimit.hit("form", request, limit=2)
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.1")
    assert ratelimit.hit("form", other, limit=2)
    window = int(time.time() // 3600)
    assert RateCounter.objects.get(key=f"rate:form:203.0.113.7:{window}").hits == 2
    assert not ratelimit.hit("form", other, limit=0)


def test_a_small_limit_counts_every_request_in_one_statement(db, django_assert_num_queries):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    assert ratelimit.hit("reopen", request, limit=5)
    with django_assert_num_queries(1):
        assert ratelimit.hit("reopen", request, limit=5)
    assert _hits("reopen", "203.0.113.8") == 2


def _hits(scope, client):
    window = int(time.time() // 3600)
    row = RateCounter.objects.filter(key=f"rate:{scope}:{client}:{window}").first()
    return row.hits if row else 0


def test_a_large_limit_writes_once_a_batch(db, django_assert_max_num_queries):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.11")
    with django_assert_max_num_queries(0):
        for _ in range(ratelimit.BATCH - 1):
            assert ratelimit.hit("lookup", request, limit=100)
    assert _hits("lookup", "203.0.113.11") == 0
    assert ratelimit.hit("lookup", request, limit=100)
    assert _hits("lookup", "203.0.113.11") == ratelimit.BATCH
    with django_assert_max_num_queries(0):
        assert ratelimit.hit("lookup", request, limit=100)


def test_a_batched_limit_is_exact_in_one_process_and_bounded_across_processes(db):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.12")
    limit = 5 * ratelimit.BATCH
    accepted = sum(ratelimit.hit("lookup", request, limit=limit) for _ in range(limit + 10))
    assert accepted == limit
    assert _hits("lookup", "203.0.113.12") == limit
    # Two processes sharing the row, taking turns: together never more than the limit plus one
    # batch (less one) held by the other process.
    RateCounter.objects.all().delete()
    processes = [ratelimit._Held(), ratelimit._Held()]
    accepted = 0
    for i in range(3 * limit):
        ratelimit.HELD = processes[i % 2]
        accepted += ratelimit.hit("lookup", request, limit=limit)
    assert limit <= accepted <= limit + ratelimit.BATCH - 1
    assert _hits("lookup", "203.0.113.12") <= limit


def test_hits_held_for_a_past_window_are_forgotten(db, monkeypatch):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.13")
    now = time.time()
    for _ in range(3):
        assert ratelimit.hit("lookup", request, limit=100)
    assert ratelimit.HELD.unwritten
    monkeypatch.setattr("doithoai.core.ratelimit.time.time", lambda: now + 3600)
    assert ratelimit.hit("lookup", request, limit=100)
    assert list(ratelimit.HELD.unwritten.values()) == [1]


def test_scopes_and_windows_count_apart_and_old_windows_go(db):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    RateCounter.objects.create(
        key="rate:form:203.0.113.9:1", hits=5, expires_at=timezone.now() - datetime.timedelta(1)
    )
    assert ratelimit.hit("form", request, limit=1)
    assert not ratelimit.hit("form", request, limit=1)
    assert ratelimit.hit("reopen", request, limit=1)
    assert not RateCounter.objects.filter(key="rate:form:203.0.113.9:1").exists()


def test_a_row_created_by_a_concurrent_first_request_still_counts_this_one(db, monkeypatch):
    """Two first requests of a window at once: the one whose insert loses still gets through."""
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.10")
    window = int(time.time() // 3600)
    key = f"rate:form:203.0.113.10:{window}"
    real_now = timezone.now

    def other_request_inserts_first():  # between this request's UPDATE and its INSERT
        if not RateCounter.objects.filter(key=key).exists():
            RateCounter.objects.create(key=key, hits=1, expires_at=real_now())
        return real_now()

    monkeypatch.setattr("doithoai.core.ratelimit.timezone.now", other_request_inserts_first)
    assert ratelimit.hit("form", request, limit=5)
    assert RateCounter.objects.get(key=key).hits == 2
