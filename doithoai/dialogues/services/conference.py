"""Writes of the conference: invitees, registration and check-in, speakers (agenda: agenda.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import (
    INVITEE_TRANSITIONS,
    SPEAKER_TRANSITIONS,
    AgendaState,
    Invitee,
    InviteeState,
    ParticipantGroup,
    Round,
    RoundState,
    Speaker,
    SpeakerState,
)
from doithoai.dialogues.selectors import open_seats_left
from doithoai.dialogues.services.common import deny, required
from doithoai.units.models import Unit


def _check_group(group: str) -> None:
    if group not in ParticipantGroup.values:
        raise ValidationError(_("Thành phần tham dự không hợp lệ."))


@transaction.atomic
def invitee_add(
    *,
    actor: Actor,
    round_: Round,
    name: str,
    group: str,
    unit: Unit | None = None,
    title: str = "",
    phone: str = "",
) -> Invitee:
    """Staff invite a named representative (the secretariat anyone, a ward officer their own)."""
    deny(policies.can_register(actor, round_, unit.pk if unit else None))
    required(name, _("Vui lòng nhập họ tên đại biểu."))
    _check_group(group)
    if round_.invitees.filter(name=name.strip(), phone=phone.strip()).exists():
        raise ValidationError(_("Đại biểu này đã có trong danh sách mời."))
    invitee = Invitee.objects.create(
        round=round_,
        name=name.strip(),
        group=group,
        unit=unit,
        title=title.strip(),
        phone=phone.strip(),
    )
    event_record(
        actor=actor, obj=invitee, action=DialogueEvents.INVITEE_ADD, after={"group": group}
    )
    return invitee


@transaction.atomic
def invitee_register_public(
    *, round_: Round, name: str, unit: Unit | None, phone: str = ""
) -> Invitee:
    """A resident takes one of the open seats from the public page."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.state != RoundState.ANNOUNCED:
        raise ValidationError(_("Kỳ đối thoại này không nhận đăng ký."))
    required(name, _("Vui lòng nhập họ tên."))
    if open_seats_left(round_) <= 0:
        raise ValidationError(_("Đã hết chỗ dành cho người dân đăng ký."))
    if round_.invitees.filter(name=name.strip(), phone=phone.strip()).exists():
        raise ValidationError(_("Bạn đã đăng ký tham dự kỳ đối thoại này."))
    invitee = Invitee.objects.create(
        round=round_,
        name=name.strip()[:150],
        group=ParticipantGroup.RESIDENT,
        unit=unit,
        phone=phone.strip()[:20],
        self_registered=True,
        state=InviteeState.REGISTERED,
    )
    event_record(actor=None, obj=invitee, action=DialogueEvents.INVITEE_REGISTER_PUBLIC)
    return invitee


@transaction.atomic
def invitee_transition(*, actor: Actor, invitee: Invitee, to_state: str) -> Invitee:
    """Register, decline or check in (present) one invitee."""
    invitee = Invitee.objects.select_for_update().select_related("round").get(pk=invitee.pk)
    if to_state == InviteeState.PRESENT:
        deny(policies.can_check_in(actor, invitee.round))
    else:
        deny(policies.can_register(actor, invitee.round, invitee.unit_id))
    if invitee.state == InviteeState.PRESENT and to_state == InviteeState.PRESENT:
        return invitee  # a second scan of the same invitation is harmless
    fields = []
    if to_state == InviteeState.PRESENT:
        invitee.checked_in_at = timezone.now()
        fields.append("checked_in_at")
    transition(
        invitee,
        to_state,
        actor=actor,
        table=INVITEE_TRANSITIONS,
        action=DialogueEvents.INVITEE_TRANSITION,
        fields=fields,
    )
    return invitee


@transaction.atomic
def speaker_request(
    *, actor: Actor, round_: Round, name: str, invitee: Invitee | None = None
) -> Speaker:
    """Put a speaker at the end of the list."""
    deny(policies.can_run_conference(actor, round_))
    required(name, _("Vui lòng nhập tên người phát biểu."))
    if invitee is not None and invitee.round_id != round_.pk:
        raise ValidationError(_("Đại biểu không thuộc kỳ đối thoại này."))
    last = round_.speakers.aggregate(m=Max("position"))["m"] or 0
    current = round_.agenda_items.filter(state=AgendaState.CURRENT).first()
    speaker = Speaker.objects.create(
        round=round_,
        name=name.strip()[:150],
        invitee=invitee,
        position=last + 1,
        agenda_item=current,
    )
    event_record(actor=actor, obj=speaker, action=DialogueEvents.SPEAKER_REQUEST)
    return speaker


@transaction.atomic
def speaker_transition(*, actor: Actor, speaker: Speaker, to_state: str) -> Speaker:
    """Start, end, withdraw or re-queue a speech. Starting ends any speech in progress."""
    speaker = Speaker.objects.select_for_update().select_related("round").get(pk=speaker.pk)
    deny(policies.can_run_conference(actor, speaker.round))
    SPEAKER_TRANSITIONS.check(speaker.state, to_state)
    now = timezone.now()
    fields = []
    if to_state == SpeakerState.SPEAKING:
        for other in Speaker.objects.filter(round=speaker.round_id, state=SpeakerState.SPEAKING):
            speaker_transition(actor=actor, speaker=other, to_state=SpeakerState.DONE)
        speaker.started_at = now
        fields.append("started_at")
    elif to_state == SpeakerState.DONE:
        speaker.ended_at = now
        fields.append("ended_at")
    transition(
        speaker,
        to_state,
        actor=actor,
        table=SPEAKER_TRANSITIONS,
        action=DialogueEvents.SPEAKER_TRANSITION,
        fields=fields,
    )
    return speaker


@transaction.atomic
def speaker_move(*, actor: Actor, speaker: Speaker, position: int) -> Speaker:
    """Change the order of a waiting speaker."""
    deny(policies.can_run_conference(actor, speaker.round))
    if position < 1:
        raise ValidationError(_("Thứ tự phải lớn hơn 0."))
    Speaker.objects.filter(round=speaker.round_id, position__gte=position).exclude(
        pk=speaker.pk
    ).update(position=F("position") + 1)
    speaker.position = position
    speaker.save(update_fields=["position"])
    event_record(
        actor=actor, obj=speaker, action=DialogueEvents.SPEAKER_MOVE, after={"position": position}
    )
    return speaker
