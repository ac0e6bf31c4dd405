"""Search keys: `fold` strips case, every diacritic and spacing; codes are uniform."""

import collections

import pytest

from doithoai.core.text import fold, nfc
from doithoai.petitions import codes


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Hoà Bình", "hoa binh"),
        ("Hòa  Bình\n", "hoa binh"),
        ("ĐẤT ĐAI, đền bù", "dat dai, den bu"),
        (nfc("Quận Đống Đa"), "quan dong da"),
        ("Thuỷ lợi – Thủy lợi", "thuy loi – thuy loi"),
        # Marks outside the combining block (Hebrew points, Devanagari signs) go too.
        ("שָׁלוֹם", "שלום"),
        ("हिंदी", "हिदी"),
        ("", ""),
    ],
)
def test_fold(text, key):
    assert fold(text) == key


def test_codes_use_every_symbol_evenly_in_the_readable_form():
    drawn = [codes.new_code() for _ in range(4000)]
    assert all(len(c) == 12 and c[3] == c[7] == "-" for c in drawn)
    assert all(codes.normalise_code(c) == c for c in drawn[:50])
    counts = collections.Counter(ch for c in drawn for ch in c.replace("-", ""))
    assert set(counts) == set(codes.ALPHABET)
    expected = 4000 * codes.LENGTH / len(codes.ALPHABET)  # 1250 each
    assert all(abs(n - expected) < 200 for n in counts.values())  # > 5 standard deviations
    assert len(set(drawn)) == len(drawn)
