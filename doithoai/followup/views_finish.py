"""Staff pages: bulk assignment with its confirmation, the publish step, finishing an issue
(resolved, verified, closed) and the per-organisation settings."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator
from doithoai.accounts.types import Actor
from doithoai.core.flash import attempt, attempt_result, post_action, post_form
from doithoai.followup import policies, selectors, services
from doithoai.followup.forms import ResolveForm, SettingForm
from doithoai.followup.models import FollowupSetting
from doithoai.followup.services.answers import publication_problems
from doithoai.followup.services.bulk import BULK_LIMIT, BulkResult
from doithoai.followup.services.common import issue_title_confirmed
from doithoai.followup.views import (
    _answer,
    _int,
    _issue_for,
    evidence_file,
    issue_filters,
    safe_next,
)
from doithoai.units.models import Organisation, OrganisationKind

SKIPS_SHOWN = 50


def _unassigned_list() -> str:
    return reverse("followup-work") + "?ds=chua-giao"


@login_required
@require_POST
def bulk_assign(request: HttpRequest) -> HttpResponse:
    """Assign the chosen issues (`issue`, repeated) or a whole theme (`round`, `topic`, `area`) to
    their suggested departments: first a confirmation page, then (`confirm`) the service."""
    user = request.user
    if not policies.can_bulk_assign(user):
        raise Http404
    back = safe_next(request) or _unassigned_list()
    raw = request.POST.getlist("issue")
    ids = [n for n in (_int(v) for v in raw[:BULK_LIMIT]) if n is not None]
    theme = issue_filters(request.POST)
    if raw and not ids:
        messages.error(request, _("Danh sách vấn đề không hợp lệ."))
        return redirect(back)
    if not ids and not theme.round_id:
        messages.error(request, _("Hãy chọn ít nhất một vấn đề, hoặc một chủ đề của một kỳ."))
        return redirect(back)
    issues = selectors.issues_for_bulk(user=user, issue_ids=ids or None, theme=theme)
    if request.POST.get("confirm") == "1":
        done, result = attempt_result(
            request,
            lambda: services.issues_assign_suggested(actor=user, issues=issues),
            _("Đã giao giải quyết theo đề xuất."),
        )
        if done:
            _report_bulk(request, result)
        return redirect(back)
    plan = services.issues_assign_preview(actor=user, issues=issues)
    return render(
        request,
        "followup/bulk_assign.html",
        {
            "plan": plan,
            "groups": plan.groups,
            "total": len(plan.ready),
            "skipped": plan.skipped[:SKIPS_SHOWN],
            "more_skipped": max(0, len(plan.skipped) - SKIPS_SHOWN),
            "ids": ids,
            "theme": theme if not ids else None,
            "next": back,
        },
    )


def _report_bulk(request: HttpRequest, result: BulkResult) -> None:
    """What a bulk assignment did: counts, and the first skipped issues with the reason."""
    messages.info(
        request,
        _("Đã giao %(n)s vấn đề; bỏ qua %(m)s vấn đề.")
        % {"n": len(result.assigned), "m": len(result.skipped)},
    )
    for skipped in result.skipped[:10]:
        messages.warning(request, f"{skipped.issue.title[:120]} — {skipped.reason}")


@login_required
def answer_publish(request: HttpRequest, answer_id: int) -> HttpResponse:
    """The publish step: the secretariat reads the title and the answer as the public will see
    them, sees what the personal-data check found, confirms, and publishes."""
    answer = _answer(request, answer_id)
    if not policies.can_publish(request.user, answer):
        raise Http404
    if request.method == "POST":
        title = request.POST.get("title")
        if request.POST.get("confirmed") != "1":
            messages.error(request, _("Hãy đánh dấu xác nhận đã đọc lại trước khi công khai."))
        elif attempt(
            request,
            lambda: services.answer_publish(
                actor=request.user, answer=answer, title=title[:300] if title else None
            ),
            _("Đã gửi và công khai trả lời."),
        ):
            return redirect("followup-assignment", answer.assignment_id)
    issue = answer.assignment.issue
    return render(
        request,
        "followup/publish.html",
        {
            "answer": answer,
            "issue": issue,
            "problems": publication_problems(answer, title=False),
            "title_confirmed": issue is None or issue_title_confirmed(issue),
        },
    )


@login_required
@require_POST
def issue_resolve(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    note = ResolveForm(request.POST).data.get("note", "")
    return post_action(
        request,
        lambda: services.issue_resolve(
            actor=request.user, issue=issue, note=note, evidence=evidence_file(request)
        ),
        done=_("Đã ghi nhận vấn đề đã được giải quyết; người gửi được thông báo."),
        then=redirect(safe_next(request) or reverse("followup-work") + "?ds=ket-qua"),
    )


@login_required
@require_POST
def issue_verify(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    agree = request.POST.get("verdict") == "verified"
    return post_action(
        request,
        lambda: services.issue_verify(
            actor=request.user, issue=issue, agree=agree, reason=request.POST.get("remark", "")
        ),
        done=_("Đã ghi nhận xác nhận của Mặt trận.")
        if agree
        else _("Đã ghi nhận chưa giải quyết; vấn đề được trả lại cơ quan chủ trì."),
        then=redirect(safe_next(request) or reverse("followup-work") + "?ds=xac-nhan"),
    )


@login_required
@require_POST
def issue_close(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_for(request, issue_id)
    return post_action(
        request,
        lambda: services.issue_close(
            actor=request.user, issue=issue, reason=request.POST.get("reason", "")
        ),
        done=_("Đã kết thúc vấn đề."),
        then=redirect(safe_next(request) or "followup-work"),
    )


def _setting_organisations(user: Actor) -> Any:
    qs = Organisation.objects.filter(kind=OrganisationKind.PEOPLES_COMMITTEE, active=True)
    if not is_administrator(user):
        qs = qs.filter(unit_id__in=area_ids(user, Role.SECRETARIAT))
    return qs.select_related("unit").order_by("unit__code", "name")


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Per organisation: leader approval of answers, MTTQ verification, reminder days."""
    user = request.user
    organisations = _setting_organisations(user)
    if not is_administrator(user) and not area_ids(user, Role.SECRETARIAT):
        raise Http404
    if request.method == "POST":
        organisation = organisations.filter(pk=_int(request.POST.get("organisation"))).first()
        if organisation is None:
            raise Http404
        return post_form(
            request,
            SettingForm(request.POST),
            lambda data: services.followup_setting_update(
                actor=user, organisation=organisation, **data
            ),
            done=_("Đã lưu cấu hình của %(name)s.") % {"name": organisation.name},
            invalid=_("Số ngày nhắc trước hạn phải từ 0 đến 30."),
            then=redirect(request.get_full_path()),
        )
    page = Paginator(organisations, 30).get_page(request.GET.get("trang"))
    saved = {
        s.organisation_id: s
        for s in FollowupSetting.objects.filter(organisation__in=[o.pk for o in page])
    }
    rows = []
    for organisation in page:
        setting = saved.get(organisation.pk) or FollowupSetting(organisation=organisation)
        rows.append({"organisation": organisation, "setting": setting})
    return render(request, "followup/settings.html", {"page": page, "rows": rows})
