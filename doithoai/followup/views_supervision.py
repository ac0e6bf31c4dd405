"""Staff pages of directive progress and MTTQ supervision."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core.flash import post_action, post_form
from doithoai.dialogues.models import Directive
from doithoai.followup import policies, selectors, services
from doithoai.followup.choices import ExtensionState
from doithoai.followup.forms import ExtensionForm, ProgressForm, RemarkForm
from doithoai.followup.models import ExtensionRequest
from doithoai.followup.views import _issue_for, evidence_file


@login_required
def directive_detail(request: HttpRequest, directive_id: int) -> HttpResponse:
    directive = selectors.directive_get_for(user=request.user, directive_id=directive_id)
    user = request.user
    if request.method == "POST":
        return _directive_post(request, directive)
    return render(
        request,
        "followup/directive.html",
        {
            "directive": directive,
            "overdue": selectors.directive_overdue(directive),
            "updates": directive.updates.all(),
            "extensions": directive.extensions.order_by("-id"),
            "remarks": directive.remarks.all(),
            "can_report": policies.can_report_progress(user, directive),
            "can_decide": policies.can_decide_extension(user, directive),
            "can_verify": policies.can_verify_directive(user, directive),
            "can_supervise": policies.can_supervise(user, directive.round.unit_id),
            "progress_form": ProgressForm(),
            "extension_form": ExtensionForm(),
        },
    )


def _directive_post(request: HttpRequest, directive: Directive) -> HttpResponse:
    """One step posted on a directive's page (`kind`); back to the page."""
    user, kind, text = request.user, request.POST.get("kind"), request.POST.get("text", "")
    back = redirect("followup-directive", directive.pk)
    if kind == "progress":
        return post_form(
            request,
            ProgressForm(request.POST),
            lambda data: services.directive_progress_add(
                actor=user,
                directive=directive,
                text=data["text"],
                percent=data["percent"],
                evidence=evidence_file(request),
            ),
            done=_("Đã cập nhật tiến độ."),
            invalid=_("Tỷ lệ hoàn thành phải từ 0 đến 100."),
            then=back,
        )
    if kind == "extension":
        return post_form(
            request,
            ExtensionForm(request.POST),
            lambda data: services.directive_extension_request(
                actor=user, directive=directive, **data
            ),
            done=_("Đã gửi đề nghị gia hạn."),
            invalid=_("Cần ghi ngày xin gia hạn và lý do."),
            then=back,
        )
    if kind in ("approve-extension", "refuse-extension"):
        pending = ExtensionRequest.objects.filter(
            directive=directive, state=ExtensionState.PENDING
        ).first()
        if pending is None:
            return back
        return post_action(
            request,
            lambda: services.directive_extension_decide(
                actor=user, request=pending, approve=kind == "approve-extension", note=text
            ),
            done=_("Đã quyết định gia hạn."),
            then=back,
        )
    steps: dict[str, tuple[Callable[[], object], str]] = {
        "done": (
            lambda: services.directive_complete(actor=user, directive=directive, text=text),
            _("Đã báo cáo hoàn thành."),
        ),
        "verify": (
            lambda: services.directive_verify(
                actor=user, directive=directive, agree=kind == "verify", reason=text
            ),
            _("Đã ghi nhận ý kiến giám sát."),
        ),
        "remark": (
            lambda: services.supervision_remark_add(actor=user, directive=directive, text=text),
            _("Đã ghi ý kiến giám sát."),
        ),
    }
    steps["reopen"] = steps["verify"]
    if kind is None or kind not in steps:
        return back
    run, done = steps[kind]
    return post_action(request, run, done=done, then=back)


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    issues = selectors.supervision_issues(user=request.user)
    if request.method == "POST":
        issue = _issue_for(request, int(request.POST.get("issue", "0") or 0))
        kind = request.POST.get("kind")
        text = request.POST.get("text", "")
        if kind == "remark":
            run: Callable[[], object] = lambda: services.supervision_remark_add(  # noqa: E731
                actor=request.user, issue=issue, text=text
            )
        else:
            run = lambda: services.issue_verify(  # noqa: E731
                actor=request.user, issue=issue, agree=kind == "verify", reason=text
            )
        return post_action(
            request,
            run,
            done=_("Đã ghi nhận ý kiến giám sát."),
            then=redirect(request.get_full_path()),
        )
    page = Paginator(issues, 25).get_page(request.GET.get("trang"))
    rows = [(issue, selectors.days_late(issue.due_on) if issue.late else 0) for issue in page]
    return render(
        request,
        "followup/supervision.html",
        {
            "rows": rows,
            "page": page,
            "query": "",
            "remark_form": RemarkForm(),
            "late": issues.filter(late=True).count(),
        },
    )
