"""Staff pages of a round: the plan, its tasks, invitees, invitations and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods, require_POST

from doithoai.accounts.models import Role
from doithoai.accounts.policies import unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.core.document_kinds import (
    CONTENT_TYPES,
    FILE_STEMS,
    DocumentUnavailable,
    document_render,
    render_all_as_pdf,
    render_as,
)
from doithoai.core.flash import attempt_result, form_errors, form_page_post, post_action
from doithoai.core.jobs import document_in_background, job_offer, job_start
from doithoai.core.storage import generated_download
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.document_jobs import INVITATIONS_JOB, invitations_params
from doithoai.dialogues.documents.invitations import build_invitations, build_invitee_invitation
from doithoai.dialogues.forms import InviteeForm, PlanForm, TaskForm
from doithoai.dialogues.models import (
    ROUND_TRANSITIONS,
    ChairRole,
    ParticipantGroup,
    Round,
    RoundState,
    Task,
)
from doithoai.dialogues.services.plan import PLAN_FIELDS
from doithoai.dialogues.views_helpers import qr_svg
from doithoai.petitions.models import Topic
from doithoai.units.models import Organisation, Unit

DOCUMENT_KINDS = ("plan", "invitation", "minutes", "conclusion", "results")
DOCUMENT_LABELS = {
    "plan": _l("Kế hoạch"),
    "invitation": _l("Giấy mời"),
    "minutes": _l("Biên bản hội nghị"),
    "conclusion": _l("Thông báo kết luận"),
    "results": _l("Báo cáo kết quả giải quyết"),
}
# What the round page's buttons say and what the page reports once the move is done.
TRANSITION_BUTTONS: dict[str, Promise] = {
    RoundState.DRAFT: _l("Trả kế hoạch về dự thảo"),
    RoundState.APPROVED: _l("Phê duyệt kế hoạch"),
    RoundState.ANNOUNCED: _l("Thông báo công khai kỳ đối thoại"),
    RoundState.HELD: _l("Xác nhận đã tổ chức hội nghị"),
    RoundState.CONCLUDED: _l("Kết luận kỳ đối thoại…"),
}
TRANSITION_DONE: dict[str, Promise] = {
    RoundState.DRAFT: _l("Đã trả kế hoạch về dự thảo để sửa."),
    RoundState.APPROVED: _l("Đã phê duyệt kế hoạch. Văn phòng có thể thông báo công khai."),
    RoundState.ANNOUNCED: _l(
        "Đã thông báo kỳ đối thoại: trang công khai và bản thông báo để in đã mở."
    ),
    RoundState.HELD: _l("Đã ghi nhận hội nghị đã tổ chức. Lãnh đạo có thể kết luận."),
}
NEXT_STEP_HINTS: dict[str, Promise] = {
    RoundState.APPROVED: _l("Bước tiếp theo: lãnh đạo phê duyệt kế hoạch."),
    RoundState.ANNOUNCED: _l("Bước tiếp theo: Văn phòng thông báo công khai."),
    RoundState.HELD: _l("Bước tiếp theo: Văn phòng xác nhận đã tổ chức hội nghị."),
    RoundState.CONCLUDED: _l("Bước tiếp theo: lãnh đạo kết luận kỳ đối thoại."),
}


def _task_organisations(round_: Round) -> QuerySet[Organisation]:
    """Who a task can be given to: the round unit's organisations and those directly under them
    (each ward's committee and front), the unit's own first."""
    return (
        Organisation.objects.filter(Q(unit=round_.unit) | Q(parent__unit=round_.unit), active=True)
        .select_related("unit")
        .order_by(F("parent").asc(nulls_first=True), "unit__name", "name")
    )


def _new_round_organisation(user: Actor) -> Organisation | None:
    """The People's Committee a new round is opened for: that of the secretariat's unit (None
    for every other role, who sees no "new round" link)."""
    units = sorted(unit_ids_with_role(user, Role.SECRETARIAT))
    return Organisation.objects.filter(unit_id__in=units, code="ubnd").first()


@login_required
def round_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "dialogues/index.html",
        {
            "rounds": selectors.rounds_visible_to(user=request.user),
            "can_create": _new_round_organisation(request.user) is not None,
        },
    )


@login_required
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    moves = [
        (state, TRANSITION_BUTTONS[state])
        for state in sorted(ROUND_TRANSITIONS[round_.state])
        if policies.can_transition(request.user, round_, state)
    ]
    waiting = [
        NEXT_STEP_HINTS[state]
        for state in sorted(ROUND_TRANSITIONS[round_.state])
        if state in NEXT_STEP_HINTS and not policies.can_transition(request.user, round_, state)
    ]
    return render(
        request,
        "dialogues/round.html",
        {
            "round": round_,
            "moves": moves,
            "waiting": waiting,
            "tasks": round_.tasks.select_related("organisation").annotate(
                n_updates=Count("updates")
            ),
            "invitees": round_.invitees.select_related("unit"),
            "focus": round_.focus_topics.all(),
            "chairs": round_.chairs.all(),
            "can_edit": policies.can_edit_plan(request.user, round_),
            "can_register": policies.can_invite(request.user, round_),
            "invitee_form": InviteeForm(),
            "organisations": _task_organisations(round_),
            "groups": ParticipantGroup.choices,
            "kinds": [(kind, DOCUMENT_LABELS[kind]) for kind in DOCUMENT_KINDS],
        },
    )


@login_required
@require_POST
def round_transition(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    to_state = request.POST.get("state", "")
    if to_state == RoundState.CONCLUDED:
        return redirect("dialogue-conclude", round_.pk)  # only through the confirmation page
    return post_action(
        request,
        lambda: services.round_transition(actor=request.user, round_=round_, to_state=to_state),
        done=str(TRANSITION_DONE.get(to_state, _("Đã chuyển trạng thái kỳ đối thoại."))),
        then=redirect("dialogue-round", round_.pk),
    )


@login_required
@require_POST
def task_transition(request: HttpRequest, task_id: int) -> HttpResponse:
    task = Task.objects.filter(pk=task_id).select_related("round").first()
    if task is None or not policies.can_view(request.user, task.round):
        raise Http404
    to_state = request.POST.get("state", "")
    return post_action(
        request,
        lambda: services.task_transition(actor=request.user, task=task, to_state=to_state),
        done=_("Đã cập nhật nhiệm vụ."),
        then=redirect("dialogue-round", task.round_id),
    )


@login_required
@require_POST
def invitee_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    form = InviteeForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("dialogue-round", round_.pk)
    data = form.cleaned_data
    unit = Unit.objects.filter(pk=data["unit"]).first() if data.get("unit") else None
    if unit is None:
        own = sorted(unit_ids_with_role(request.user, Role.WARD_OFFICER))
        unit = Unit.objects.filter(pk=own[0]).first() if own else None
    return post_action(
        request,
        lambda: services.invitee_add(
            actor=request.user,
            round_=round_,
            name=data["name"],
            group=data["group"],
            unit=unit,
            title=data["title"],
        ),
        done=_("Đã thêm đại biểu vào danh sách mời."),
        then=redirect("dialogue-round", round_.pk),
    )


@login_required
def invitation(request: HttpRequest, round_id: int, invitee_id: int) -> HttpResponse:
    """A printable invitation (giấy mời) of one invitee with the QR code used at check-in."""
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    # Only those who print the invitations see one (its QR code checks the invitee in).
    printable = selectors.invitees_to_print(user=request.user, round_=round_)
    invitee = printable.filter(pk=invitee_id).first()
    if invitee is None:
        raise Http404
    url = request.build_absolute_uri(
        reverse("dialogue-checkin-scan", args=[round_.pk, invitee.token])
    )
    return render(
        request,
        "dialogues/invitation.html",
        {
            "round": round_,
            "invitee": invitee,
            "qr": qr_svg(url),
            "scan_url": url,
            "chairs": round_.chairs.all(),
        },
    )


def _file_response(data: bytes, fmt: str, name: str) -> HttpResponse:
    return generated_download(data, filename=f"{name}.{fmt}", content_type=CONTENT_TYPES[fmt])


@login_required
@require_http_methods(["GET", "POST"])
def invitations_pdf(request: HttpRequest, round_id: int) -> HttpResponse:
    """Every invitation the user may print, one page each, in one PDF: at once for a few; above
    DOITHOAI_DOCUMENT_BACKGROUND_ITEMS a page whose button POSTs here to make it as a background
    job (dialogues/document_jobs.py)."""
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    invitees = list(selectors.invitees_to_print(user=request.user, round_=round_))
    if not invitees:
        if policies.invitation_units(request.user, round_) == set():
            raise Http404
        return render(
            request,
            "dialogues/document_missing.html",
            {"round": round_, "error": _("Chưa có đại biểu nào để in giấy mời.")},
            status=404,
        )
    if request.method == "POST":
        job = job_start(
            actor=request.user, kind=INVITATIONS_JOB, params=invitations_params(round_.pk)
        )
        return redirect("job-detail", job_id=job.pk)
    if document_in_background(len(invitees)):
        back = reverse("dialogue-round", args=[round_.pk])
        return job_offer(request, kind=INVITATIONS_JOB, items=len(invitees), back=back)
    data = render_all_as_pdf(build_invitations(round_, invitees))
    return _file_response(data, "pdf", f"giay-moi-dai-bieu-{round_.pk}")


@login_required
def invitation_file(request: HttpRequest, round_id: int, invitee_id: int, fmt: str) -> HttpResponse:
    """One invitee's invitation as DOCX or PDF."""
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    invitee = selectors.invitees_to_print(user=request.user, round_=round_).filter(pk=invitee_id)
    found = invitee.first()
    if found is None or fmt not in CONTENT_TYPES:
        raise Http404
    document = build_invitee_invitation(round_, found)
    data = render_as(document, fmt)
    return _file_response(data, fmt, f"giay-moi-{round_.pk}-{found.pk}")


@login_required
def document(request: HttpRequest, round_id: int, kind: str, fmt: str) -> HttpResponse:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    try:
        data = document_render(round_, kind, fmt)
    except DocumentUnavailable as error:
        return render(
            request,
            "dialogues/document_missing.html",
            {"round": round_, "error": str(error)},
            status=404,
        )
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{FILE_STEMS[kind]}-{round_.pk}.{fmt}"'
    return response


@login_required
def plan_edit(request: HttpRequest, round_id: int) -> HttpResponse:
    """Edit the plan's content (secretariat); the service freezes it once the round is held."""
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    if not policies.can_edit_plan(request.user, round_):
        raise Http404
    initial = {name: getattr(round_, name) for name in PLAN_FIELDS}
    form = PlanForm(request.POST or None, initial=initial)

    def save(data: dict[str, object]) -> object:
        changes = {k: v for k, v in data.items() if v != initial.get(k)}
        for key in ("document_number", "venue", "online_link", "purposes", "participants"):
            if changes.get(key) is None and key in changes:
                changes[key] = ""
        return services.round_update_plan(actor=request.user, round_=round_, changes=changes)

    saved = form_page_post(
        request,
        form,
        save,
        done=_("Đã lưu kế hoạch."),
        success=lambda _result: redirect("dialogue-round", round_.pk),
        report_errors=True,
    )
    if saved is not None:
        return saved
    return render(
        request,
        "dialogues/plan_edit.html",
        {
            "round": round_,
            "form": form,
            "focus": round_.focus_topics.select_related("topic"),
            "chairs": round_.chairs.all(),
            "topics": Topic.objects.filter(active=True).order_by("name"),
            "chair_roles": ChairRole.choices,
            "lists_editable": round_.state not in (RoundState.HELD, RoundState.CONCLUDED),
        },
    )


@login_required
@require_POST
def task_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    form = TaskForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect("dialogue-round", round_.pk)
    data = form.cleaned_data
    organisation = _task_organisations(round_).filter(pk=data["organisation"]).first()
    if organisation is None:
        messages.error(request, _("Vui lòng chọn cơ quan thực hiện."))
        return redirect("dialogue-round", round_.pk)
    return post_action(
        request,
        lambda: services.task_create(
            actor=request.user,
            round_=round_,
            group=data["group"],
            organisation=organisation,
            text=data["text"],
            due_on=data["due_on"],
        ),
        done=_("Đã thêm nhiệm vụ."),
        then=redirect("dialogue-round", round_.pk),
    )


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    """Open a new round for the People's Committee of the secretariat's unit."""
    organisation = _new_round_organisation(request.user)
    if organisation is None:
        raise Http404
    if request.method == "POST":
        title = request.POST.get("title", "")
        done, created = attempt_result(
            request,
            lambda: services.round_create(
                actor=request.user, organisation=organisation, title=title
            ),
            _("Đã tạo kỳ đối thoại (dự thảo)."),
        )
        if done:
            return redirect("dialogue-plan-edit", created.pk)
    return render(request, "dialogues/round_new.html", {"organisation": organisation})
