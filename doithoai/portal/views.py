"""Public results pages: the rounds and the board of one round. No personal data."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doithoai.portal.forms import BoardForm
from doithoai.portal.selectors import (
    board_row_get,
    board_search,
    public_round_get,
    public_rounds,
)

PAGE_SIZE = 50


def results_index(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/index.html", {"rounds": public_rounds()})


def results_board(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = public_round_get(round_id=round_id)
    form = BoardForm(request.GET or None)
    filters = form.filters() if form.is_valid() else BoardForm().filters()
    rows = board_search(round_=round_, filters=filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "portal/board.html",
        {
            "round": round_,
            "form": form,
            "page": page,
            "total": len(rows),
            "query": query.urlencode(),
        },
    )


def results_issue(request: HttpRequest, round_id: int, issue_id: int) -> HttpResponse:
    """One issue of the board: what was raised, the answer, the directive, the deadline."""
    round_ = public_round_get(round_id=round_id)
    row = board_row_get(round_=round_, issue_id=issue_id)
    return render(request, "portal/issue.html", {"round": round_, "row": row})
