"""The agenda and the list of speakers: order, start and end of speeches, per role."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.dialogues.models import SPEAKER_TRANSITIONS, AgendaItem, Speaker, SpeakerState
from doithoai.dialogues.services import (
    agenda_build,
    agenda_item_open,
    agenda_item_update,
    speaker_move,
    speaker_request,
    speaker_transition,
)

from .conftest import ROLES

RUNNERS = {"vanphong", "lanhdao", "tinh"}


@pytest.mark.parametrize("username", ROLES)
def test_agenda_is_run_by_chair_and_secretariat(round_, issues, demo_user, username):
    user = demo_user(username)
    if username in RUNNERS:
        items = agenda_build(actor=user, round_=round_)
        agenda_item_update(actor=user, item=items[0], position=9, minutes=12)
        items[0].refresh_from_db()
        assert items[0].position == len(items)  # moved to the end, the others shifted up
        agenda_item_open(actor=user, item=items[0])
        agenda_item_open(actor=user, item=items[1])
        states = dict(AgendaItem.objects.filter(round=round_).values_list("pk", "state"))
        assert states[items[0].pk] == "done" and states[items[1].pk] == "current"
        assert AgendaItem.objects.get(pk=items[0].pk).minutes == 12
    else:
        with pytest.raises(PermissionDenied):
            agenda_build(actor=user, round_=round_)
        assert not AgendaItem.objects.filter(round=round_).exists()


def test_agenda_minutes_are_checked(round_, issues, demo_user):
    item = agenda_build(actor=demo_user("vanphong"), round_=round_)[-1]
    with pytest.raises(ValidationError):
        agenda_item_update(actor=demo_user("vanphong"), item=item, minutes=0)
    assert AgendaItem.objects.get(pk=item.pk).minutes == round_.minutes_per_issue


@pytest.mark.parametrize("username", ROLES)
def test_speaker_request_per_role(round_, demo_user, username):
    if username in RUNNERS:
        speaker = speaker_request(actor=demo_user(username), round_=round_, name="Nông Thị Huệ")
        assert speaker.position == 1 and speaker.state == SpeakerState.WAITING
    else:
        with pytest.raises(PermissionDenied):
            speaker_request(actor=demo_user(username), round_=round_, name="Nông Thị Huệ")
        assert not Speaker.objects.filter(round=round_).exists()


MOVES = sorted((a, b) for a, targets in SPEAKER_TRANSITIONS.items() for b in targets)


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize(("from_state", "to_state"), MOVES)
def test_speaker_transition_matrix(round_, demo_user, username, from_state, to_state):
    speaker = Speaker.objects.create(round=round_, name="Bế Văn Lợi", position=1, state=from_state)
    if username in RUNNERS:
        speaker_transition(actor=demo_user(username), speaker=speaker, to_state=to_state)
        speaker.refresh_from_db()
        assert speaker.state == to_state
        if to_state == SpeakerState.SPEAKING:
            assert speaker.started_at is not None
        if to_state == SpeakerState.DONE:
            assert speaker.ended_at is not None
    else:
        with pytest.raises(PermissionDenied):
            speaker_transition(actor=demo_user(username), speaker=speaker, to_state=to_state)
        speaker.refresh_from_db()
        assert speaker.state == from_state and speaker.started_at is None


def test_starting_a_speech_ends_the_one_in_progress_and_times_it(round_, demo_user):
    actor = demo_user("lanhdao")
    first = speaker_request(actor=actor, round_=round_, name="A")
    second = speaker_request(actor=actor, round_=round_, name="B")
    speaker_transition(actor=actor, speaker=first, to_state="speaking")
    speaker_transition(actor=actor, speaker=second, to_state="speaking")
    first.refresh_from_db()
    assert first.state == "done" and first.seconds is not None and first.seconds >= 0
    with pytest.raises(ValidationError):
        speaker_transition(actor=actor, speaker=first, to_state="speaking")


def test_speaker_order_can_change(round_, demo_user):
    actor = demo_user("vanphong")
    a = speaker_request(actor=actor, round_=round_, name="A")
    b = speaker_request(actor=actor, round_=round_, name="B")
    speaker_move(actor=actor, speaker=b, position=1)
    assert [s.name for s in Speaker.objects.filter(round=round_)] == ["B", "A"]
    assert a.pk != b.pk
