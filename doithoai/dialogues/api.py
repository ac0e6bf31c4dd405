"""The dialogues API: rounds, agenda, speakers and statements, so a screen can follow a
conference."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Status

from doithoai.accounts.api_auth import staff_auth
from doithoai.dialogues import policies, selectors, services
from doithoai.dialogues.models import Round, Speaker, Statement
from doithoai.dialogues.schemas import (
    AgendaItemOut,
    RoundOut,
    SpeakerIn,
    SpeakerOut,
    SpeakerStateIn,
    StatementIn,
    StatementOut,
)
from doithoai.units.models import Organisation

router = Router(tags=["dialogues"], auth=staff_auth())


def statement_out(st: Statement) -> dict[str, Any]:
    d = st.directive
    return {
        "id": st.pk,
        "speaker_name": st.speaker_name,
        "issue_id": st.issue_id,
        "petition_id": st.petition_id,
        "text": st.text,
        "answer": st.answer,
        "answered_by": st.answered_by.name if st.answered_by else None,
        "directive_id": d.pk if d else None,
        "directive_text": d.text if d else None,
        "directive_assignee": d.assignee.name if d else None,
        "directive_deadline": d.deadline if d else None,
    }


def _organisation(round_: Round, code: str) -> Organisation | None:
    if not code:
        return None
    found = Organisation.objects.filter(unit=round_.unit, code=code).first()
    if found is None:
        raise Http404
    return found


@router.get("/rounds", response=list[RoundOut], summary="Rounds the caller may read")
def list_rounds(request: HttpRequest) -> Any:
    return list(selectors.rounds_visible_to(user=request.user)[:200])


@router.get("/rounds/{int:round_id}", response=RoundOut, summary="One round")
def get_round(request: HttpRequest, round_id: int) -> Round:
    return selectors.round_get_for(user=request.user, round_id=round_id)


@router.get("/rounds/{int:round_id}/agenda", response=list[AgendaItemOut], summary="Agenda")
def get_agenda(request: HttpRequest, round_id: int) -> Any:
    return list(selectors.agenda(selectors.round_get_for(user=request.user, round_id=round_id)))


@router.get("/rounds/{int:round_id}/speakers", response=list[SpeakerOut], summary="Speakers")
def get_speakers(request: HttpRequest, round_id: int) -> Any:
    return list(selectors.speakers(selectors.round_get_for(user=request.user, round_id=round_id)))


@router.post("/rounds/{int:round_id}/speakers", response={201: SpeakerOut}, summary="Add a speaker")
def add_speaker(request: HttpRequest, round_id: int, payload: SpeakerIn) -> Status[Speaker]:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    invitee = round_.invitees.filter(pk=payload.invitee_id).first() if payload.invitee_id else None
    return Status(
        201,
        services.speaker_request(
            actor=request.user, round_=round_, name=payload.name, invitee=invitee
        ),
    )


@router.post(
    "/rounds/{int:round_id}/speakers/{int:speaker_id}/state",
    response=SpeakerOut,
    summary="Start, end or withdraw a speech",
)
def speaker_state(
    request: HttpRequest, round_id: int, speaker_id: int, payload: SpeakerStateIn
) -> Speaker:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    speaker = round_.speakers.filter(pk=speaker_id).first()
    if speaker is None:
        raise Http404
    return services.speaker_transition(actor=request.user, speaker=speaker, to_state=payload.state)


@router.get("/rounds/{int:round_id}/statements", response=list[StatementOut], summary="Statements")
def get_statements(request: HttpRequest, round_id: int) -> Any:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    rows = []
    for s in selectors.statements(round_).select_related("petition"):
        row = statement_out(s)
        if s.petition_id is not None and policies.speaker_name_hidden(request.user, s.petition):
            row["speaker_name"] = ""  # a denouncer's identity (Law on Denunciation Art. 9)
        rows.append(row)
    return rows


@router.post(
    "/rounds/{int:round_id}/statements",
    response={201: StatementOut},
    summary="Record a statement with its answer and directive",
)
def add_statement(
    request: HttpRequest, round_id: int, payload: StatementIn
) -> Status[dict[str, Any]]:
    round_ = selectors.round_get_for(user=request.user, round_id=round_id)
    speaker = round_.speakers.filter(pk=payload.speaker_id).first() if payload.speaker_id else None
    issue = round_.issues.filter(pk=payload.issue_id).first() if payload.issue_id else None
    if payload.issue_id and issue is None:
        raise Http404
    statement = services.statement_record(
        actor=request.user,
        round_=round_,
        text=payload.text,
        speaker=speaker,
        speaker_name=payload.speaker_name,
        issue=issue,
        answer=payload.answer,
        answered_by=_organisation(round_, payload.answered_by),
        directive_text=payload.directive_text,
        directive_assignee=_organisation(round_, payload.directive_assignee),
        directive_deadline=payload.directive_deadline,
    )
    return Status(201, statement_out(statement))
