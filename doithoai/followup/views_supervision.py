"""Staff pages of directive progress and MTTQ supervision."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core.flash import attempt
from doithoai.followup import policies, selectors, services
from doithoai.followup.choices import ExtensionState
from doithoai.followup.forms import ExtensionForm, ProgressForm, RemarkForm
from doithoai.followup.models import ExtensionRequest
from doithoai.followup.views import _issue_for
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.views_helpers import read_uploads


@login_required
def directive_detail(request: HttpRequest, directive_id: int) -> HttpResponse:
    directive = selectors.directive_get_for(user=request.user, directive_id=directive_id)
    user = request.user
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind == "progress":
            form = ProgressForm(request.POST)
            if form.is_valid():

                def progress() -> None:
                    files = check_uploads(read_uploads(request, MAX_FILE_BYTES))
                    services.directive_progress_add(
                        actor=user,
                        directive=directive,
                        text=form.cleaned_data["text"],
                        percent=form.cleaned_data["percent"],
                        evidence=files[0] if files else None,
                    )

                attempt(request, progress, _("Đã cập nhật tiến độ."))
            else:
                messages.error(request, _("Tỷ lệ hoàn thành phải từ 0 đến 100."))
        elif kind == "done":
            attempt(
                request,
                lambda: services.directive_complete(
                    actor=user, directive=directive, text=request.POST.get("text", "")
                ),
                _("Đã báo cáo hoàn thành."),
            )
        elif kind == "extension":
            ext = ExtensionForm(request.POST)
            if ext.is_valid():
                attempt(
                    request,
                    lambda: services.directive_extension_request(
                        actor=user, directive=directive, **ext.cleaned_data
                    ),
                    _("Đã gửi đề nghị gia hạn."),
                )
            else:
                messages.error(request, _("Cần ghi ngày xin gia hạn và lý do."))
        elif kind in ("approve-extension", "refuse-extension"):
            req = ExtensionRequest.objects.filter(
                directive=directive, state=ExtensionState.PENDING
            ).first()
            if req is not None:
                attempt(
                    request,
                    lambda: services.directive_extension_decide(
                        actor=user,
                        request=req,
                        approve=kind == "approve-extension",
                        note=request.POST.get("text", ""),
                    ),
                    _("Đã quyết định gia hạn."),
                )
        elif kind in ("verify", "reopen"):
            attempt(
                request,
                lambda: services.directive_verify(
                    actor=user,
                    directive=directive,
                    agree=kind == "verify",
                    reason=request.POST.get("text", ""),
                ),
                _("Đã ghi nhận ý kiến giám sát."),
            )
        elif kind == "remark":
            attempt(
                request,
                lambda: services.supervision_remark_add(
                    actor=user, directive=directive, text=request.POST.get("text", "")
                ),
                _("Đã ghi ý kiến giám sát."),
            )
        return redirect("followup-directive", directive.pk)
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
        attempt(request, run, _("Đã ghi nhận ý kiến giám sát."))
        return redirect(request.get_full_path())
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
