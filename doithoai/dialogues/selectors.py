"""Reads of dialogue rounds, scoped by the user (404 alike for missing and not yours)."""

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from doithoai.dialogues import policies
from doithoai.dialogues.models import (
    AgendaItem,
    AgendaState,
    Invitee,
    InviteeState,
    ParticipantGroup,
    Round,
    Speaker,
    Statement,
)


def rounds_visible_to(*, user: Any) -> QuerySet[Round]:
    q = policies.visible_rounds_q(user)
    if q is None:
        return Round.objects.none()
    return Round.objects.filter(q).select_related("unit", "organisation")


def round_get_for(*, user: Any, round_id: int) -> Round:
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


def issues_for_agenda(round_: Round) -> list[Any]:
    """Issues of the round not yet on the agenda: focus topics first (plan order), then by
    number of petitioners (most first), then by id."""
    from doithoai.synthesis.models import Issue

    on_agenda = AgendaItem.objects.filter(round=round_, issue__isnull=False).values("issue_id")
    focus = {
        code: n
        for n, code in enumerate(
            round_.focus_topics.exclude(topic=None).values_list("topic__code", flat=True)
        )
    }
    issues = list(
        Issue.objects.filter(round=round_)
        .exclude(pk__in=on_agenda)
        .select_related("topic")
        .annotate(petitioners=Count("memberships"))
    )
    issues.sort(
        key=lambda i: (
            focus.get(i.topic.code if i.topic else "", len(focus)),
            -i.petitioners,
            i.pk,
        )
    )
    return issues


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
    from doithoai.core.text import fold

    found = round_.invitees.select_related("unit")
    query = query.strip()
    if not query:
        return found.none()
    ids = [i.pk for i in found if fold(query) in fold(i.name)]
    return found.filter(pk__in=ids)


def invitee_by_token(round_: Round, token: str) -> Invitee:
    found = round_.invitees.filter(token=token).first() if _is_uuid(token) else None
    if found is None:
        raise Http404
    return found


def _is_uuid(value: str) -> bool:
    import uuid

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
