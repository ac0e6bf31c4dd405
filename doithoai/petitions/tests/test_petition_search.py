"""Search ignores case, diacritics and old/new tone placement, on SQLite and PostgreSQL."""

import pytest

from doithoai.petitions import policies, search
from doithoai.petitions.choices import Channel
from doithoai.petitions.models import Petition
from doithoai.petitions.selectors import PetitionFilters, petition_list_visible_to
from doithoai.petitions.services import PetitionInput, petition_submit
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


def test_keystrokes_left_in_a_petition_or_a_query_are_repaired(demo_user, db):
    """Text typed with Telex/VNI keystrokes left in ("dduwowngf", "va8n") is stored under the
    repaired key at intake, and a query typed the same way is repaired too."""
    unit = ward()
    typed = petition_submit(
        actor=None,
        data=PetitionInput(
            unit=unit,
            channel=Channel.WEB,
            text="Dduwowngf vaof nha2 va8n ho1a tor 3 bij luns.",
            submitter_name="Lò Văn Tám",
            consent=True,
        ),
    ).petition
    plain = PetitionFactory(text="Sân nhà văn hóa tổ 9 xuống cấp.")
    user = demo_user("vanphong")

    def found(query):
        items = petition_list_visible_to(user=user, filters=PetitionFilters(q=query), limit=200)
        return set(items.items)

    assert typed in found("đường vào nhà văn hóa")
    assert {typed, plain} <= found("nha van hoa")
    assert plain in found("nha2 va8n ho1a")  # VNI keystrokes in the query
    assert found("dduwowngf vaof") == found("đường vào")


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


def test_words_joined_by_hyphens_or_dots_are_words_apart(demo_user, db):
    """The index holds exactly the words `phrase_words` splits a query into: a hyphen, a dot or
    a slash between two words separates them, as in the query."""
    made = PetitionFactory(text="Đất đai, nhà-văn hoá tổ 12.5/ấp Bình-An: e-mail x@y.vn")
    user = demo_user("vanphong")

    def found(query):
        items = petition_list_visible_to(user=user, filters=PetitionFilters(q=query)).items
        return made in items

    for query in ("dat dai nha van hoa", "van hoa to 12", "12 5 ap binh an", "e mail x y vn"):
        assert found(query), query
    for query in ("nha van hoa dat", "12 ap", "van", "hoa to 125"):
        assert found(query) is (query == "van"), query


def test_search_pages_follow_the_cursor_in_both_orders(demo_user, db):
    """Every match once, in page order (creation time, then id), whatever the page size."""
    import datetime
    import random

    made = [
        PetitionFactory(text=f"Đề nghị nạo vét rãnh thoát nước tổ {n}, mưa là ngập.")
        for n in range(12)
    ]
    PetitionFactory(text="Đề nghị nạo vét kênh.")  # not the phrase
    start = made[0].created_at
    for p in made[:6]:  # some share a creation time: the id breaks the tie
        Petition.objects.filter(pk=p.pk).update(created_at=start)
    for p in made[6:]:
        at = start + datetime.timedelta(minutes=random.Random(p.pk).randrange(-600, 600))
        Petition.objects.filter(pk=p.pk).update(created_at=at)
    rows = {p.pk: Petition.objects.get(pk=p.pk).created_at for p in made}
    newest_first = sorted(rows, key=lambda pk: (rows[pk], pk), reverse=True)
    user = demo_user("vanphong")
    for oldest_first in (False, True):
        filters = PetitionFilters(q="nao vet ranh", oldest_first=oldest_first)
        for limit in (1, 5, 12, 50):
            seen = _every_page(user, filters, limit)
            assert seen == (newest_first[::-1] if oldest_first else newest_first)


def test_search_is_scoped_to_the_users_units(demo_user, db):
    """A ward officer finds the phrase in their ward's petitions only; the unit filter narrows
    the search of a user who sees more."""
    here = [PetitionFactory(text=f"Trạm biến áp Nà Hu tổ {n} kêu to.") for n in range(3)]
    there = PetitionFactory(text="Trạm biến áp Nà Hu gần trường học.", unit=ward("01843"))
    phuong = demo_user("phuong")
    units = policies.visible_unit_ids(phuong)
    assert here[0].unit_id in units and there.unit_id not in units
    found = _every_page(phuong, PetitionFilters(q="tram bien ap na hu"), limit=2)
    assert set(found) == {p.pk for p in here}
    vanphong = demo_user("vanphong")
    assert set(_every_page(vanphong, PetitionFilters(q="tram bien ap na hu"), limit=2)) == {
        *(p.pk for p in here),
        there.pk,
    }
    narrowed = PetitionFilters(q="tram bien ap na hu", unit_id=there.unit_id)
    assert _every_page(vanphong, narrowed, limit=2) == [there.pk]


