"""The plan's two ordered lists on the plan page, focus topics and chairs: add, edit, remove,
reorder. One pair of views serves both lists; each route names its list (`FOCUS`, `CHAIRS`)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from doithoai.accounts.types import Actor
from doithoai.core.flash import post_form
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.forms import ChairForm, FocusTopicForm
from doithoai.dialogues.models import Chair, FocusTopic, Round
from doithoai.dialogues.views_helpers import ListItemChange, list_item_change


@dataclass(frozen=True)
class PlanList:
    """One list of the plan page: its anchor there, its form, its items, the service that adds
    one (called with the form's fields) and what each posted change of an item does."""

    anchor: str
    form_class: type[forms.Form]
    items: Callable[[Round], QuerySet[Any]]
    add: Callable[..., object]
    added: str | Promise
    change: Callable[[Actor, Any], ListItemChange]


def _focus_change(user: Actor, focus: FocusTopic) -> ListItemChange:
    return ListItemChange(
        move=lambda step: services.focus_topic_move(actor=user, focus=focus, step=step),
        remove=lambda: services.focus_topic_remove(actor=user, focus=focus),
        update=lambda data: services.focus_topic_update(actor=user, focus=focus, **data),
        form_class=FocusTopicForm,
        moved=_("Đã đổi thứ tự nội dung trọng tâm."),
        removed=_("Đã bỏ nội dung trọng tâm: %(t)s") % {"t": focus.label},
        updated=_("Đã sửa nội dung trọng tâm."),
    )


def _chair_change(user: Actor, chair: Chair) -> ListItemChange:
    return ListItemChange(
        move=lambda step: services.chair_move(actor=user, chair=chair, step=step),
        remove=lambda: services.chair_remove(actor=user, chair=chair),
        update=lambda data: services.chair_update(actor=user, chair=chair, **data),
        form_class=ChairForm,
        moved=_("Đã đổi thứ tự người chủ trì."),
        removed=_("Đã bỏ người chủ trì: %(n)s") % {"n": chair.name},
        updated=_("Đã sửa thông tin người chủ trì."),
    )


FOCUS = PlanList(
    anchor="focus",
    form_class=FocusTopicForm,
    items=lambda round_: round_.focus_topics.all(),
    add=services.focus_topic_add,
    added=gettext_lazy("Đã thêm nội dung trọng tâm."),
    change=_focus_change,
)
CHAIRS = PlanList(
    anchor="chairs",
    form_class=ChairForm,
    items=lambda round_: round_.chairs.all(),
    add=services.chair_add,
    added=gettext_lazy("Đã thêm người chủ trì."),
    change=_chair_change,
)


def _round(request: HttpRequest, round_id: int) -> Round:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    if not policies.can_edit_plan(request.user, round_):
        raise Http404
    return round_


def _back(round_: Round, anchor: str) -> HttpResponse:
    response = redirect("dialogue-plan-edit", round_.pk)
    response["Location"] += f"#{anchor}"
    return response


@login_required
@require_POST
def item_add(request: HttpRequest, round_id: int, plan_list: PlanList) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        plan_list.form_class(request.POST),
        lambda data: plan_list.add(actor=request.user, round_=round_, **data),
        done=str(plan_list.added),
        then=_back(round_, plan_list.anchor),
    )


@login_required
@require_POST
def item_change(
    request: HttpRequest, round_id: int, item_id: int, plan_list: PlanList
) -> HttpResponse:
    round_ = _round(request, round_id)
    item = plan_list.items(round_).filter(pk=item_id).select_related("round").first()
    if item is None:
        raise Http404
    change = plan_list.change(request.user, item)
    return list_item_change(request, change, _back(round_, plan_list.anchor))
