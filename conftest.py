"""Fixtures shared by every app's tests: reference data, roles, and a real headless Chromium."""

import os
import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow its ORM there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests and others outside a test transaction flush the database when they end, so
    they run after everything else."""
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None
            or "transactional_db" in getattr(item, "fixturenames", ())
        )
    )


def load_reference_data() -> None:
    call_command(
        "demo",
        "--bac-kan-only",
        "--reference-only",
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Each test starts with an empty process cache (cached areas and choices, rate-limit hits
    held in memory) and reads the unit tree's version afresh; the shared cache is a table,
    rolled back with the test's data."""
    from django.core.cache import cache

    from doithoai.core.ratelimit import HELD
    from doithoai.core.versions import forget_all

    cache.clear()
    forget_all()
    HELD.clear()
    yield
    cache.clear()
    forget_all()
    HELD.clear()


@pytest.fixture
def replacement_page(settings, tmp_path):  # type: ignore[no-untyped-def]
    """The administrator's replacement document page (DOITHOAI_DOCUMENT_TEMPLATES) is set; the
    mark it prints at the top of every page is returned."""
    from doithoai.core.rendering.tests.readback import REPLACEMENT_MARK, write_replacement_page

    write_replacement_page(tmp_path)
    settings.DOITHOAI_DOCUMENT_TEMPLATES = str(tmp_path)
    return REPLACEMENT_MARK


def log_in(page: Any, username: str) -> None:
    """Log a demo user in through the login page of a browser test (any earlier user out)."""
    from doithoai.demo.people import DEMO_PASSWORD

    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"/staff/"))


@pytest.fixture
def committed_reference_data(transactional_db, django_db_serialized_rollback):  # type: ignore[no-untyped-def]
    """For a test that must run with no transaction open, as a request does: the reference data
    loaded and committed (the database is flushed when the test ends, so such tests run last).
    Serialized rollback first restores what migrations made (content types, seeded topics): a
    browser test before this one ends with a flush that leaves them out."""
    load_reference_data()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def demo_user(db):  # type: ignore[no-untyped-def]
    from doithoai.accounts.models import User

    def get(username: str) -> User:
        return User.objects.get(username=username)

    return get


@pytest.fixture(scope="module")
def full_demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The whole demo (`doithoai demo`: both rounds lived through the services), loaded once per
    test module inside a transaction rolled back when the module ends."""
    from django.db import transaction

    from doithoai.demo.full import load_full_demo

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_full_demo()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, transactional_db, django_db_serialized_rollback):  # type: ignore[no-untyped-def]
    # Serialized rollback restores what migrations seeded (topics, holidays, templates) after the
    # flush that ends every transactional test; the demo data is then loaded again.
    load_reference_data()
    context = chromium.new_context(locale="vi-VN", base_url=live_server.url)
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()
