"""Property-based tests of the staff petition search, its API and the tracking-code pages: any
Unicode in any parameter gets a page or a clear refusal, never a 500, on SQLite and PostgreSQL
(docs/security.md, "Inputs"). A query with no letter or digit searches for nothing."""

import re

import pytest
from django.db import connection
from hypothesis import example, given
from hypothesis import strategies as st

from doithoai.core.tests.fuzz import ANY_TEXT, FUZZ
from doithoai.core.text import fold
from doithoai.petitions import search
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory

NO_LETTERS = ["!", "(", "🙂", "((", "*", "\\", "[", "?", "+", ")", "|", "'", '"', "%", "_", "—"]


@pytest.fixture
def staff(client, demo_user):
    client.force_login(demo_user("vanphong"))
    return client


@pytest.fixture
def word_statistics(db):
    """Petitions to find, and on PostgreSQL the planner statistics of their words, as in
    production after the first ANALYZE."""
    for n in range(30):
        PetitionFactory(text=f"Đèn đường tổ {n} hỏng nhiều ngày, đề nghị sửa (gấp)!")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE petitions_petition")


@pytest.mark.parametrize("query", NO_LETTERS)
def test_a_query_without_letters_searches_for_nothing(staff, word_statistics, query):
    """The PostgreSQL 500 of issue #15: `!`, `(` or an emoji hold no word to look for."""
    assert search.phrase_words(query) == []
    response = staff.get("/staff/kien-nghi/", {"q": query})
    assert response.status_code == 200
    plain = staff.get("/staff/kien-nghi/")
    assert response.context["rows"] and [r.pk for r in response.context["page"].items] == [
        r.pk for r in plain.context["page"].items
    ]
    api = staff.get("/api/v1/petitions", {"q": query, "limit": 5})
    assert api.status_code == 200 and len(api.json()["items"]) == 5


def test_no_words_has_no_condition(word_statistics):
    everything = Petition.objects.filter(search.phrase_q([])).count()
    assert everything == Petition.objects.count()


def test_a_query_with_letters_among_symbols_still_searches(staff, word_statistics):
    response = staff.get("/staff/kien-nghi/", {"q": "((đèn đường tổ 7))!"})
    texts = [fold(p.text) for p in response.context["page"].items]
    assert texts and all(re.search(r"\bden duong to 7\b", t) for t in texts)


@FUZZ
@given(q=ANY_TEXT)
@example(q="!")
@example(q="🙂")
@example(q="(")
@example(q="a" * 250)
def test_staff_search_never_fails(staff, word_statistics, q):
    response = staff.get("/staff/kien-nghi/", {"q": q})
    assert response.status_code in (200, 400), response.status_code


PARAMS = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "round",
            "unit",
            "topic",
            "channel",
            "state",
            "legal_kind",
            "date_from",
            "date_to",
            "overdue",
            "sort",
            "after",
        ]
    ),
    ANY_TEXT,
    max_size=5,
)


@FUZZ
@given(params=PARAMS)
@example(params={"after": "!!!"})
@example(params={"after": "MjAxNi0wMS0wMXwx", "q": "đường"})
@example(params={"date_from": "99999-01-01"})
@example(params={"unit": "99999999999999999999999"})
def test_every_filter_of_the_staff_list_never_fails(staff, db, params):
    assert staff.get("/staff/kien-nghi/", params).status_code in (200, 400)
    assert staff.get("/staff/kien-nghi/", params, HTTP_HX_REQUEST="true").status_code in (200, 400)


API_PARAMS = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "round_id",
            "no_round",
            "unit_id",
            "topic",
            "channel",
            "state",
            "legal_kind",
            "date_from",
            "date_to",
            "overdue",
            "oldest_first",
            "after",
            "limit",
        ]
    ),
    ANY_TEXT | st.integers().map(str),
    max_size=5,
)


@FUZZ
@given(params=API_PARAMS)
@example(params={"unit_id": str(2**70)})
@example(params={"round_id": "-1", "limit": "-5"})
@example(params={"limit": "100000000000"})
@example(params={"after": "x", "q": "!"})
@example(params={"q": " ".join(["đường" * 400] * 30)})
def test_the_petition_list_api_never_fails(staff, db, params):
    response = staff.get("/api/v1/petitions", params)
    assert response.status_code in (200, 400, 422), (response.status_code, params)


@FUZZ
@given(code=ANY_TEXT)
@example(code="K7M-4P9-QX2C")
@example(code="ǅ" * 10)
def test_the_lookup_never_fails(client, db, code):
    response = client.post("/tra-cuu/", {"ma": code})
    assert response.status_code in (200, 400, 404, 429)


@FUZZ
@given(code=ANY_TEXT.filter(lambda s: "/" not in s and s.strip()))
def test_the_receipt_page_never_fails(client, db, code):
    from urllib.parse import quote

    response = client.get(f"/kien-nghi/{quote(code, safe='')}/da-gui/")
    assert response.status_code in (200, 400, 404)
