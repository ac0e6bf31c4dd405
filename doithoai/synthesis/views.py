"""The issues board: themes (topic × area) above issues, filters, search, paging, bulk actions.

Every action answers an htmx request with the affected part of the page (an issue's row or the
board's body) and a plain form post with a redirect back to the same filtered page and anchor.
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doithoai.core.flash import post_action, post_form
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.selectors import petition_get_for
from doithoai.synthesis import policies, selectors, services
from doithoai.synthesis.forms import BulkForm, MoveForm, PetitionsForm, TitleForm, TopicForm
from doithoai.synthesis.models import Issue
from doithoai.synthesis.runs import synthesis_run_request
from doithoai.synthesis.selectors import Board, BoardFilters
from doithoai.units.models import Unit

UNGROUPED_SHOWN = 50


def _id_url(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[pk])` as a string template, reversed once per page (a page of
    issues needs several URLs per row)."""
    probe = 987654321
    head, _sep, tail = reverse(name, args=[probe]).partition(str(probe))
    return lambda pk: f"{head}{pk}{tail}"


def _decorate(issues: Iterable[Issue], here: str) -> None:
    """Each row's action URLs and its topic options, built once for the page."""
    topic_url, title_url, petitions_url = (
        _id_url("synthesis-issue-topic"),
        _id_url("synthesis-issue-title"),
        _id_url("synthesis-issue-petitions"),
    )
    back = urlencode({"next": here})
    for issue in issues:
        issue.topic_url = topic_url(issue.pk)  # type: ignore[attr-defined]
        issue.title_url = title_url(issue.pk)  # type: ignore[attr-defined]
        issue.petitions_url = f"{petitions_url(issue.pk)}?{back}"  # type: ignore[attr-defined]


def topic_options(topics: list[Topic]) -> str:
    return format_html_join(
        "", '<option value="{}">{}</option>', ((t.code, t.name) for t in topics)
    )


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def board_url(board: Board) -> str:
    if board.round is not None:
        return reverse("synthesis-board", args=[board.round.pk])
    return reverse("synthesis-board-outside", args=[board.unit.pk])


def _assign_url() -> str | None:
    """followup's bulk assignment, when that app offers it (synthesis never imports followup)."""
    try:
        return reverse("followup-bulk-assign")
    except NoReverseMatch:
        return None


