"""Rate limits count in the database, so every server process counts the same requests."""

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
    assert not ratelimit.hit("form", request, limit=2)
    other = RequestFactory().post("/", REMOTE_ADDR="198.51.100.1")
    assert ratelimit.hit("form", other, limit=2)
    window = int(time.time() // 3600)
    assert RateCounter.objects.get(key=f"rate:form:203.0.113.7:{window}").hits == 2
    assert not ratelimit.hit("form", other, limit=0)


def test_a_request_under_the_limit_costs_one_statement(db, django_assert_num_queries):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")
    assert ratelimit.hit("lookup", request, limit=30)
    with django_assert_num_queries(1):
        assert ratelimit.hit("lookup", request, limit=30)


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
