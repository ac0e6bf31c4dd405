"""Search ignores case, diacritics and old/new tone placement, on SQLite and PostgreSQL."""

import pytest

from doithoai.petitions.selectors import PetitionFilters, petition_list_visible_to
from doithoai.petitions.tests.factories import PetitionFactory


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
