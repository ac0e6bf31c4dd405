"""Staff pages of the follow-up: work list, assignment, answers, directives, supervision."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import attempt
from doithoai.followup import policies, selectors, services
from doithoai.followup.choices import AnswerState
from doithoai.followup.forms import (
    AnswerForm,
    AssignForm,
    DecideForm,
    ForwardForm,
)
from doithoai.followup.models import Answer, AnswerTemplate
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.views_helpers import read_uploads
from doithoai.synthesis.models import Issue


def _issue_for(request: HttpRequest, issue_id: int) -> Issue:
    issue = Issue.objects.select_related("round").filter(pk=issue_id).first()
    if issue is None or not policies.can_view_issue_followup(request.user, issue):
        raise Http404
    return issue


@login_required
def work_list(request: HttpRequest) -> HttpResponse:
    assignments = list(selectors.assignments_visible_to(user=request.user)[:300])
    directives = list(selectors.directives_visible_to(user=request.user)[:300])
    unassigned = [
        i
        for i in Issue.objects.filter(state="open").select_related("round")[:500]
        if policies.can_assign(request.user, i)
    ][:200]
    return render(
        request,
        "followup/work_list.html",
        {
            "assignments": [(a, selectors.assignment_overdue(a)) for a in assignments],
            "directives": [(d, selectors.directive_overdue(d)) for d in directives],
            "unassigned": unassigned,
        },
    )


@login_required
def issue_assign(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    if not policies.can_assign(request.user, issue):
        raise Http404
    unit_id = policies.issue_unit_id(issue)
    form = AssignForm(request.POST or None, unit_id=unit_id, initial={"lead": issue.department_id})
    forward = ForwardForm(request.POST if "to_body" in request.POST else None)
    if request.method == "POST":
        if "to_body" in request.POST and forward.is_valid():
            data = forward.cleaned_data
            if attempt(
                request,
                lambda: services.assignment_forward(
                    actor=request.user, issue=issue, to_body=data["to_body"], reason=data["reason"]
                ),
                _("Đã chuyển cơ quan có thẩm quyền."),
            ):
                return redirect("followup-work")
        elif "to_body" not in request.POST and form.is_valid():
            data = form.cleaned_data
            holder: dict[str, object] = {}

            def run() -> None:
                holder["a"] = services.issue_assign(
                    actor=request.user,
                    issue=issue,
                    lead=data["lead"],
                    cooperating=list(data["cooperating"]),
                    due_on=data["due_on"],
                )

            if attempt(request, run, _("Đã giao giải quyết.")):
                return redirect("followup-assignment", holder["a"].pk)  # type: ignore[attr-defined]
    return render(
        request, "followup/assign.html", {"issue": issue, "form": form, "forward": forward}
    )


@login_required
def assignment_detail(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = selectors.assignment_get_for(user=request.user, assignment_id=assignment_id)
    user = request.user
    answers = list(assignment.answers.prefetch_related("files"))
    rows = [
        {
            "answer": a,
            "editable": policies.can_edit_answer(user, a),
            "decide": policies.can_head_decide(user, a) or policies.can_leader_decide(user, a),
            "publish": policies.can_publish(user, a),
        }
        for a in answers
    ]
    draft_form = AnswerForm(request.POST or None)
    if request.method == "POST" and draft_form.is_valid():
        editing = next((a for a in answers if policies.can_edit_answer(user, a)), None)

        def run() -> None:
            files = check_uploads(read_uploads(request, MAX_FILE_BYTES))
            services.answer_draft(
                actor=user,
                assignment=assignment,
                text=draft_form.cleaned_data["text"],
                files=files,
                answer=editing,
            )

        if attempt(request, run, _("Đã lưu dự thảo trả lời.")):
            return redirect("followup-assignment", assignment.pk)
    templates = AnswerTemplate.objects.filter(organisation_id=assignment.lead_id or 0)[:50]
    can_draft = policies.can_draft(user, assignment) and not any(
        a.state not in (AnswerState.DRAFT, AnswerState.RETURNED, AnswerState.PUBLISHED)
        for a in answers
    )
    return render(
        request,
        "followup/assignment.html",
        {
            "assignment": assignment,
            "overdue": selectors.assignment_overdue(assignment),
            "rows": rows,
            "form": draft_form,
            "can_draft": can_draft,
            "templates": templates,
            "decide_form": DecideForm(),
        },
    )


def _answer(request: HttpRequest, answer_id: int) -> Answer:
    answer = Answer.objects.select_related("assignment").filter(pk=answer_id).first()
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
        "cong-khai": (
            lambda: services.answer_publish(actor=user, answer=answer),
            _("Đã gửi và công khai trả lời."),
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
    attempt(request, run, done)
    return redirect("followup-assignment", answer.assignment_id)


@login_required
@require_POST
def issue_resolve(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    attempt(
        request,
        lambda: services.issue_resolve(
            actor=request.user, issue=issue, note=request.POST.get("note", "")
        ),
        _("Đã ghi nhận vấn đề đã được giải quyết."),
    )
    return redirect(request.POST.get("next") or "followup-work")