def _next(request: HttpRequest, board: Board) -> str:
    """Where to come back to: the page the form was on (same board, filters and page)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return board_url(board)


def _filters_of(url: str) -> BoardFilters:
    return BoardFilters.from_query(QueryDict(urlsplit(url).query))


def _board_of(issue: Issue) -> Board:
    if issue.round is not None:
        return Board(unit=issue.round.unit, round=issue.round)
    unit_id = policies.issue_unit_id(issue)
    if unit_id is None:
        raise Http404
    return Board(unit=Unit.objects.get(pk=unit_id))


def _board_of_url(request: HttpRequest, data: QueryDict) -> Board:
    """The board whose page `next` is (404 when it is none the user may see)."""
    try:
        match = resolve(urlsplit(data.get("next") or "").path)
    except Resolver404:
        raise Http404 from None
    if match.url_name == "synthesis-board":
        return selectors.board_for_round(user=request.user, round_id=match.kwargs["round_id"])
    if match.url_name == "synthesis-board-outside":
        return selectors.board_for_unit(user=request.user, unit_id=match.kwargs["unit_id"])
    raise Http404


def _context(request: HttpRequest, board: Board, f: BoardFilters, here: str) -> dict[str, object]:
    can_review = policies.can_review_unit(request.user, board.unit.pk)
    context: dict[str, object] = {
        "board": board,
        "round": board.round,
        "f": f,
        "here": here,
        "can_review": can_review,
        "assign_url": _assign_url() if can_review else None,
        "topics": list(Topic.objects.filter(active=True)),
        "bulk_url": reverse("synthesis-bulk"),
    }
    context["topic_options"] = topic_options(context["topics"])  # type: ignore[arg-type]
    if f.view == "issues":
        page = selectors.board_issue_page(board, f)
        _decorate(page.object_list, here)
        context["issues"] = page
    else:
        context["themes"] = selectors.board_themes(board, f)
    return context


def _body(request: HttpRequest, board: Board, here: str) -> HttpResponse:
    f = _filters_of(here)
    return render(request, "synthesis/_body.html", _context(request, board, f, here))


def _answer(
    request: HttpRequest, board: Board, *, issue: Issue | None = None, anchor: str = ""
) -> HttpResponse:
    """After an action: the changed part of the page for htmx, else back to the same place."""
    here = _next(request, board)
    if not _htmx(request):
        return redirect(f"{here}#{anchor}" if anchor else here)
    if issue is not None and Issue.objects.filter(pk=issue.pk).exists():
        row = selectors.board_issue_page(
            board, BoardFilters(view="issues", q=f"#{issue.pk}")
        ).object_list[0]
        _decorate([row], here)
        return render(
            request,
            "synthesis/_issue_row.html",
            {
                "issue": row,
                "here": here,
                "can_review": True,
                "topic_options": topic_options(list(Topic.objects.filter(active=True))),
                "with_messages": True,
            },
        )
    return _body(request, board, here)


@login_required
def board_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "synthesis/index.html",
        {
            "rounds": selectors.rounds_for_board(user=request.user),
            "units": selectors.units_for_board(user=request.user),
        },
    )


def _board_page(request: HttpRequest, board: Board) -> HttpResponse:
    f = BoardFilters.from_query(request.GET)
    here = request.get_full_path()
    if _htmx(request) and request.GET.get("part") == "body":
        here = f"{board_url(board)}?{f.query()}"
        return _body(request, board, here)
    context = _context(request, board, f, here)
    can_review = context["can_review"]
    ungrouped = selectors.ungrouped_petitions(board=board)
    context.update(
        {
            "base_url": board_url(board),
            "counts": selectors.board_counts(board),
            "choices": selectors.filter_choices(board, context["topics"]),  # type: ignore[arg-type]
            "run": selectors.latest_run(board=board),
            "can_run": policies.can_run_unit(request.user, board.unit.pk),
            "ungrouped": list(ungrouped[:UNGROUPED_SHOWN]) if can_review else [],
        }
    )
    return render(request, "synthesis/board.html", context)


@login_required
@require_GET
def board(request: HttpRequest, round_id: int) -> HttpResponse:
    return _board_page(request, selectors.board_for_round(user=request.user, round_id=round_id))


@login_required
@require_GET
def board_outside(request: HttpRequest, unit_id: int) -> HttpResponse:
    return _board_page(request, selectors.board_for_unit(user=request.user, unit_id=unit_id))


def _board_from_kwargs(request: HttpRequest, round_id: int | None, unit_id: int | None) -> Board:
    if round_id is not None:
        return selectors.board_for_round(user=request.user, round_id=round_id)
    assert unit_id is not None
    return selectors.board_for_unit(user=request.user, unit_id=unit_id)


@login_required
def run_status(
    request: HttpRequest, round_id: int | None = None, unit_id: int | None = None
) -> HttpResponse:
    board = _board_from_kwargs(request, round_id, unit_id)
    return render(
        request,
        "synthesis/_run.html",
        {"board": board, "base_url": board_url(board), "run": selectors.latest_run(board=board)},
    )


@login_required
@require_POST
def run_start(
    request: HttpRequest, round_id: int | None = None, unit_id: int | None = None
) -> HttpResponse:
    board = _board_from_kwargs(request, round_id, unit_id)
    return post_action(
        request,
        lambda: synthesis_run_request(
            actor=request.user, round_=board.round, unit=None if board.round else board.unit
        ),
        done=_("Đã bắt đầu tổng hợp, phân loại."),
        then=redirect(board_url(board)),
    )


def _issue(request: HttpRequest, issue_id: int) -> Issue:
    return selectors.issue_get_for_review(user=request.user, issue_id=issue_id)


@login_required
@require_GET
def issue_petitions(request: HttpRequest, issue_id: int) -> HttpResponse:
    """An issue's petitions, loaded when its list is opened (a page of its own without JS)."""
    issue = _issue(request, issue_id)
    board = _board_of(issue)
    context = {
        "issue": issue,
        "petitions": selectors.issue_petitions(issue=issue),
        "can_review": policies.can_review_issue(request.user, issue),
        "here": _next(request, board),
    }
    template = "synthesis/_petitions.html" if _htmx(request) else "synthesis/petitions.html"
    return render(request, template, context)


@login_required
@require_POST
def issue_topic(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id)
    return post_form(
        request,
        TopicForm(request.POST),
        lambda data: services.issue_set_topic(actor=request.user, issue=issue, topic=data["topic"]),
        done=_("Đã xác nhận lĩnh vực."),
        invalid=_("Hãy chọn lĩnh vực."),
        then=lambda: _answer(request, _board_of(issue), issue=issue, anchor=f"issue-{issue.pk}"),
    )


def _title_save(request: HttpRequest, issue: Issue, data: dict[str, Any]) -> object:
    """Confirm the title as it stands, or save the edited one (confirmed or not)."""
    title, confirm = data["title"], data["confirm"]
    if confirm and " ".join(title.split()) == issue.title:
        return services.issue_title_confirm(actor=request.user, issue=issue)
    return services.issue_title_set(actor=request.user, issue=issue, title=title, confirm=confirm)


def _title_done(issue: Issue, data: Mapping[str, Any]) -> str:
    title, confirm = data["title"], data["confirm"]
    if confirm and " ".join(title.split()) == issue.title:
        return _("Đã xác nhận tiêu đề.")
    return _("Đã lưu và xác nhận tiêu đề.") if confirm else _("Đã lưu tiêu đề.")


