"""Staff pages of the topic list (lĩnh vực): list with petition counts, add, edit or retire."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core.flash import form_page_post
from doithoai.petitions import policies
from doithoai.petitions.forms_topics import TopicCreateForm, TopicEditForm
from doithoai.petitions.selectors_topics import topic_get_for, topic_rows_for
from doithoai.petitions.services.topics import topic_create, topic_update


def _check_allowed(request: HttpRequest) -> None:
    if not policies.can_manage_topics(request.user):
        raise PermissionDenied


@login_required
def topic_list(request: HttpRequest) -> HttpResponse:
    _check_allowed(request)
    return render(request, "petitions/topic_list.html", {"rows": topic_rows_for(user=request.user)})


@login_required
def topic_new(request: HttpRequest) -> HttpResponse:
    _check_allowed(request)
    form = TopicCreateForm(request.POST or None)
    saved = form_page_post(
        request,
        form,
        lambda d: topic_create(
            actor=request.user, code=d["code"], name=d["name"], description=d["description"]
        ),
        done=lambda topic: _("Đã thêm lĩnh vực %(code)s.") % {"code": topic.code},
        success=lambda _topic: redirect("topic-list"),
        errors_on_form=True,
    )
    if saved is not None:
        return saved
    return render(request, "petitions/topic_form.html", {"form": form, "topic": None})


@login_required
def topic_edit(request: HttpRequest, code: str) -> HttpResponse:
    _check_allowed(request)
    topic = topic_get_for(user=request.user, code=code)
    initial = {"name": topic.name, "description": topic.description, "active": topic.active}
    form = TopicEditForm(request.POST or None, initial=initial)
    saved = form_page_post(
        request,
        form,
        lambda data: topic_update(actor=request.user, topic=topic, **data),
        done=lambda changed: _("Đã lưu lĩnh vực %(code)s.") % {"code": changed.code},
        success=lambda _topic: redirect("topic-list"),
        errors_on_form=True,
    )
    if saved is not None:
        return saved
    return render(request, "petitions/topic_form.html", {"form": form, "topic": topic})
