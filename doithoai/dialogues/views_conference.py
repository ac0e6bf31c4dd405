"""The conference desk: check-in, attendance, agenda, speakers, statements, press, minutes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.accounts.types import Actor
from doithoai.core.flash import attempt, form_errors, post_action, post_form
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.forms import (
    AgendaItemForm,
    AnswerForm,
    MinutesForm,
    PressQuestionForm,
    SpeakerForm,
    StatementForm,
)
from doithoai.dialogues.models import (
    ROUND_TRANSITIONS,
    AgendaState,
    InviteeState,
    Minutes,
    Round,
    RoundState,
    SpeakerState,
    Statement,
)
from doithoai.units.models import Organisation


def _round(request: HttpRequest, round_id: int) -> Round:
    return selectors.round_get_for(user=request.user, round_id=round_id)


def _back(round_: Round, anchor: str = "") -> HttpResponse:
    response = redirect("dialogue-conference", round_.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


STATEMENTS_PER_PAGE = 10


def _hide_secret_speakers(user: Actor, round_: Round, queue: list[Any], statements: Any) -> None:
    """Mark `speaker_hidden` on the statements and speakers whose name the user may not read."""
    for st in statements:
        st.speaker_hidden = st.petition_id is not None and policies.speaker_name_hidden(
            user, st.petition
        )
    if not queue:
        return
    secret_speakers = {
        st.speaker_id
        for st in Statement.objects.filter(
            round=round_, speaker__in=queue, petition__isnull=False
        ).select_related("petition")
        if policies.speaker_name_hidden(user, st.petition)
    }
    for speaker in queue:
        speaker.speaker_hidden = speaker.pk in secret_speakers


@login_required
def conference(request: HttpRequest, round_id: int) -> HttpResponse:
    """The desk: light at any size of round (a dozen agenda items, paged statements, the issue
    picker is the agenda plus a search)."""
    round_ = _round(request, round_id)
    query = request.GET.get("q", "")
    agenda = list(selectors.agenda(round_))
    current = next((i for i in agenda if i.state == AgendaState.CURRENT), None)
    queue = list(round_.speakers.filter(state__in=[SpeakerState.WAITING, SpeakerState.SPEAKING]))
    statements = Paginator(
        selectors.statements(round_).select_related("petition").order_by("-created_at", "-id"),
        STATEMENTS_PER_PAGE,
    ).get_page(request.GET.get("trang"))
    _hide_secret_speakers(request.user, round_, queue, statements.object_list)
    return render(
        request,
        "dialogues/conference.html",
        {
            "round": round_,
            "query": query,
            "found": selectors.invitees_search(round_, query)[:30],
            "attendance": selectors.attendance_by_group(round_),
            "agenda": agenda,
            "current": current,
            "agenda_issues": [i for i in agenda if i.issue_id],
            "queue": queue,
            "speaking": next((s for s in queue if s.state == SpeakerState.SPEAKING), None),
            "done_speakers": round_.speakers.filter(state=SpeakerState.DONE).count(),
            "statements": statements,
            "press": round_.press_questions.filter(answer=""),
            "press_answered": round_.press_questions.exclude(answer="").order_by("-answered_at")[
                :5
            ],
            "organisations": Organisation.objects.filter(unit=round_.unit, active=True),
            "minutes": Minutes.objects.filter(round=round_).first(),
            "can_check_in": policies.can_check_in(request.user, round_),
            "can_run": policies.can_run_conference(request.user, round_),
            "can_answer": policies.can_answer(request.user, round_),
            "can_ask": policies.can_ask_press_question(request.user, round_),
            "statement_form": StatementForm(),
            "press_form": PressQuestionForm(),
            "minutes_form": MinutesForm(),
        },
    )


@login_required
def attendance(request: HttpRequest, round_id: int) -> HttpResponse:
    """The live count of who is present, by group (polled by htmx)."""
    round_ = _round(request, round_id)
    return render(
        request,
        "dialogues/_attendance.html",
        {"round": round_, "attendance": selectors.attendance_by_group(round_)},
    )


@login_required
def checkin_scan(request: HttpRequest, round_id: int, token: str) -> HttpResponse:
    """The address in an invitation's QR code: confirm (POST) that the invitee is present."""
    round_ = _round(request, round_id)
    invitee = selectors.invitee_by_token(round_, token)
    if request.method == "POST":
        return post_action(
            request,
            lambda: services.invitee_transition(
                actor=request.user, invitee=invitee, to_state=InviteeState.PRESENT
            ),
            done=_("Đã điểm danh: %(name)s.") % {"name": invitee.name},
            then=_back(round_, "checkin"),
        )
    return render(request, "dialogues/checkin_scan.html", {"round": round_, "invitee": invitee})