@login_required
@require_POST
def issue_title(request: HttpRequest, issue_id: int) -> HttpResponse:
    """Edit the title (it waits for confirmation again) or confirm it, in one step or two."""
    issue = _issue(request, issue_id)
    return post_form(
        request,
        TitleForm(request.POST),
        lambda data: _title_save(request, issue, data),
        done=lambda data: _title_done(issue, data),
        invalid=_("Hãy nhập tiêu đề (tối đa 300 ký tự)."),
        then=lambda: _answer(request, _board_of(issue), issue=issue, anchor=f"issue-{issue.pk}"),
    )


@login_required
@require_POST
def issues_bulk(request: HttpRequest) -> HttpResponse:
    """A bulk action on selected issues (or every issue of a theme) of one board."""
    form = BulkForm(request.POST)
    if not form.is_valid():
        ids = [int(v) for v in request.POST.getlist("issue") if v.isdigit()]
        board = _board_of(_issue(request, ids[0])) if ids else _board_of_url(request, request.POST)
        messages.error(request, _("Hãy chọn ít nhất một vấn đề và một thao tác."))
        return _answer(request, board)
    ids = form.cleaned_data["issue"]
    first = _issue(request, ids[0])
    board = _board_of(first)
    issues = selectors.board_issues_by_ids(board, ids)
    action, topic = form.cleaned_data["action"], form.cleaned_data["topic"]
    if action == "topic_set" and topic is None:
        messages.error(request, _("Hãy chọn lĩnh vực."))
        return _answer(request, board)
    run, done = _bulk_action(request, action, issues, topic)
    return post_action(request, run, done=done, then=lambda: _answer(request, board))


def _bulk_action(
    request: HttpRequest, action: str, issues: list[Issue], topic: Topic | None
) -> tuple[Callable[[], object], str]:
    """The service a bulk action runs on `issues`, and what it reports when done."""
    user, n = request.user, len(issues)
    if action == "topic_confirm":
        return (
            lambda: services.issues_topic_confirm(actor=user, issues=issues),
            _("Đã xác nhận lĩnh vực của %(n)d vấn đề.") % {"n": n},
        )
    if action == "topic_set" and topic is not None:
        return (
            lambda: services.issues_topic_confirm(actor=user, issues=issues, topic=topic),
            _("Đã đặt lĩnh vực “%(topic)s” cho %(n)d vấn đề.") % {"topic": topic.name, "n": n},
        )
    if action == "title_confirm":
        return (
            lambda: services.issues_title_confirm(actor=user, issues=issues),
            _("Đã xác nhận tiêu đề của %(n)d vấn đề.") % {"n": n},
        )
    return (
        lambda: services.issues_merge(actor=user, issues=issues),
        _("Đã gộp %(n)d vấn đề làm một.") % {"n": n},
    )


@login_required
@require_POST
def issue_split(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id)
    form = PetitionsForm(
        request.POST, petition_ids=list(issue.memberships.values_list("petition_id", flat=True))
    )
    return post_form(
        request,
        form,
        lambda data: services.issue_split(
            actor=request.user, issue=issue, petition_ids=data["petitions"], title=data["title"]
        ),
        done=_("Đã tách vấn đề."),
        invalid=_("Hãy chọn các kiến nghị cần tách."),
        then=lambda: _answer(request, _board_of(issue), anchor=f"issue-{issue.pk}"),
    )


@login_required
@require_POST
def petition_move(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition: Petition = petition_get_for(user=request.user, petition_id=petition_id)
    form = MoveForm(request.POST)
    target = None
    if form.is_valid():
        target = (
            Issue.objects.select_related("round__unit")
            .filter(pk=form.cleaned_data["issue"])
            .first()
        )
    link = getattr(petition, "issue_link", None)
    current = link.issue if link is not None else None
    if current is None:
        raise Http404
    board = _board_of(selectors.issue_get_for_review(user=request.user, issue_id=current.pk))
    if target is None or not board.issues().filter(pk=target.pk).exists():
        messages.error(request, _("Không có vấn đề số này trên bảng."))
        return _answer(request, board, anchor=f"issue-{current.pk}")
    return post_action(
        request,
        lambda: services.petition_move(actor=request.user, petition=petition, to_issue=target),
        done=_("Đã chuyển kiến nghị sang vấn đề #%(n)d.") % {"n": target.pk},
        then=lambda: _answer(request, board, anchor=f"issue-{current.pk}"),
    )


def _issue_new(request: HttpRequest, board: Board) -> HttpResponse:
    ids = list(selectors.ungrouped_petitions(board=board).values_list("pk", flat=True))
    return post_form(
        request,
        PetitionsForm(request.POST, petition_ids=ids),
        lambda data: services.issue_create(
            actor=request.user,
            round_=board.round,
            unit=board.unit,
            title=data["title"],
            petition_ids=data["petitions"],
        ),
        done=_("Đã tạo vấn đề."),
        invalid=_("Hãy chọn kiến nghị và nhập tiêu đề."),
        then=redirect(board_url(board)),
    )


@login_required
@require_POST
def issue_new(
    request: HttpRequest, round_id: int | None = None, unit_id: int | None = None
) -> HttpResponse:
    return _issue_new(request, _board_from_kwargs(request, round_id, unit_id))
