"""The agenda builder: a proposal fitted to the duration, then add, remove, reorder in place.

Every action is a form POST that works without JavaScript (redirect back) and, sent by htmx,
answers the builder's fragment so the page updates in place."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import form_errors, post_action, post_form
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.forms import AgendaAddForm, AgendaItemForm, AgendaSettingsForm
from doithoai.dialogues.models import AgendaItem, Round
from doithoai.dialogues.selectors_agenda import issues_search, on_agenda_issue_ids
from doithoai.dialogues.views_helpers import ListItemChange, list_item_change


def _round(request: HttpRequest, round_id: int) -> Round:
    return selectors.round_get_for(user=request.user, round_id=round_id)


def _context(request: HttpRequest, round_: Round) -> dict[str, Any]:
    items = list(selectors.agenda(round_))
    total = sum(i.minutes for i in items)
    return {
        "round": round_,
        "items": items,
        "total": total,
        "over": total > round_.duration_minutes,
        "over_by": total - round_.duration_minutes,
        "can_run": policies.can_run_conference(request.user, round_),
        "settings_form": AgendaSettingsForm(
            initial={
                "duration_minutes": round_.duration_minutes,
                "minutes_per_issue": round_.minutes_per_issue,
            }
        ),
    }


def _answer(request: HttpRequest, round_: Round) -> HttpResponse:
    if getattr(request, "htmx", False):
        round_.refresh_from_db()
        return render(request, "dialogues/_agenda_builder.html", _context(request, round_))
    return redirect("dialogue-agenda", round_.pk)


@login_required
def agenda_page(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return render(request, "dialogues/agenda.html", _context(request, round_))


@login_required
@require_POST
def agenda_build(request: HttpRequest, round_id: int) -> HttpResponse:
    """Propose the agenda; on an agenda that has items, only after the confirmation page."""
    round_ = _round(request, round_id)
    replace = request.POST.get("confirm") == "1"
    if not replace and round_.agenda_items.exists():
        if not policies.can_run_conference(request.user, round_):
            raise Http404
        kept = round_.agenda_items.exclude(kind="issue", manual=False, state="pending").count()
        return render(
            request,
            "dialogues/agenda_rebuild.html",
            {
                "round": round_,
                "kept": kept,
                "dropped": round_.agenda_items.count() - kept,
                "excluded": len(round_.agenda_excluded),
            },
        )
    return post_action(
        request,
        lambda: services.agenda_build(actor=request.user, round_=round_, replace=replace),
        done=_("Đã lập chương trình: các vấn đề trọng tâm vừa với thời lượng hội nghị."),
        then=redirect("dialogue-agenda", round_.pk),
    )


@login_required
@require_POST
def agenda_settings(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        AgendaSettingsForm(request.POST),
        lambda data: services.agenda_settings_update(actor=request.user, round_=round_, **data),
        done=_("Đã lưu thời lượng hội nghị."),
        then=lambda: _answer(request, round_),
    )


@login_required
@require_POST
def agenda_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    form = AgendaAddForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _answer(request, round_)
    data = form.cleaned_data
    issue = round_.issues.filter(pk=data["issue"]).first() if data["issue"] else None
    if data["issue"] and issue is None:
        messages.error(request, _("Không tìm thấy vấn đề này trong kỳ đối thoại."))
        return _answer(request, round_)
    return post_action(
        request,
        lambda: services.agenda_item_add(
            actor=request.user,
            round_=round_,
            issue=issue,
            title=data["title"],
            minutes=data["minutes"],
        ),
        done=_("Đã thêm vào chương trình."),
        then=lambda: _answer(request, round_),
    )


def _item(round_: Round, item_id: int) -> AgendaItem:
    item = round_.agenda_items.filter(pk=item_id).select_related("round").first()
    if item is None:
        raise Http404
    return item


@login_required
@require_POST
def agenda_change(request: HttpRequest, round_id: int, item_id: int) -> HttpResponse:
    """One item: move up or down, remove, or save its place and minutes."""
    round_ = _round(request, round_id)
    item = _item(round_, item_id)
    user = request.user
    return list_item_change(
        request,
        ListItemChange(
            move=lambda step: services.agenda_item_move(actor=user, item=item, step=step),
            remove=lambda: services.agenda_item_remove(actor=user, item=item),
            update=lambda data: services.agenda_item_update(actor=user, item=item, **data),
            form_class=AgendaItemForm,
            moved=_("Đã đổi thứ tự."),
            removed=_("Đã bỏ khỏi chương trình: %(t)s") % {"t": item.title},
            updated=_("Đã cập nhật chương trình."),
        ),
        lambda: _answer(request, round_),
    )


@login_required
def issue_search(request: HttpRequest, round_id: int) -> HttpResponse:
    """The issue picker: at most a few matches of the typed words (htmx fragment)."""
    round_ = _round(request, round_id)
    query = request.GET.get("q", "")[:200]
    purpose = "statement" if request.GET.get("for") == "statement" else "agenda"
    return render(
        request,
        "dialogues/_issue_results.html",
        {
            "round": round_,
            "query": query,
            "results": issues_search(round_, query),
            "on_agenda": on_agenda_issue_ids(round_),
            "purpose": purpose,
            "can_run": policies.can_run_conference(request.user, round_),
        },
    )