def test_a_search_page_is_one_query(demo_user, db):
    """No statistics, no plan, no id windows: the page is one statement."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(8):
        PetitionFactory(text=f"Đèn đường tổ {n} hỏng nhiều ngày.")
    user = demo_user("vanphong")
    filters = PetitionFilters(q="đèn đường")
    petition_list_visible_to(user=user, filters=filters, limit=5)  # caches of units, roles
    with CaptureQueriesContext(connection) as queries:
        page = petition_list_visible_to(user=user, filters=filters, limit=5)
    assert len(page.items) == 5 and page.next_cursor
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 1, sql
    assert "pg_stats" not in sql[0] and "EXPLAIN" not in sql[0].upper()
    if connection.vendor == "postgresql":
        assert '"search_vector" @@' in sql[0] and "phraseto_tsquery(" in sql[0]


def test_the_search_vector_holds_the_folded_words(db):
    """PostgreSQL keeps the folded words with their positions and the unit's marker, indexed
    by GIN; the word-pair function and index of migrations 0005/0007 are gone."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the search vector is PostgreSQL's; SQLite reads text_folded")
    made = PetitionFactory(text="Nhà-văn hoá TỔ 2, đất đai!")
    vector = Petition.objects.values_list("search_vector", flat=True).get(pk=made.pk)
    assert vector == f"'2':5 '@{made.unit_id}' 'dai':7 'dat':6 'hoa':3 'nha':1 'to':4 'van':2"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'petitions_petition'"
        )
        indexes = dict(cursor.fetchall())
        cursor.execute("SELECT count(*) FROM pg_proc WHERE proname = 'doithoai_words'")
        assert cursor.fetchone()[0] == 0
    assert "USING gin (search_vector)" in indexes["petition_search"]
    assert "petition_words" not in indexes and "petition_text_folded_trgm" not in indexes
    assert any(i.name == "petition_search" for i in Petition._meta.indexes)


def test_visible_units_mirror_the_visibility_filter(demo_user, db):

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


def test_a_cursor_without_a_time_zone_is_not_ours_and_gives_the_first_page(demo_user, rows):
    import base64
    import warnings

    user = demo_user("vanphong")
    first = petition_list_visible_to(user=user, filters=PetitionFilters(), limit=3)
    naive = base64.urlsafe_b64encode(f"2016-01-01T00:00:00|{10**9}".encode()).decode()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a naive datetime in a query warns
        page = petition_list_visible_to(user=user, filters=PetitionFilters(), cursor=naive, limit=3)
    assert [p.pk for p in page.items] == [p.pk for p in first.items]


def test_a_search_within_a_few_units_asks_the_index_for_their_markers(demo_user, db):
    """A ward officer's search asks for the phrase and the ward's markers in one tsquery; a
    province's hundreds of units are not listed; both find the same petitions as the scope."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("markers are PostgreSQL's; SQLite reads text_folded")
    here = PetitionFactory(text="Cống hộp Khuổi Kép tổ 7 bị tắc.")
    there = PetitionFactory(text="Cống hộp Khuổi Kép gần chợ bị tắc.", unit=ward("01843"))
    phuong = demo_user("phuong")
    filters = PetitionFilters(q="cong hop khuoi kep")
    petition_list_visible_to(user=phuong, filters=filters)  # caches of units, roles
    with CaptureQueriesContext(connection) as queries:
        page = petition_list_visible_to(user=phuong, filters=filters)
    assert [p.pk for p in page.items] == [here.pk]
    units = sorted(policies.visible_unit_ids(phuong))
    markers = " | ".join(f"@{pk}" for pk in units)
    assert markers in queries.captured_queries[0]["sql"]
    many = set(range(1, search.MARKED_UNITS + 2))
    assert "::tsquery" not in str(Petition.objects.filter(search.phrase_q(["cong"], many)).query)
    everyone = demo_user("quantri")
    found = {p.pk for p in petition_list_visible_to(user=everyone, filters=filters).items}
    assert {here.pk, there.pk} <= found


def test_no_typed_word_finds_a_unit_marker(demo_user, db):
    """The marker `@<unit id>` is no word: searching a unit's id finds only petitions whose
    text holds that number."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("markers are PostgreSQL's")
    made = PetitionFactory(text="Đường liên thôn xuống cấp.")
    user = demo_user("quantri")
    for typed in (str(made.unit_id), f"@{made.unit_id}", f"@ {made.unit_id}"):
        page = petition_list_visible_to(user=user, filters=PetitionFilters(q=typed))
        assert made.pk not in {p.pk for p in page.items}, typed


def test_a_petition_moved_to_another_unit_is_found_under_its_new_unit(demo_user, db):
    """The database keeps the marker with the unit: after a move the new ward's officer finds
    the petition and the old one's search does not."""

    moved = PetitionFactory(text="Biển báo giao thông bị đổ.", unit=ward("01843"))
    phuong = demo_user("phuong")
    filters = PetitionFilters(q="bien bao giao thong")
    assert petition_list_visible_to(user=phuong, filters=filters).items == []
    here = sorted(policies.visible_unit_ids(phuong))[0]
    Petition.objects.filter(pk=moved.pk).update(unit_id=here)
    assert [p.pk for p in petition_list_visible_to(user=phuong, filters=filters).items] == [
        moved.pk
    ]
