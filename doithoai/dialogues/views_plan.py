"""The plan's lists on the plan page: focus topics and chairs (add, edit, remove, reorder)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import post_form
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.forms import ChairForm, FocusTopicForm
from doithoai.dialogues.models import Round
from doithoai.dialogues.views_helpers import ListItemChange, list_item_change
from doithoai.petitions.models import Topic


def _round(request: HttpRequest, round_id: int) -> Round:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    if not policies.can_edit_plan(request.user, round_):
        raise Http404
    return round_


def _back(round_: Round, anchor: str) -> HttpResponse:
    response = redirect("dialogue-plan-edit", round_.pk)
    response["Location"] += f"#{anchor}"
    return response


def _topic(pk: int | None) -> Topic | None:
    return Topic.objects.filter(pk=pk, active=True).first() if pk else None


@login_required
@require_POST
def focus_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        FocusTopicForm(request.POST),
        lambda data: services.focus_topic_add(
            actor=request.user, round_=round_, topic=_topic(data["topic"]), label=data["label"]
        ),
        done=_("Đã thêm nội dung trọng tâm."),
        then=_back(round_, "focus"),
    )


@login_required
@require_POST
def focus_change(request: HttpRequest, round_id: int, focus_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    focus = round_.focus_topics.filter(pk=focus_id).select_related("round").first()
    if focus is None:
        raise Http404
    user = request.user
    return list_item_change(
        request,
        ListItemChange(
            move=lambda step: services.focus_topic_move(actor=user, focus=focus, step=step),
            remove=lambda: services.focus_topic_remove(actor=user, focus=focus),
            update=lambda data: services.focus_topic_update(
                actor=user, focus=focus, topic=_topic(data["topic"]), label=data["label"]
            ),
            form_class=FocusTopicForm,
            moved=_("Đã đổi thứ tự nội dung trọng tâm."),
            removed=_("Đã bỏ nội dung trọng tâm: %(t)s") % {"t": focus.label},
            updated=_("Đã sửa nội dung trọng tâm."),
        ),
        _back(round_, "focus"),
    )


@login_required
@require_POST
def chair_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        ChairForm(request.POST),
        lambda data: services.chair_add(actor=request.user, round_=round_, **data),
        done=_("Đã thêm người chủ trì."),
        then=_back(round_, "chairs"),
    )


@login_required
@require_POST
def chair_change(request: HttpRequest, round_id: int, chair_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    chair = round_.chairs.filter(pk=chair_id).select_related("round").first()
    if chair is None:
        raise Http404
    user = request.user
    return list_item_change(
        request,
        ListItemChange(
            move=lambda step: services.chair_move(actor=user, chair=chair, step=step),
            remove=lambda: services.chair_remove(actor=user, chair=chair),
            update=lambda data: services.chair_update(actor=user, chair=chair, **data),
            form_class=ChairForm,
            moved=_("Đã đổi thứ tự người chủ trì."),
            removed=_("Đã bỏ người chủ trì: %(n)s") % {"n": chair.name},
            updated=_("Đã sửa thông tin người chủ trì."),
        ),
        _back(round_, "chairs"),
    )
