"""The data-protection officer's pages: requests (list, new, detail and actions), the log of who
viewed contact details, retention. Everyone else gets 404, as for a page that does not exist."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from doithoai.accounts.models import Role
from doithoai.accounts.policies import active_memberships
from doithoai.accounts.types import Actor
from doithoai.core.events import choice_label, events_for
from doithoai.core.flash import form_page_post, post_action
from doithoai.dataprotection import policies, rules, selectors
from doithoai.dataprotection.forms import (
    CloseForm,
    CorrectionForm,
    ExtendForm,
    ListFilterForm,
    RequestForm,
    ViewLogFilterForm,
)
from doithoai.dataprotection.models import (
    OPEN_STATES,
    DataSubjectRequest,
    RequestKind,
    RequestState,
    RetentionRun,
)
from doithoai.dataprotection.services import (
    personal_data_export,
    request_acknowledge,
    request_carry_out,
    request_close,
    request_extend,
    request_receive,
    retention_preview,
)
from doithoai.petitions.choices import LegalKind
from doithoai.units.models import Organisation

REQUESTS_PER_PAGE = 25
LOG_PER_PAGE = 50
KIND_ACTIONS = {
    RequestKind.ACCESS: "export",
    RequestKind.CORRECTION: "correct",
    RequestKind.ERASURE: "erase",
    RequestKind.WITHDRAWAL: "stop",
    RequestKind.RESTRICTION: "stop",
    RequestKind.OBJECTION: "stop",
}


def _officer(request: HttpRequest) -> None:
    if not policies.is_dpo(request.user):
        raise Http404


def _organisations(user: Actor) -> list[tuple[int, str]]:
    ids = [
        m.organisation_id
        for m in active_memberships(user)
        if m.role == Role.DATA_PROTECTION_OFFICER
    ]
    return [(o.pk, o.name) for o in Organisation.objects.filter(pk__in=ids).order_by("name")]


def _status(row: DataSubjectRequest, today: Any) -> str:
    if row.state not in OPEN_STATES:
        return "closed"
    if row.due_on < today:
        return "overdue"
    if row.state == RequestState.RECEIVED and row.acknowledge_by < today:
        return "ack_overdue"
    if (row.due_on - today).days <= 3:
        return "due_soon"
    return "open"


@never_cache
@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    _officer(request)
    form = ListFilterForm(request.GET or None)
    state = kind = ""
    if form.is_valid():
        state, kind = form.cleaned_data["trang_thai"], form.cleaned_data["loai"]
    qs = selectors.request_list_for(user=request.user, state=state, kind=kind)
    page = Paginator(qs, REQUESTS_PER_PAGE).get_page(request.GET.get("trang"))
    today = timezone.localdate()
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "dataprotection/request_list.html",
        {
            "form": form,
            "page": page,
            "rows": [(r, _status(r, today)) for r in page.object_list],
            "query": query.urlencode(),
        },
    )


@never_cache
@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    _officer(request)
    organisations = _organisations(request.user)
    form = RequestForm(request.POST or None, organisations=organisations)
    saved = form_page_post(
        request,
        form,
        lambda data: request_receive(
            actor=request.user,
            organisation=Organisation.objects.get(pk=data["organisation"]),
            **{k: v for k, v in data.items() if k != "organisation"},
        ),
        done=_("Đã ghi nhận yêu cầu. Hạn xác nhận và hạn hoàn thành đã được tính."),
        success=lambda created: redirect("dp-request-detail", request_id=created.pk),
        errors_on_form=True,
    )
    if saved is not None:
        return saved
    return render(
        request,
        "dataprotection/request_new.html",
        {"form": form, "rules": rules},
    )


@never_cache
@login_required
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    _officer(request)
    dsr = selectors.request_get_for(user=request.user, request_id=request_id)
    return _detail(request, dsr)


def _detail(request: HttpRequest, dsr: DataSubjectRequest, **extra: Any) -> HttpResponse:
    matches = selectors.request_matches(user=request.user, request=dsr)
    return render(
        request,
        "dataprotection/request_detail.html",
        {
            "dsr": dsr,
            "status": _status(dsr, timezone.localdate()),
            "is_open": dsr.state in OPEN_STATES,
            "action": KIND_ACTIONS[RequestKind(dsr.kind)],
            "matches": matches,
            "correction_form": extra.get("correction_form") or CorrectionForm(),
            "extend_form": ExtendForm(),
            "close_form": CloseForm(),
            "events": events_for(dsr),
        },
    )


@require_POST
@login_required
def request_step(request: HttpRequest, request_id: int, step: str) -> HttpResponse:
    _officer(request)
    dsr = selectors.request_get_for(user=request.user, request_id=request_id)
    post = request.POST
    steps: dict[str, tuple[Callable[[], object], str]] = {
        "xac-nhan": (
            lambda: request_acknowledge(actor=request.user, request=dsr),
            _("Đã ghi nhận việc xác nhận với người yêu cầu."),
        ),
        "gia-han": (
            lambda: request_extend(actor=request.user, request=dsr, reason=post.get("reason", "")),
            _("Đã gia hạn thêm 15 ngày."),
        ),
        "ket-thuc": (
            lambda: request_close(
                actor=request.user,
                request=dsr,
                state=post.get("state", ""),
                outcome=post.get("outcome", ""),
            ),
            _("Đã kết thúc yêu cầu."),
        ),
    }
    if step not in steps:
        raise Http404
    run, done = steps[step]
    return post_action(
        request, run, done=done, then=redirect("dp-request-detail", request_id=dsr.pk)
    )


def _ticked(request: HttpRequest) -> list[int]:
    out = []
    for value in request.POST.getlist("petition"):
        if value.isdigit():
            out.append(int(value))
    return out


@require_POST
@never_cache
@login_required
def request_act(request: HttpRequest, request_id: int) -> HttpResponse:
    _officer(request)
    dsr = selectors.request_get_for(user=request.user, request_id=request_id)
    petitions = selectors.petitions_for_action(
        user=request.user, request=dsr, petition_ids=_ticked(request)
    )
    action = request.POST.get("action", "")
    if action in ("export_xlsx", "export_json"):
        fmt = action.removeprefix("export_")
        try:
            data = personal_data_export(
                actor=request.user, request=dsr, petitions=petitions, fmt=fmt
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect("dp-request-detail", request_id=dsr.pk)
        content_type = (
            "application/json"
            if fmt == "json"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response = HttpResponse(data, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-{dsr.pk}.{fmt}"'
        return response
    correction = CorrectionForm(request.POST if action == "correct" else None)
    changes = correction.cleaned_data if correction.is_valid() else {}
    done = {
        "correct": _("Đã chỉnh sửa thông tin người gửi."),
        "stop": _("Đã ngừng gửi thông báo cho người này."),
        "erase": _("Đã xóa dữ liệu cá nhân (ẩn danh hóa); hồ sơ và lịch sử xử lý được giữ lại."),
    }
    return post_action(
        request,
        lambda: request_carry_out(
            actor=request.user, request=dsr, action=action, petitions=petitions, changes=changes
        ),
        done=str(done.get(action, "")),
        then=redirect("dp-request-detail", request_id=dsr.pk),
    )


@never_cache
@login_required
def view_log(request: HttpRequest) -> HttpResponse:
    _officer(request)
    form = ViewLogFilterForm(request.GET or None)
    filters = selectors.ViewLogFilters()
    if form.is_valid():
        filters = selectors.ViewLogFilters(
            username=form.cleaned_data["nguoi"] or "",
            date_from=form.cleaned_data["tu_ngay"],
            date_to=form.cleaned_data["den_ngay"],
        )
    qs = selectors.view_log_for(user=request.user, filters=filters)
    page = Paginator(qs, LOG_PER_PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(
        request,
        "dataprotection/view_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@never_cache
@login_required
def retention(request: HttpRequest) -> HttpResponse:
    _officer(request)
    report = retention_preview(user=request.user)
    rows = [(choice_label(LegalKind, k.kind), k) for k in report.kinds]
    return render(
        request,
        "dataprotection/retention.html",
        {
            "report": report,
            "rows": rows,
            "runs": RetentionRun.objects.all()[:20],
        },
    )
