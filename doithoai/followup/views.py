"""Staff pages of the follow-up: work lists, assignment, answers (directives and supervision in
views_supervision.py; bulk assignment, finishing an issue and settings in views_finish.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator
from doithoai.core.flash import form_page_post, post_action
from doithoai.followup import policies, selectors, services
from doithoai.followup.choices import AnswerState
from doithoai.followup.forms import AnswerForm, AssignForm, DecideForm, ForwardForm, ResolveForm
from doithoai.followup.models import Answer, AnswerTemplate
from doithoai.followup.services.finishing import close_problems, latest_resolution
from doithoai.petitions import policies as petition_policies
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.hooks import contact_viewed
from doithoai.petitions.models import Petition
from doithoai.petitions.views_helpers import read_uploads
from doithoai.synthesis.models import Issue

PAGE_SIZE = 25
PETITIONS_PER_PAGE = 20


def _issue_for(request: HttpRequest, issue_id: int) -> Issue:
    issue = Issue.objects.select_related("round").filter(pk=issue_id).first()
    if issue is None or not policies.can_view_issue_followup(request.user, issue):
        raise Http404
    return issue


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 2**31 else None


def _int_or_none(value: str | None) -> int | None:
    """A theme filter: an id, 0 for "none" (no topic, no area), None when absent or not a number."""
    return 0 if value == "0" else _int(value)


def issue_filters(data: Any) -> selectors.IssueFilters:
    return selectors.IssueFilters(
        round_id=_int(data.get("round")),
        topic_id=_int_or_none(data.get("topic")),
        area_id=_int_or_none(data.get("area")),
        department_id=_int(data.get("department")),
        q=str(data.get("q", ""))[:200],
    )


@dataclass(frozen=True)
class Tab:
    key: str
    label: Any
    visible: Callable[[Any], bool]
    rows: Callable[[Any, Any], QuerySet[Any]]
    counted: str = ""  # its key in `selectors.issue_list_counts`: counted with the others


def _has(*roles: str) -> Callable[[Any], bool]:
    return lambda user: bool(area_ids(user, *roles))


TABS = [
    Tab(
        "chua-giao",
        gettext_lazy("Chưa giao"),
        policies.can_bulk_assign,
        lambda user, get: selectors.unassigned_issues(user=user, filters=issue_filters(get)),
        counted="unassigned",
    ),
    Tab(
        "viec",
        gettext_lazy("Đang giải quyết"),
        lambda user: True,
        lambda user, get: selectors.assignments_of(user=user),
    ),
    Tab(
        "cho-duyet",
        gettext_lazy("Chờ lãnh đạo phòng duyệt"),
        lambda user: bool(policies.department_ids(user, Role.DEPARTMENT_HEAD)),
        lambda user, get: selectors.head_queue(user=user),
    ),
    Tab(
        "lanh-dao-duyet",
        gettext_lazy("Chờ lãnh đạo UBND duyệt"),
        _has(Role.LEADER),
        lambda user, get: selectors.leader_queue(user=user),
    ),
    Tab(
        "cong-khai",
        gettext_lazy("Chờ công khai"),
        _has(Role.SECRETARIAT),
        lambda user, get: selectors.publish_queue(user=user),
    ),
    Tab(
        "ket-qua",
        gettext_lazy("Chờ ghi nhận đã giải quyết"),
        lambda user: bool(area_ids(user, Role.SECRETARIAT) or policies.department_ids(user)),
        lambda user, get: selectors.resolvable_issues(user=user),
        counted="resolvable",
    ),
    Tab(
        "xac-nhan",
        gettext_lazy("Chờ Mặt trận xác nhận"),
        _has(Role.MTTQ_OFFICER, Role.SECRETARIAT),
        lambda user, get: selectors.verification_queue(user=user),
        counted="verification",
    ),
    Tab(
        "chi-dao",
        gettext_lazy("Chỉ đạo"),
        lambda user: True,
        lambda user, get: selectors.directives_visible_to(user=user).order_by("deadline", "id"),
    ),
]


@login_required
def work_list(request: HttpRequest) -> HttpResponse:
    """One page, one list at a time (`ds`), each paged and counted in the database."""
    user = request.user
    tabs = [t for t in TABS if t.visible(user)]
    current = next((t for t in tabs if t.key == request.GET.get("ds")), tabs[0] if tabs else None)
    if current is None:
        raise Http404
    issue_counts = selectors.issue_list_counts(user=user) if any(t.counted for t in tabs) else {}
    counts = [(t, issue_counts[t.counted] if t.counted else t.rows(user, {}).count()) for t in tabs]
    page = Paginator(current.rows(user, request.GET), PAGE_SIZE).get_page(request.GET.get("trang"))
    context: dict[str, Any] = {
        "tabs": counts,
        "tab": current.key,
        "page": page,
        "can_settings": is_administrator(user) or bool(area_ids(user, Role.SECRETARIAT)),
    }
    if current.key == "viec":
        context["rows"] = [(a, selectors.assignment_overdue(a)) for a in page]
    elif current.key == "chi-dao":
        context["rows"] = [(d, selectors.directive_overdue(d)) for d in page]
    elif current.key == "xac-nhan":
        context["verifier"] = bool(area_ids(user, Role.MTTQ_OFFICER))
    elif current.key == "chua-giao":
        filters = issue_filters(request.GET)
        context["filters"] = filters
        context["choices"] = selectors.unassigned_choices(user=user)
        context["whole_theme"] = bool(filters.round_id)
    query = request.GET.copy()
    query.pop("trang", None)
    context["query"] = query.urlencode()
    return render(request, "followup/work_list.html", context)


@login_required
def issue_assign(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    if not policies.can_assign(request.user, issue):
        raise Http404
    unit_id = policies.issue_unit_id(issue)
    form = AssignForm(request.POST or None, unit_id=unit_id, initial={"lead": issue.department_id})
    forwarding = "to_body" in request.POST
    forward = ForwardForm(request.POST if forwarding else None)
    if forwarding:
        done = form_page_post(
            request,
            forward,
            lambda data: services.assignment_forward(
                actor=request.user, issue=issue, to_body=data["to_body"], reason=data["reason"]
            ),
            done=_("Đã chuyển cơ quan có thẩm quyền."),
            success=lambda _result: redirect("followup-work"),
        )
    else:
        done = form_page_post(
            request,
            form,
            lambda data: services.issue_assign(
                actor=request.user,
                issue=issue,
                lead=data["lead"],
                cooperating=list(data["cooperating"]),
                due_on=data["due_on"],
            ),
            done=_("Đã giao giải quyết."),
            success=lambda assignment: redirect("followup-assignment", assignment.pk),
        )
    if done is not None:
        return done
    return render(
        request, "followup/assign.html", {"issue": issue, "form": form, "forward": forward}
    )


def _petition_rows(request: HttpRequest, issue: Issue | None, petition: Any) -> dict[str, Any]:
    """The petitions behind the work, paged, each with whether its petitioner may be shown."""
    if issue is not None:
        qs = selectors.issue_petitions_page_rows(user=request.user, issue=issue)
    else:
        qs = Petition.objects.filter(pk=petition.pk).prefetch_related("attachments")
    page = Paginator(qs, PETITIONS_PER_PAGE).get_page(request.GET.get("trang"))
    personal = {p.pk: petition_policies.can_see_personal_data(request.user, p) for p in page}
    rows = [{"petition": p, "personal": personal[p.pk]} for p in page]
    shown = [p.pk for p in page if personal[p.pk] and _has_contact(p)]
    contact_viewed(user=request.user, petition_ids=shown, place="followup")
    return {"petition_page": page, "petition_rows": rows}


def _has_contact(petition: Petition) -> bool:
    """What the page prints of the petitioner (followup/assignment.html) is there to print."""
    return bool(
        petition.submitter_name or petition.phone or petition.email or petition.submitter_address
    )


@login_required
def assignment_detail(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = selectors.assignment_get_for(user=request.user, assignment_id=assignment_id)
    user = request.user
    answers = list(assignment.answers.prefetch_related("files"))
    editing = next((a for a in answers if policies.can_edit_answer(user, a)), None)
    rows = [
        {
            "answer": a,
            "editable": a is editing,
            "decide": policies.can_head_decide(user, a) or policies.can_leader_decide(user, a),
            "publish": policies.can_publish(user, a),
        }
        for a in answers
    ]
    initial = {"text": editing.text} if editing is not None else None
    draft_form = AnswerForm(request.POST or None, initial=initial)
    # The files are read and checked inside the action: a refused file becomes a message.
    saved = form_page_post(
        request,
        draft_form,
        lambda data: services.answer_draft(
            actor=user,
            assignment=assignment,
            text=data["text"],
            files=check_uploads(read_uploads(request, MAX_FILE_BYTES)),
            answer=editing,
        ),
        done=_("Đã lưu dự thảo trả lời."),
        success=lambda _result: redirect("followup-assignment", assignment.pk),
    )
    if saved is not None:
        return saved
    templates = AnswerTemplate.objects.filter(organisation_id=assignment.lead_id or 0)[:50]
    in_flight = any(
        a.state not in (AnswerState.DRAFT, AnswerState.RETURNED, AnswerState.PUBLISHED)
        for a in answers
    )
    can_draft = policies.can_draft(user, assignment) and (editing is not None or not in_flight)
    issue = assignment.issue
    context: dict[str, Any] = {
        "assignment": assignment,
        "overdue": selectors.assignment_overdue(assignment),
        "rows": rows,
        "form": draft_form,
        "editing": editing,
        "can_draft": can_draft,
        "templates": templates,
        "decide_form": DecideForm(),
        **_petition_rows(request, issue, assignment.petition),
    }
    if issue is not None:
        context.update(
            resolution=latest_resolution(issue),
            can_resolve=policies.can_resolve(user, issue),
            can_close=policies.can_close(user, issue),
            close_problems=close_problems(issue) if policies.can_close(user, issue) else [],
            resolve_form=ResolveForm(),
        )
    return render(request, "followup/assignment.html", context)


def _answer(request: HttpRequest, answer_id: int) -> Answer:
    answer = (
        Answer.objects.select_related("assignment__issue__round", "assignment__petition")
        .filter(pk=answer_id)
        .first()
    )
    if answer is None or not policies.can_view_assignment(request.user, answer.assignment):
        raise Http404
    return answer


@login_required
@require_POST
def answer_action(request: HttpRequest, answer_id: int, action: str) -> HttpResponse:
    answer = _answer(request, answer_id)
    user = request.user
    remark = request.POST.get("remark", "")
    actions: dict[str, tuple[Callable[[], object], str]] = {
        "trinh": (lambda: services.answer_submit(actor=user, answer=answer), _("Đã trình duyệt.")),
        "duyet": (
            lambda: services.answer_decide(actor=user, answer=answer, approve=True),
            _("Đã duyệt trả lời."),
        ),
        "tra-lai": (
            lambda: services.answer_decide(actor=user, answer=answer, approve=False, remark=remark),
            _("Đã trả lại dự thảo."),
        ),
        "luu-mau": (
            lambda: services.answer_template_save(
                actor=user,
                title=request.POST.get("title", "") or answer.text[:60],
                text=answer.text,
                organisation=answer.assignment.lead,
            ),
            _("Đã lưu làm mẫu trả lời."),
        ),
    }
    if action not in actions:
        raise Http404
    run, done = actions[action]
    back = safe_next(request) or reverse("followup-assignment", args=[answer.assignment_id])
    return post_action(request, run, done=done, then=redirect(back))


def evidence_file(request: HttpRequest) -> Any:
    """The first posted file, read and checked (None without one); a refused file raises
    ValidationError, which the form-POST helpers report as a message."""
    files = check_uploads(read_uploads(request, MAX_FILE_BYTES))
    return files[0] if files else None


def safe_next(request: HttpRequest) -> str:
    """The `next` page posted with a form, when it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""
