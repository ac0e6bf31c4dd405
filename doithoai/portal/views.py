"""Public results pages: the rounds and the board of one round. No personal data."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doithoai.portal.forms import BoardForm
from doithoai.portal.selectors import (
    board_issue_ids,
    board_row_get,
    board_rows,
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
    # Searched, filtered and paged in the database; rows are built for this page only.
    ids = board_issue_ids(round_=round_, filters=filters)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("trang"))
    rows = board_rows(round_=round_, issue_ids=list(page.object_list))
    # A row whose text fails the personal-data check is withheld; the count says so.
    withheld = len(page.object_list) - len(rows)
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "portal/board.html",
        {
            "round": round_,
            "form": form,
            "page": page,
            "rows": rows,
            "withheld": withheld,
            "total": page.paginator.count,
            "query": query.urlencode(),
        },
    )


def results_issue(request: HttpRequest, round_id: int, issue_id: int) -> HttpResponse:
    """One issue of the board: what was raised, the answer, the directive, the deadline."""
    round_ = public_round_get(round_id=round_id)
    row = board_row_get(round_=round_, issue_id=issue_id)
    return render(request, "portal/issue.html", {"round": round_, "row": row})
