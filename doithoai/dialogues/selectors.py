"""Reads of dialogue rounds, scoped by the user (404 alike for missing and not yours)."""

import uuid
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from doithoai.accounts.policies import active_memberships
from doithoai.accounts.types import Actor
from doithoai.core.text import fold
from doithoai.dialogues import policies
from doithoai.dialogues.models import (
    AgendaItem,
    AgendaState,
    Invitee,
    InviteeState,
    Minutes,
    ParticipantGroup,
    PressQuestion,
    Round,
    RoundState,
    Speaker,
    SpeakerState,
    Statement,
    Task,
    TaskUpdate,
)


def rounds_visible_to(*, user: Actor) -> QuerySet[Round]:
    q = policies.visible_rounds_q(user)
    if q is None:
        return Round.objects.none()
    return Round.objects.filter(q).select_related("unit", "organisation")


def round_get_for(*, user: Actor, round_id: int) -> Round:
    found = rounds_visible_to(user=user).filter(pk=round_id).first()
    if found is None:
        raise Http404
    return found


def round_get_public(*, round_id: int) -> Round:
    found = (
        Round.objects.filter(pk=round_id, state__in=policies.PUBLIC_STATES)
        .select_related("unit", "organisation")
        .first()
    )
    if found is None:
        raise Http404
    return found


def rounds_public() -> QuerySet[Round]:
    return Round.objects.filter(state__in=policies.PUBLIC_STATES).select_related("unit")


def open_seats_left(round_: Round) -> int:
    taken = (
        round_.invitees.filter(self_registered=True).exclude(state=InviteeState.DECLINED).count()
    )
    return max(round_.open_seats - taken, 0)


def attendance_by_group(round_: Round) -> list[dict[str, Any]]:
    """Per participant group: invited (not declined) and present."""
    rows = {
        r["group"]: r
        for r in round_.invitees.values("group").annotate(
            invited=Count("id", filter=~Q(state=InviteeState.DECLINED)),
            present=Count("id", filter=Q(state=InviteeState.PRESENT)),
        )
    }
    out = []
    for value, label in ParticipantGroup.choices:
        row = rows.get(value, {"invited": 0, "present": 0})
        out.append(
            {"group": value, "label": label, "invited": row["invited"], "present": row["present"]}
        )
    return out


def invitees_search(round_: Round, query: str) -> QuerySet[Invitee]:
    found = round_.invitees.select_related("unit")
    query = query.strip()
    if not query:
        return found.none()
    ids = [i.pk for i in found if fold(query) in fold(i.name)]
    return found.filter(pk__in=ids)


def invitees_to_print(*, user: Actor, round_: Round) -> QuerySet[Invitee]:
    """The invitees whose invitations the user may print (not those who declined)."""
    units = policies.invitation_units(user, round_)
    invitees = round_.invitees.exclude(state="declined").select_related("unit", "round")
    if units is None:
        return invitees.order_by("group", "name", "id")
    return invitees.filter(unit_id__in=units).order_by("group", "name", "id")


def invitee_by_token(round_: Round, token: str) -> Invitee:
    found = round_.invitees.filter(token=token).first() if _is_uuid(token) else None
    if found is None:
        raise Http404
    return found


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def agenda(round_: Round) -> QuerySet[AgendaItem]:
    return round_.agenda_items.select_related("issue", "issue__department", "issue__topic")


def current_item(round_: Round) -> AgendaItem | None:
    return agenda(round_).filter(state=AgendaState.CURRENT).first()


def speakers(round_: Round) -> QuerySet[Speaker]:
    return round_.speakers.all()


def statements(round_: Round) -> QuerySet[Statement]:
    return round_.statements.select_related(
        "issue", "answered_by", "directive", "directive__assignee"
    )


def tasks_of(*, user: Actor) -> QuerySet[Task]:
    """The user's tasks ("my tasks"): given to one of the user's organisations or to the
    organisation directly above one, in rounds the user reads; the newest round first, then the
    nearest deadline."""
    rounds_q = policies.visible_rounds_q(user)
    orgs_q = policies.task_orgs_q(user)
    if rounds_q is None or orgs_q is None:
        return Task.objects.none()
    visible = Round.objects.filter(rounds_q).values("pk")
    return (
        Task.objects.filter(orgs_q, round__in=visible)
        .exclude(round__state=RoundState.DRAFT)
        .select_related("round", "organisation")
        .order_by(
            F("round__starts_at").desc(nulls_first=True),
            F("due_on").asc(nulls_last=True),
            "position",
            "id",
        )
    )


def task_get_for(*, user: Actor, task_id: int) -> Task:
    task = Task.objects.filter(pk=task_id).select_related("round", "organisation").first()
    if task is None or not policies.can_view(user, task.round):
        raise Http404
    return task


def task_updates_for(*, user: Actor, task: Task) -> QuerySet[TaskUpdate]:
    """Reports on `task` the user may read: all of them for the roles that read the round, the
    task organisation's and the user's own organisations' for a ward officer."""
    updates = task.updates.select_related("organisation", "author")
    if policies.can_see_all_task_updates(user, task) or policies.can_edit_plan(user, task.round):
        return updates
    own = {m.organisation_id for m in active_memberships(user)}
    return updates.filter(organisation_id__in=own | {task.organisation_id})


def conclusion_checklist(round_: Round) -> dict[str, Any]:
    """What is still missing before a round is concluded (shown on the confirmation page)."""
    unanswered = round_.statements.filter(answer="").order_by("created_at", "id")
    minutes = Minutes.objects.filter(round=round_).first()
    return {
        "unanswered_count": unanswered.count(),
        "unanswered": list(unanswered[:20]),
        "pending_items": round_.agenda_items.filter(state=AgendaState.PENDING).count(),
        "waiting_speakers": round_.speakers.filter(state=SpeakerState.WAITING).count(),
        "press_unanswered": PressQuestion.objects.filter(round=round_, answer="").count(),
        "minutes_missing": minutes is None or minutes.started_at is None,
        "conclusion_number_missing": not round_.conclusion_number,
        "statements": round_.statements.count(),
        "directives": round_.directives.count(),
    }
