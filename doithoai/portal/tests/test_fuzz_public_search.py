"""Property-based tests of the public search (the results board and its JSON): any Unicode in any
parameter gets a page or a clear refusal, never a 500, on SQLite and PostgreSQL
(docs/security.md, "Inputs")."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from doithoai.core.tests.fuzz import ANY_TEXT, FUZZ


@pytest.fixture
def board(make_issue, publish, demo_round):
    issue = make_issue(title="Đường tổ 5 phường Đức Xuân xuống cấp")
    publish(issue, "Đã sửa xong đoạn đường tổ 5.")
    make_issue(n=1, title="Chiếu sáng công cộng (khu chợ)")
    return demo_round


BOARD_PARAMS = st.dictionaries(
    st.sampled_from(["q", "trang_thai", "linh_vuc", "co_quan", "qua_han", "trang"]),
    ANY_TEXT | st.integers().map(str),
    max_size=4,
)


@FUZZ
@given(params=BOARD_PARAMS)
@example(params={"q": "!"})
@example(params={"q": "%_\\"})
@example(params={"q": "🙂 đường"})
@example(params={"co_quan": str(2**70)})
@example(params={"trang": "-1"})
def test_the_results_board_never_fails(client, board, params):
    response = client.get(f"/ket-qua/{board.pk}/", params)
    assert response.status_code in (200, 400), (response.status_code, params)


API_PARAMS = st.dictionaries(
    st.sampled_from(["q", "state", "topic", "department", "overdue"]),
    ANY_TEXT | st.integers().map(str),
    max_size=4,
)


@FUZZ
@given(params=API_PARAMS)
@example(params={"department": str(2**70)})
@example(params={"q": "(", "department": "-1"})
def test_the_results_api_never_fails(client, board, params):
    response = client.get(f"/api/v1/public/results/rounds/{board.pk}/issues", params)
    assert response.status_code in (200, 400, 422), (response.status_code, params)


def test_public_search_without_letters_answers_a_page(client, board):
    every = client.get(f"/ket-qua/{board.pk}/").context["total"]
    assert every >= 1
    for q in ["!", "🙂", "%", "_"]:  # read literally: no title holds them
        response = client.get(f"/ket-qua/{board.pk}/", {"q": q})
        assert response.status_code == 200 and response.context["total"] == 0, q
