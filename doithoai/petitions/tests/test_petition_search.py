"""Search ignores case, diacritics and old/new tone placement, on SQLite and PostgreSQL."""

import pytest

from doithoai.petitions import policies
from doithoai.petitions.selectors import PetitionFilters, petition_list_visible_to
from doithoai.petitions.tests.factories import PetitionFactory, ward


def _every_page(user, filters, limit):
    """The ids of every page, following the cursors."""
    seen, cursor = [], None
    while True:
        page = petition_list_visible_to(user=user, filters=filters, cursor=cursor, limit=limit)
        seen += [p.pk for p in page.items]
        cursor = page.next_cursor
        if not cursor:
            return seen


@pytest.fixture
def rows(db):
    return {
        "land": PetitionFactory(text="Tranh chấp ĐẤT ĐAI ở tổ 2, đề nghị giải quyết."),
        "peace": PetitionFactory(text="Khu dân cư Hòa Bình ngập úng kéo dài."),
        "old": PetitionFactory(text="Ông Thuỷ đề nghị cấp giấy chứng nhận."),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dat dai", "land"),
        ("đất đai", "land"),
        ("ĐẤT đai", "land"),
        ("hoà binh", "peace"),
        ("hòa bình", "peace"),
        ("HOA BINH", "peace"),
        ("thủy", "old"),
        ("thuy de nghi", "old"),
    ],
)
def test_search_folds_marks_and_tone_placement(demo_user, rows, query, expected):
    found = petition_list_visible_to(
        user=demo_user("vanphong"), filters=PetitionFilters(q=query), limit=200
    ).items
    assert rows[expected] in found
    others = {k for k, v in rows.items() if v in found} - {expected}
    assert not others


