"""Staff pages: list with filters and search, detail with history, entry, triage, export."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doithoai.accounts.policies import unit_ids_with_role
from doithoai.accounts.types import Actor, acting_staff
from doithoai.core.events import events_for
from doithoai.core.flash import form_page_post, post_form
from doithoai.core.jobs import background_rows, job_offer, job_start
from doithoai.petitions import policies
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.export_jobs import EXPORT_JOB, export_is_large, filters_params
from doithoai.petitions.exports import petitions_xlsx
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.forms import (
    FilterForm,
    RoundSetForm,
    StaffPetitionForm,
    TransitionForm,
)
from doithoai.petitions.hooks import contact_viewed
from doithoai.petitions.round_model import Round
from doithoai.petitions.rounds import (
    intake_note,
    round_filter_choices,
    rounds_covering,
    short_title,
)
from doithoai.petitions.rows import ROW_FIELDS, list_rows
from doithoai.petitions.selectors import petition_get_for, petition_list_visible_to
from doithoai.petitions.services import petition_round_set, petition_submit, petition_transition
from doithoai.petitions.views_helpers import read_uploads
from doithoai.units.selectors import (
    participating_unit_choices,
    participating_units_within,
)


def _unit_choices(user: Actor) -> list[tuple[int, str]]:
    if policies.is_administrator(user):
        return participating_unit_choices(None)
    return participating_unit_choices(policies.area_of(user))


def _round_choices(user: Actor) -> list[tuple[int, str]]:
    if policies.is_administrator(user):
        return round_filter_choices(area=None, roots=set())
    return round_filter_choices(
        area=policies.area_of(user), roots=unit_ids_with_role(user, *policies.AREA_ROLES)
    )


def _filter_form(request: HttpRequest, units: list[tuple[int, str]]) -> FilterForm:
    """The one filter form of the list page and its export."""
    return FilterForm(request.GET or None, units=units, rounds=_round_choices(request.user))


def _filters(form: FilterForm) -> PetitionFilters:
    return PetitionFilters.from_form(form.cleaned_data if form.is_valid() else None)


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    units = _unit_choices(request.user)
    form = _filter_form(request, units)
    page = petition_list_visible_to(
        user=request.user,
        filters=_filters(form),
        cursor=request.GET.get("after"),
        only=ROW_FIELDS,
    )
    query = request.GET.copy()
    query.pop("after", None)
    context = {
        "form": form,
        "page": page,
        "rows": list_rows(page.items),
        "query": query.urlencode(),
        # As the staff home's "Nhập kiến nghị" link: the administrator lists every unit and
        # the leader the city's, but neither enters petitions on this form.
        "can_enter": bool(policies.entry_area(request.user)),
        "can_export": policies.can_export(request.user),
    }
    partial = getattr(request, "htmx", False)
    return render(
        request, "petitions/_rows.html" if partial else "petitions/staff_list.html", context
    )


@login_required
def petition_detail(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    show_personal = policies.can_see_personal_data(request.user, petition)
    if show_personal and not petition.anonymous:
        contact_viewed(user=request.user, petition_ids=[petition.pk], place="detail")
    return render(
        request,
        "petitions/staff_detail.html",
        {
            "petition": petition,
            "show_personal": show_personal,
            "can_triage": policies.can_transition(request.user, petition, "accepted"),
            "transition_form": TransitionForm(),
            "round_form": _round_form(request.user, petition),
            "events": events_for(petition),
        },
    )


def _round_form(user: Actor, petition: Any, data: Any = None) -> RoundSetForm | None:
    """The rounds a petition may move to (collecting, covering its unit: a handful), or None
    when the user may not move it."""
    if not policies.can_set_round(user, petition):
        return None
    rounds = [(r.pk, short_title(r.title)) for r in rounds_covering(petition.unit)]
    form = RoundSetForm(data, rounds=rounds, initial={"round": petition.round_id or ""})
    return form


@login_required
@require_POST
def petition_round_view(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    form = _round_form(request.user, petition, request.POST)
    if form is None:
        raise PermissionDenied
    target = None
    if form.is_valid() and form.cleaned_data["round"]:
        target = Round.objects.filter(pk=int(form.cleaned_data["round"])).first()
    return post_form(
        request,
        form,
        lambda data: petition_round_set(actor=request.user, petition=petition, round_=target),
        done=_("Đã chuyển kiến nghị sang kỳ đối thoại “%(title)s”.") % {"title": target.title}
        if target is not None
        else _("Đã chuyển kiến nghị ra ngoài các kỳ đối thoại (xử lý thường xuyên)."),
        invalid=_("Hãy chọn một kỳ đối thoại trong danh sách."),
        then=redirect("petition-detail", petition_id=petition.pk),
    )


@login_required
def petition_new_staff(request: HttpRequest) -> HttpResponse:
    units = participating_units_within(policies.entry_area(request.user))
    if not units.exists():
        raise PermissionDenied
    form = StaffPetitionForm(request.POST or None, units=units)
    saved = form_page_post(
        request,
        form,
        lambda data: (
            petition_submit(
                actor=request.user,
                data=form.to_input(data["channel"]),
                files=check_uploads(read_uploads(request, MAX_FILE_BYTES)),
                idempotency_key=request.POST.get("submission_token", "")[:64],
            ).petition
        ),
        done=lambda petition: (
            _("Đã ghi nhận kiến nghị, mã %(code)s.") % {"code": petition.code}
            + " "
            + intake_note(petition.round.title if petition.round else None)
        ),
        success=lambda petition: redirect("petition-detail", petition_id=petition.pk),
        errors_on_form=True,
    )
    if saved is not None:
        return saved
    token = request.POST.get("submission_token") or __import__("uuid").uuid4().hex
    return render(
        request,
        "petitions/staff_form.html",
        {"form": form, "token": token},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def petition_transition_view(request: HttpRequest, petition_id: int) -> HttpResponse:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    return post_form(
        request,
        TransitionForm(request.POST),
        lambda data: petition_transition(actor=request.user, petition=petition, **data),
        done=_("Đã cập nhật trạng thái."),
        invalid=_("Yêu cầu không hợp lệ."),
        then=redirect("petition-detail", petition_id=petition.pk),
    )


@login_required
@require_http_methods(["GET", "POST"])
def petition_export(request: HttpRequest) -> HttpResponse:
    """GET: the workbook at once, or above the limit a page whose button POSTs (same filters, in
    the query string) to start the export as a background job (core/jobs.py)."""
    if not policies.can_export(request.user):
        raise PermissionDenied
    filters = _filters(_filter_form(request, _unit_choices(request.user)))
    if request.method == "POST":
        job = job_start(actor=request.user, kind=EXPORT_JOB, params=filters_params(filters))
        return redirect("job-detail", job_id=job.pk)
    if export_is_large(user=request.user, filters=filters):
        back = reverse("petition-list") + (f"?{request.GET.urlencode()}" if request.GET else "")
        return job_offer(request, kind=EXPORT_JOB, items=background_rows(), more=True, back=back)
    data = petitions_xlsx(user=acting_staff(request.user), filters=filters)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="kien-nghi.xlsx"'
    return response
