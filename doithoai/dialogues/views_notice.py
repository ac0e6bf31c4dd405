"""The conclusion notice page: the secretariat and the leader edit the chair's texts, everyone
there sees a preview; the leader approves (texts locked) or withdraws the approval."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import form_page_post, post_action
from doithoai.core.rendering import Bullet, Heading, Paragraph, Table
from doithoai.dialogues import policies, selectors
from doithoai.dialogues.documents.conclusion import (
    APPENDIX_HEADING,
    build_conclusion,
    conclusion_issue_problem,
)
from doithoai.dialogues.forms_notice import NoticeForm, UnapproveForm, posted_points
from doithoai.dialogues.models import Round
from doithoai.dialogues.selectors_notice import key_issues, notice_of
from doithoai.dialogues.services.notice import (
    EDITABLE_STATES,
    conclusion_notice_approve,
    conclusion_notice_unapprove,
    conclusion_notice_update,
    notice_texts,
)


def _round(request: HttpRequest, round_id: int) -> Round:
    """Anyone who reads the round sees the notice; the services decide who may change it."""
    return selectors.round_get_for(user=request.user, round_id=round_id)


def _preview(round_: Round) -> list[dict[str, Any]]:
    """The notice's body as simple parts for the page; the appendix by department only."""
    parts: list[dict[str, Any]] = []
    in_appendix = False
    for block in build_conclusion(round_).blocks:
        if isinstance(block, Heading):
            in_appendix = in_appendix or block.text == APPENDIX_HEADING
            parts.append({"kind": "heading", "level": block.level, "text": block.text})
        elif isinstance(block, Table):
            if not in_appendix:
                parts.append({"kind": "table", "header": block.header, "rows": block.rows})
        elif isinstance(block, Bullet):
            parts.append({"kind": "bullet", "text": block.text})
        elif isinstance(block, Paragraph):
            parts.append({"kind": "paragraph", "text": block.text, "italic": block.italic})
    return parts


@login_required
def notice_page(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    keys = key_issues(round_)
    texts = notice_texts(round_, keys)
    notice = notice_of(round_)
    can_edit = policies.can_edit_conclusion(request.user, round_)
    editable = can_edit and round_.state in EDITABLE_STATES and not texts.approved
    initial = {
        "opening": texts.opening,
        "general_directives": texts.general_directives,
        "answers_due_on": texts.answers_due_on,
    }
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and not can_edit:
        raise Http404
    saved = form_page_post(
        request,
        form,
        lambda data: conclusion_notice_update(
            actor=request.user,
            round_=round_,
            points=posted_points(request.POST, {k.issue.pk for k in keys}),
            **data,
        ),
        done=_("Đã lưu thông báo kết luận."),
        success=lambda _result: redirect("dialogue-conclusion-notice", round_.pk),
        report_errors=True,
    )
    if saved is not None:
        return saved
    return render(
        request,
        "dialogues/conclusion_notice.html",
        {
            "round": round_,
            "notice": notice,
            "form": form,
            "points": [(k, texts.points[k.issue.pk]) for k in keys],
            "editable": editable,
            "can_edit": can_edit,
            "can_approve": policies.can_approve_conclusion(request.user, round_),
            "problem": conclusion_issue_problem(round_),
            "preview": _preview(round_),
            "unapprove_form": UnapproveForm(),
        },
    )


@login_required
@require_POST
def notice_approval(request: HttpRequest, round_id: int) -> HttpResponse:
    """`action=approve` approves; `action=unapprove` withdraws the approval (with a reason)."""
    round_ = _round(request, round_id)
    back = redirect("dialogue-conclusion-notice", round_.pk)
    if request.POST.get("action") == "unapprove":
        form = UnapproveForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        return post_action(
            request,
            lambda: conclusion_notice_unapprove(actor=request.user, round_=round_, reason=reason),
            done=_("Đã hủy duyệt thông báo kết luận; có thể sửa lại nội dung."),
            then=back,
        )
    return post_action(
        request,
        lambda: conclusion_notice_approve(actor=request.user, round_=round_),
        done=_("Đã duyệt thông báo kết luận; nội dung đã khóa."),
        then=back,
    )
