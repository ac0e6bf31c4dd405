"""The plan's tasks for those who carry them out: "my tasks", a task's reports (their evidence
files download through views_files)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core.flash import form_page_post
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.forms import TaskReportForm
from doithoai.petitions.attachments import MAX_FILE_BYTES

PAGE_SIZE = 25


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.tasks_of(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return render(request, "dialogues/my_tasks.html", {"page": page})


def _evidence(request: HttpRequest) -> tuple[str, bytes] | None:
    uploaded = request.FILES.get("evidence")
    if uploaded is None:
        return None
    if uploaded.size and uploaded.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("Tệp %(name)s quá lớn (tối đa %(mb)d MB).")
            % {"name": uploaded.name, "mb": MAX_FILE_BYTES // 2**20}
        )
    return (uploaded.name or "tep", uploaded.read())


@login_required
def task_page(request: HttpRequest, task_id: int) -> HttpResponse:
    """A task with its reports; its organisation, a ward under it or the secretariat reports."""
    task = selectors.task_get_for(user=request.user, task_id=task_id)
    can_report = policies.can_report_task(request.user, task)
    form = TaskReportForm(request.POST or None)
    if request.method == "POST" and not can_report:
        raise Http404
    # The evidence file is read inside the action: a refused file is reported as a message.
    saved = form_page_post(
        request,
        form,
        lambda data: services.task_report(
            actor=request.user, task=task, evidence=_evidence(request), **data
        ),
        done=_("Đã ghi nhận tiến độ nhiệm vụ."),
        success=lambda _result: redirect("dialogue-task", task.pk),
        report_errors=True,
    )
    if saved is not None:
        return saved
    return render(
        request,
        "dialogues/task.html",
        {
            "task": task,
            "round": task.round,
            "form": form,
            "can_report": can_report,
            "moves_task": policies.can_update_task(request.user, task.round, task.organisation_id),
            "updates": selectors.task_updates_for(user=request.user, task=task)[:50],
            "max_mb": MAX_FILE_BYTES // 2**20,
        },
    )