@login_required
@require_POST
def checkin(request: HttpRequest, round_id: int, invitee_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    invitee = round_.invitees.filter(pk=invitee_id).first()
    if invitee is None:
        raise Http404
    to_state = request.POST.get("state", InviteeState.PRESENT)
    return post_action(
        request,
        lambda: services.invitee_transition(actor=request.user, invitee=invitee, to_state=to_state),
        done=_("Đã cập nhật đại biểu: %(name)s.") % {"name": invitee.name},
        then=_back(round_, "checkin")
        if to_state == InviteeState.PRESENT
        else redirect("dialogue-round", round_.pk),
    )


@login_required
@require_POST
def agenda_item(request: HttpRequest, round_id: int, item_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    item = round_.agenda_items.filter(pk=item_id).first()
    if item is None:
        raise Http404
    if request.POST.get("action") == "open":
        return post_action(
            request,
            lambda: services.agenda_item_open(actor=request.user, item=item),
            done=_("Đang thảo luận: %(t)s") % {"t": item.title},
            then=_back(round_, "agenda"),
        )
    return post_form(
        request,
        AgendaItemForm(request.POST),
        lambda data: services.agenda_item_update(actor=request.user, item=item, **data),
        done=_("Đã cập nhật chương trình."),
        then=_back(round_, "agenda"),
    )


@login_required
@require_POST
def speaker_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        SpeakerForm(request.POST),
        lambda data: services.speaker_request(actor=request.user, round_=round_, name=data["name"]),
        done=_("Đã thêm người đăng ký phát biểu."),
        then=_back(round_, "speakers"),
    )


@login_required
@require_POST
def speaker_state(request: HttpRequest, round_id: int, speaker_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    speaker = round_.speakers.filter(pk=speaker_id).first()
    if speaker is None:
        raise Http404
    to_state = request.POST.get("state", "")
    return post_action(
        request,
        lambda: services.speaker_transition(actor=request.user, speaker=speaker, to_state=to_state),
        done=_("Đã cập nhật lượt phát biểu."),
        then=_back(round_, "speakers"),
    )


def _org(round_: Round, pk: int | None) -> Organisation | None:
    return Organisation.objects.filter(unit=round_.unit, pk=pk).first() if pk else None


@login_required
@require_POST
def statement_add(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    form = StatementForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return _back(round_, "statements")
    data = form.cleaned_data
    speaker = round_.speakers.filter(pk=data["speaker"]).first() if data["speaker"] else None
    issue_id = data["issue_pick"] or data["issue"]
    issue = round_.issues.filter(pk=issue_id).first() if issue_id else None
    if issue_id and issue is None:
        messages.error(request, _("Không tìm thấy vấn đề này trong kỳ đối thoại."))
        return _back(round_, "statements")
    unit = None
    if data["new_petition"] and issue is None:
        unit = speaker.invitee.unit if speaker and speaker.invitee else None
        unit = unit or round_.unit
    return post_action(
        request,
        lambda: services.statement_record(
            actor=request.user,
            round_=round_,
            text=data["text"],
            speaker=speaker,
            speaker_name=data["speaker_name"],
            issue=issue,
            new_petition_unit=unit,
            answer=data["answer"],
            answered_by=_org(round_, data["answered_by"]),
            directive_text=data["directive_text"],
            directive_assignee=_org(round_, data["directive_assignee"]),
            directive_deadline=data["directive_deadline"],
        ),
        done=_("Đã ghi nhận ý kiến phát biểu."),
        then=_back(round_, "statements"),
    )


@login_required
@require_POST
def press_ask(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        PressQuestionForm(request.POST),
        lambda data: services.press_question_submit(actor=request.user, round_=round_, **data),
        done=_("Đã gửi câu hỏi."),
        then=_back(round_, "press"),
    )


@login_required
@require_POST
def press_answer(request: HttpRequest, round_id: int, question_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    question = round_.press_questions.filter(pk=question_id).first()
    if question is None:
        raise Http404
    return post_form(
        request,
        AnswerForm(request.POST),
        lambda data: services.press_question_answer(
            actor=request.user, question=question, answer=data["answer"]
        ),
        done=_("Đã ghi câu trả lời."),
        then=_back(round_, "press"),
    )


@login_required
@require_POST
def minutes(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    return post_form(
        request,
        MinutesForm(request.POST),
        lambda data: services.minutes_update(
            actor=request.user,
            round_=round_,
            **{k: (v if v != "" else None) for k, v in data.items()},
        ),
        done=_("Đã lưu thông tin biên bản."),
        then=_back(round_, "minutes"),
    )


@login_required
def conclude(request: HttpRequest, round_id: int) -> HttpResponse:
    """Conclude a held round: a page stating what is still missing, then a confirmation."""
    round_ = _round(request, round_id)
    can_conclude = policies.can_transition(request.user, round_, RoundState.CONCLUDED)
    if request.method == "POST":
        if request.POST.get("confirm") != "1":
            messages.error(request, _("Vui lòng xác nhận trước khi kết luận kỳ đối thoại."))
            return redirect("dialogue-conclude", round_.pk)
        concluded = attempt(
            request,
            lambda: services.round_transition(
                actor=request.user, round_=round_, to_state=RoundState.CONCLUDED
            ),
            _("Đã kết luận kỳ đối thoại. Có thể ban hành thông báo kết luận."),
        )
        return redirect("dialogue-round" if concluded else "dialogue-conclude", round_.pk)
    return render(
        request,
        "dialogues/conclude.html",
        {
            "round": round_,
            "check": selectors.conclusion_checklist(round_),
            "can_conclude": can_conclude
            and ROUND_TRANSITIONS.allows(round_.state, RoundState.CONCLUDED),
        },
    )
