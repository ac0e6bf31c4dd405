"""The issues board: run synthesis, confirm topics, merge, split, move and create issues."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import attempt
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.selectors import petition_get_for
from doithoai.synthesis import policies, selectors, services
from doithoai.synthesis.forms import MergeForm, MoveForm, PetitionsForm, TopicForm
from doithoai.synthesis.models import Issue
from doithoai.synthesis.runs import synthesis_run_request


def _back(issue_or_round_id: int, page: str = "") -> HttpResponse:
    url = reverse("synthesis-board", args=[issue_or_round_id])
    return redirect(f"{url}?page={page}" if page else url)


@login_required
def board_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "synthesis/index.html", {"rounds": selectors.rounds_for_board(user=request.user)}
    )


@login_required
def board(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    topic = request.GET.get("topic", "")
    page = selectors.board_issues(
        round_=round_, topic=topic, page=int(request.GET.get("page", "1") or 1)
    )
    return render(
        request,
        "synthesis/board.html",
        {
            "round": round_,
            "page": page,
            "cards": selectors.board_cards(list(page.object_list)),
            "ungrouped": selectors.ungrouped_petitions(round_=round_)[:200],
            "all_issues": selectors.issue_choices(round_=round_),
            "topics": Topic.objects.filter(active=True),
            "topic": topic,
            "run": selectors.latest_run(round_=round_),
            "can_review": policies.can_review(request.user, round_),
            "can_run": policies.can_run(request.user, round_),
        },
    )


@login_required
def run_status(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    return render(
        request,
        "synthesis/_run.html",
        {"round": round_, "run": selectors.latest_run(round_=round_)},
    )


@login_required
@require_POST
def run_start(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    attempt(
        request,
        lambda: synthesis_run_request(actor=request.user, round_=round_),
        _("Đã bắt đầu tổng hợp, phân loại."),
    )
    return _back(round_.pk)


def _issue(request: HttpRequest, issue_id: int) -> Issue:
    return selectors.issue_get_for_review(user=request.user, issue_id=issue_id)


@login_required
@require_POST
def issue_topic(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id)
    form = TopicForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: services.issue_set_topic(
                actor=request.user, issue=issue, topic=form.cleaned_data["topic"]
            ),
            _("Đã xác nhận lĩnh vực."),
        )
    else:
        messages.error(request, _("Hãy chọn lĩnh vực."))
    return _back(issue.round_id or 0, request.POST.get("page", ""))


@login_required
@require_POST
def issues_merge(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    ids = list(Issue.objects.filter(round=round_).values_list("pk", flat=True))
    form = MergeForm(request.POST, issue_ids=ids)
    if form.is_valid() and form.cleaned_data["target"] in ids:
        target = Issue.objects.get(pk=form.cleaned_data["target"])
        sources = list(Issue.objects.filter(pk__in=form.cleaned_data["sources"]))
        attempt(
            request,
            lambda: services.issue_merge(actor=request.user, target=target, sources=sources),
            _("Đã gộp các vấn đề."),
        )
    else:
        messages.error(request, _("Hãy chọn vấn đề đích và ít nhất một vấn đề để gộp."))
    return _back(round_.pk, request.POST.get("page", ""))


@login_required
@require_POST
def issue_split(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue(request, issue_id)
    form = PetitionsForm(
        request.POST, petition_ids=list(issue.memberships.values_list("petition_id", flat=True))
    )
    if form.is_valid():
        attempt(
            request,
            lambda: services.issue_split(
                actor=request.user,
                issue=issue,
                petition_ids=form.cleaned_data["petitions"],
                title=form.cleaned_data["title"],
            ),
            _("Đã tách vấn đề."),
        )
    else:
        messages.error(request, _("Hãy chọn các kiến nghị cần tách."))
    return _back(issue.round_id or 0, request.POST.get("page", ""))


@login_required
@require_POST
def petition_move(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition: Petition = petition_get_for(user=request.user, petition_id=petition_id)
    form = MoveForm(request.POST)
    target = (
        Issue.objects.filter(pk=form.cleaned_data["issue"]).first() if form.is_valid() else None
    )
    if target is None or petition.round_id is None:
        raise Http404
    attempt(
        request,
        lambda: services.petition_move(actor=request.user, petition=petition, to_issue=target),
        _("Đã chuyển kiến nghị."),
    )
    return _back(petition.round_id, request.POST.get("page", ""))


@login_required
@require_POST
def issue_new(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for_board(user=request.user, round_id=round_id)
    ids = list(Petition.objects.filter(round=round_).values_list("pk", flat=True))
    form = PetitionsForm(request.POST, petition_ids=ids)
    if form.is_valid():
        attempt(
            request,
            lambda: services.issue_create(
                actor=request.user,
                round_=round_,
                title=form.cleaned_data["title"],
                petition_ids=form.cleaned_data["petitions"],
            ),
            _("Đã tạo vấn đề."),
        )
    else:
        messages.error(request, _("Hãy chọn kiến nghị và nhập tiêu đề."))
    return _back(round_.pk)
