"""Property-based tests of text folding and tracking codes: any Unicode in, a well-formed key out
(docs/security.md, "Inputs")."""

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from doithoai.core.tests.fuzz import ANY_TEXT, FUZZ, VIETNAMESE
from doithoai.core.text import fold, nfc
from doithoai.petitions import codes

CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}$")


@FUZZ
@given(ANY_TEXT)
@example("İSTANBUL ǅ ﬁ ẞ")  # lower-casing that grows or decomposes
@example("\u0301\u0300 a\u0323\u0302")  # marks with nothing or the wrong order before them
def test_fold_is_a_tidy_key_for_any_text(text):
    key = fold(text)
    assert isinstance(key, str)
    assert key == key.strip() and "  " not in key and "\n" not in key
    assert not any(unicodedata.category(c) == "Mn" for c in key)
    assert "đ" not in key and "Đ" not in key
    # The stored key and the key of a query typed from it agree: folding twice changes nothing.
    assert fold(key) == key


@FUZZ
@given(VIETNAMESE)
def test_vietnamese_folds_to_plain_ascii_whatever_the_normal_form(text):
    key = fold(text)
    assert key.isascii()
    assert fold(unicodedata.normalize("NFD", text)) == key == fold(nfc(text))
    assert fold(text.upper()) == key


@FUZZ
@given(ANY_TEXT)
def test_nfc_is_stable(text):
    assert nfc(nfc(text)) == nfc(text)


@FUZZ
@given(ANY_TEXT)
@example("k7m-4p9-qx2c")
@example("OIL-UUU-0000")
@example("١٢٣-٤٥٦-٧٨٩٠")  # digits of another script are alphanumeric too
def test_a_typed_code_is_a_stored_code_or_none(typed):
    code = codes.normalise_code(typed)
    assert code is None or CODE.match(code)


@FUZZ
@given(st.data())
def test_every_new_code_survives_how_people_type_it(data):
    code = codes.new_code()
    assert CODE.match(code)
    spacing = data.draw(st.sampled_from(["", " ", "-", " - ", "."]))
    typed = spacing.join(code.split("-"))
    typed = data.draw(st.sampled_from([typed, typed.lower(), f"  {typed}\n"]))
    assert codes.normalise_code(typed) == code
