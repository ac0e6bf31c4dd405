"""The page of the Front's synthesis report: figures, texts, themes (paged, each summary saved in
place with htmx), approval, history and the DOCX/PDF files.

Read: `policies.can_view_report` (secretariat, leader, MTTQ of the round's area); write:
`policies.can_edit_report` (MTTQ of the round's level). Anyone else gets 404, also on the
files (`report_file` answers the round's generic document URL for this kind too).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from doithoai.core.document_kinds import render_as
from doithoai.core.events import events_for
from doithoai.core.flash import attempt, form_page_post, post_action
from doithoai.core.storage import generated_download
from doithoai.synthesis import policies
from doithoai.synthesis.documents import build_synthesis_report
from doithoai.synthesis.forms_report import ReportForm
from doithoai.synthesis.models import ReportState, SynthesisReport, SynthesisReportTheme
from doithoai.synthesis.selectors_report import (
    ReportTheme,
    report_facts,
    report_of,
    report_round_for,
)
from doithoai.synthesis.services_report import (
    synthesis_report_approve,
    synthesis_report_draft,
    synthesis_report_refresh,
    synthesis_report_theme_set,
    synthesis_report_unapprove,
    synthesis_report_update,
)

THEMES_PER_PAGE = 20
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass
class ThemeRow:
    theme: ReportTheme
    row: SynthesisReportTheme | None

    @property
    def summary(self) -> str:
        return self.row.summary if self.row is not None else ""


def _page_url(round_id: int) -> str:
    return reverse("synthesis-report", args=[round_id])


def _report_or_404(round_id: int, request: HttpRequest) -> SynthesisReport:
    round_ = report_round_for(user=request.user, round_id=round_id)
    report = report_of(round_)
    if report is None:
        raise Http404
    return report


def _theme_rows(report: SynthesisReport | None, themes: list[ReportTheme]) -> list[ThemeRow]:
    rows = {t.key: t for t in report.themes.all()} if report is not None else {}
    return [ThemeRow(theme, rows.get(theme.key)) for theme in themes]


@login_required
def report(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = report_round_for(user=request.user, round_id=round_id)
    found = report_of(round_)
    can_edit = policies.can_edit_report(request.user, round_)
    editable = can_edit and found is not None and found.state == ReportState.DRAFT
    form = None
    if editable and found is not None:
        initial = {
            "report_date": found.report_date,
            "opening": found.opening,
            "proposals": found.proposals,
            "signer_title": found.signer_title,
            "signer_name": found.signer_name,
        }
        form = ReportForm(request.POST or None, initial=initial, theme_keys=[])
        saved = form_page_post(
            request,
            form,
            lambda data: synthesis_report_update(
                actor=request.user,
                report=found,
                opening=data["opening"],
                proposals=data["proposals"],
                report_date=data["report_date"],
                signer_title=data["signer_title"],
                signer_name=data["signer_name"],
            ),
            done=_("Đã lưu nội dung báo cáo."),
            success=lambda _result: redirect(_page_url(round_.pk)),
        )
        if saved is not None:
            return saved
    elif request.method == "POST":
        raise Http404
    facts = report_facts(round_)
    page = Paginator(facts.themes, THEMES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "round": round_,
        "report": found,
        "facts": facts,
        "form": form,
        "can_edit": can_edit,
        "editable": editable,
        "themes": page,
        "theme_rows": _theme_rows(found, list(page.object_list)),
        "events": list(events_for(found).order_by("-id")[:20]) if found is not None else [],
    }
    invalid = form is not None and form.is_bound and not form.is_valid()
    return render(request, "synthesis/report.html", context, status=400 if invalid else 200)


@login_required
@require_POST
def report_draft(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = report_round_for(user=request.user, round_id=round_id)
    if not policies.can_edit_report(request.user, round_):
        raise Http404
    return post_action(
        request,
        lambda: synthesis_report_draft(actor=request.user, round_=round_),
        done=_("Đã lập dự thảo báo cáo tổng hợp từ kết quả tổng hợp, phân loại."),
        then=redirect(_page_url(round_.pk)),
    )


def _write(request: HttpRequest, round_id: int) -> SynthesisReport:
    found = _report_or_404(round_id, request)
    if not policies.can_edit_report(request.user, found.round):
        raise Http404
    return found


def _report_step(
    step: Callable[[Any, SynthesisReport, HttpRequest], object], done: Promise
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A button of the report page: run `step` on the round's report, report it, back to the
    page."""

    @login_required
    @require_POST
    def view(request: HttpRequest, round_id: int) -> HttpResponse:
        found = _write(request, round_id)
        return post_action(
            request,
            lambda: step(request.user, found, request),
            done=str(done),
            then=redirect(_page_url(round_id)),
        )

    return view


report_refresh = _report_step(
    lambda user, report, request: synthesis_report_refresh(actor=user, report=report),
    _l("Đã cập nhật số liệu và các nhóm vấn đề; phần tóm tắt đã sửa được giữ nguyên."),
)
report_approve = _report_step(
    lambda user, report, request: synthesis_report_approve(actor=user, report=report),
    _l("Đã duyệt báo cáo tổng hợp; nội dung được khóa."),
)
report_unapprove = _report_step(
    lambda user, report, request: synthesis_report_unapprove(
        actor=user, report=report, reason=request.POST.get("reason", "")[:500]
    ),
    _l("Đã bỏ duyệt; có thể sửa báo cáo."),
)


@login_required
@require_POST
def report_theme(request: HttpRequest, round_id: int, key: str) -> HttpResponse:
    """Save one theme's summary; htmx gets the theme's block back, a plain post a redirect."""
    found = _write(request, round_id)
    text = request.POST.get("summary", "")
    saved = attempt(
        request,
        lambda: synthesis_report_theme_set(actor=request.user, report=found, key=key, summary=text),
        _("Đã lưu phần tóm tắt."),
    )
    if not getattr(request, "htmx", False):
        page = request.POST.get("page", "")
        suffix = f"?page={page}" if page.isdigit() else ""
        return redirect(f"{_page_url(round_id)}{suffix}#theme-{key}")
    facts = report_facts(found.round)
    theme = facts.theme(key)
    if theme is None:
        raise Http404
    row = found.themes.filter(key=key).first()
    context = {
        "round": found.round,
        "report": found,
        "editable": True,
        "item": ThemeRow(theme, row),
        "draft_text": text if not saved else None,
        "page_number": request.POST.get("page", ""),
    }
    # A refusal is answered 200 too: htmx swaps only successful answers, and the refused text
    # must stay in the box with the message next to it.
    return render(request, "synthesis/_report_theme.html", context)


@login_required
def report_file(request: HttpRequest, round_id: int, fmt: str) -> HttpResponse:
    """The report as DOCX or PDF (an unissued copy; the register issues the numbered one)."""
    round_ = report_round_for(user=request.user, round_id=round_id)
    if fmt not in CONTENT_TYPES:
        raise Http404
    doc = build_synthesis_report(round_)
    data = render_as(doc, fmt)
    name = f"bao-cao-tong-hop-{round_.pk}.{fmt}"
    return generated_download(data, filename=name, content_type=CONTENT_TYPES[fmt])
