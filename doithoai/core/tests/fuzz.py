"""Shared settings of the property-based tests (`test_fuzz_*.py`, docs/security.md "Inputs").

Modest and reproducible: 50 examples each, derandomised so a run in CI finds what the last run
found (no flaky failure for the other tests' authors), no example database left in the tree.
`DOITHOAI_FUZZ_EXAMPLES=2000 DOITHOAI_FUZZ_RANDOM=1 pytest -k fuzz` explores further."""

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=int(os.environ.get("DOITHOAI_FUZZ_EXAMPLES", "50")),
    deadline=None,
    database=None,
    derandomize=os.environ.get("DOITHOAI_FUZZ_RANDOM", "") != "1",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# Vietnamese text with its marks, both tone placements, punctuation and spaces; mixed with any
# Unicode at all (other scripts, emoji, combining marks, controls, NUL).
VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩị"
        "óòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵòa hoà thuỷ 0123456789 .,;:!?()-/\"'"
    ),
    max_size=60,
)
ANY_TEXT = st.one_of(
    VIETNAMESE, st.text(max_size=60), st.text(st.characters(codec="utf-8"), max_size=8)
)
# Text a form or URL can carry: no NUL (the middleware refuses it before any view; tested apart).
FORM_TEXT = ANY_TEXT.map(lambda s: s.replace("\x00", ""))
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | ANY_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(ANY_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