def test_keyset_pages_do_not_repeat_or_skip(demo_user, db):
    user = demo_user("vanphong")
    seen, cursor = [], None
    while True:
        page = petition_list_visible_to(
            user=user, filters=PetitionFilters(), cursor=cursor, limit=97
        )
        seen += [p.pk for p in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert len(seen) == len(set(seen)) >= 560


def test_search_ignores_punctuation_between_words_and_matches_whole_words(demo_user, rows):
    def found(query):
        page = petition_list_visible_to(
            user=demo_user("vanphong"), filters=PetitionFilters(q=query), limit=200
        )
        return {k for k, v in rows.items() if v in page.items}

    assert found("to 2 de nghi") == {"land"}
    assert found("Tổ 2 — đề nghị!") == {"land"}
    assert found("dat da") == set()
    assert found("ngap ung keo dai") == {"peace"}
    assert found("ung keo") == {"peace"}


@pytest.mark.parametrize(
    ("window", "frequent", "index_window", "ids_max", "wide", "area_rows"),
    [
        (3, 20, 10_000, 10_000, 10_000, -1),  # the word index answers, its window holds all
        (3, 20, 8, 10_000, 10_000, -1),  # the index within its window, then past it
        (3, 20, 1, 10_000, 10_000, -1),  # its window never fills a page: the index past it
        (20, 20, 10_000, 10_000, 10_000, -1),  # the window answers some pages, the index the rest
        (10_000, 20, 10_000, 10_000, 10_000, -1),  # the window holds everything
        (3, 20, 10_000, 2, 30, -1),  # too many for the index: the wide window
        (30, 0, 10_000, 10_000, 200, -1),  # frequent in the window: the wide window, no index
        (3, 20, 10_000, 2, 4, -1),  # neither: the plain ordered query
        (3, 20, 1, 10_000, 10_000, 10**9),  # the user's units hold few: the index within them
        (3, 20, 1, 2, 4, 10**9),  # ... unless too many match there: the other routes
    ],
)
@pytest.mark.parametrize("times", ["in id order", "shuffled"])
@pytest.mark.parametrize("share", [None, 0.05, 0.0])
def test_search_pages_are_the_same_whatever_the_route(
    demo_user,
    db,
    monkeypatch,
    window,
    frequent,
    index_window,
    ids_max,
    wide,
    area_rows,
    times,
    share,
):
    """On PostgreSQL a phrase search takes one of five routes (see `_search_page`); the pages
    must not depend on which, even when creation times do not rise with ids (windows are sized
    by id)."""
    import datetime
    import random

    from doithoai.petitions import selectors
    from doithoai.petitions.models import Petition

    made = [
        PetitionFactory(text=f"Đề nghị nạo vét rãnh thoát nước tổ {n}, mưa là ngập.")
        for n in range(12)
    ]
    if times == "shuffled":
        start = made[0].created_at
        for p in made + [PetitionFactory(text="Đèn đường hỏng.") for _ in range(6)]:
            at = start + datetime.timedelta(minutes=random.Random(p.pk).randrange(-600, 600))
            Petition.objects.filter(pk=p.pk).update(created_at=at)
    user = demo_user("vanphong")
    for oldest_first in (False, True):
        filters = PetitionFilters(q="nao vet ranh", oldest_first=oldest_first)
        monkeypatch.undo()
        everything = petition_list_visible_to(user=user, filters=filters, limit=200).items
        monkeypatch.setattr(selectors, "SEARCH_WINDOW", window)
        monkeypatch.setattr(selectors, "FREQUENT_IN_WINDOW", frequent)
        monkeypatch.setattr(selectors, "INDEX_WINDOW", index_window)
        monkeypatch.setattr(selectors, "INDEX_IDS_MAX", ids_max)
        monkeypatch.setattr(selectors, "WIDE_WINDOW", wide)
        monkeypatch.setattr(selectors, "AREA_INDEX_ROWS", area_rows)
        monkeypatch.setattr(selectors.search, "phrase_share", lambda words: share)
        # Windows counted along the date index, or measured by id when times are shuffled.
        monkeypatch.setattr(selectors, "EXACT_WINDOW", 0 if times == "shuffled" else 10_000)
        seen = _every_page(user, filters, limit=5)
        assert len(seen) == len(set(seen)) == len(everything) >= 12
        assert seen == [p.pk for p in everything]
        if oldest_first and times == "in id order":
            assert seen == sorted(seen)


def test_reading_index_ids_in_batches_keeps_page_order_and_skips_the_filtered(db):
    from doithoai.petitions.models import Petition
    from doithoai.petitions.selectors import _in_order

    made = [PetitionFactory(text=f"Đề nghị lắp đèn đường số {n}.") for n in range(40)]
    newest_first = sorted(made, key=lambda p: (p.created_at, p.pk), reverse=True)
    ids = [p.pk for p in newest_first]
    kept = {p.pk for p in newest_first[::7]}  # 2 in the first batch, 4 in the second
    qs = Petition.objects.filter(pk__in=kept).order_by("-created_at", "-id")
    found = _in_order(qs, ids, 6)  # batches of 12 then 48 ids
    assert [p.pk for p in found] == [pk for pk in ids if pk in kept][:6]
    assert [p.pk for p in _in_order(qs, ids, 100)] == [pk for pk in ids if pk in kept]


@pytest.mark.parametrize(
    ("folded", "expected"),
    [
        (
            "dat dai, nha-van hoa",
            ["dat", "dat dai", "dai", "dai nha", "nha", "nha van", "van", "van hoa", "hoa"],
        ),
        ("  to 12!", ["to", "to 12", "12"]),
        ("den", ["den"]),
        (" ,.; ", []),
        ("", []),
    ],
)
def test_the_word_index_function_lists_words_and_neighbour_pairs(db, folded, expected):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the word index is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT doithoai_words(%s)", [folded])
        assert cursor.fetchone()[0] == expected


def test_phrase_share_comes_from_the_index_statistics(db):
    from django.db import connection

    from doithoai.petitions import search

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics of the PostgreSQL word index")
    for n in range(40):
        PetitionFactory(text=f"Đèn đường tổ {n} hỏng nhiều ngày, đề nghị sửa.")
    for n in range(3):
        PetitionFactory(text=f"Cột sóng điện thoại số {n} gây lo ngại.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE petitions_petition")
    search._stats = None  # read the fresh statistics
    from doithoai.petitions.models import Petition

    common = search.phrase_share(search.phrase_words("đèn đường"))
    holding = Petition.objects.filter(text_folded__contains="den duong").count()
    assert common == pytest.approx(holding / Petition.objects.count(), rel=0.2)
    assert 0 < search.phrase_share(search.phrase_words("Đèn đường tổ")) <= common
    assert search.phrase_share(search.phrase_words("cột sóng")) == 0.0
    assert search.phrase_share(search.phrase_words("đèn đường cột sóng")) == 0.0


def test_a_search_bounded_to_few_petitions_asks_the_index_within_the_units(
    demo_user, db, monkeypatch
):
    """A ward officer's units hold few petitions: the word index is asked within them, and the
    pages are those of the plain query."""
    from django.db import connection

    from doithoai.petitions import selectors

    if connection.vendor != "postgresql":
        pytest.skip("the word index is PostgreSQL's")
    user = demo_user("phuong")
    mine = [
        PetitionFactory(text=f"Đề nghị sửa đèn đường tổ {n}.", unit=ward("01840")) for n in range(7)
    ]
    PetitionFactory(text="Đề nghị sửa đèn đường tổ 99.", unit=ward("01843"))
    asked: list[set[int] | None] = []
    real = selectors._phrase_ids

    def spy(filters, desc=True, position=None, window=None, units=None):
        asked.append(units)
        return real(filters, desc, position, window, units)

    monkeypatch.setattr(selectors, "_phrase_ids", spy)
    filters = PetitionFilters(q="den duong")
    seen = _every_page(user, filters, limit=3)
    assert asked and all(units == policies.visible_unit_ids(user) for units in asked)
    newest_first = sorted(mine, key=lambda p: (p.created_at, p.pk), reverse=True)
    visible = [p.pk for p in newest_first]
    assert [pk for pk in seen if pk in visible] == visible
    monkeypatch.setattr(selectors, "AREA_INDEX_ROWS", -1)
    plain = petition_list_visible_to(user=user, filters=filters, limit=200).items
    assert seen == [p.pk for p in plain]


def test_visible_units_mirror_the_visibility_filter(demo_user, db):
    from doithoai.petitions.models import Petition

    for username in ("phuong", "vanphong", "mttq", "baochi"):
        user = demo_user(username)
        units = policies.visible_unit_ids(user)
        assert units is not None
        scope = policies.visible_petitions_q(user)
        seen = (
            set(Petition.objects.filter(scope).values_list("unit_id", flat=True))
            if scope
            else set()
        )
        assert seen <= units
    assert policies.visible_unit_ids(demo_user("quantri")) is None
    assert policies.visible_unit_ids(demo_user("chuyenvien")) is None


def test_petitions_in_units_is_the_planner_estimate(db):
    from django.db import connection

    from doithoai.petitions import search
    from doithoai.petitions.models import Petition

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics")
    busy, quiet = ward("01840"), ward("01843")
    for n in range(60):
        PetitionFactory(text=f"Kiến nghị số {n} về đường tổ 3.", unit=busy)
    PetitionFactory(text="Kiến nghị về chợ.", unit=quiet)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE petitions_petition")
    search._units_rows.clear()
    counted = Petition.objects.filter(unit=busy).count()
    assert search.petitions_in_units({busy.pk}) == pytest.approx(counted, rel=0.3)
    quiet_count = Petition.objects.filter(unit=quiet).count()
    assert quiet_count < counted
    assert search.petitions_in_units({quiet.pk}) == pytest.approx(quiet_count, rel=0.3)
    assert search.petitions_in_units({busy.pk, quiet.pk}) == pytest.approx(
        counted + quiet_count, rel=0.3
    )
    assert search.petitions_in_units(set()) == 0
