"""Invitees: staff registration per role, residents' open seats, check-in."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.dialogues.models import INVITEE_TRANSITIONS, Invitee, InviteeState, Round, RoundState
from doithoai.dialogues.selectors import attendance_by_group
from doithoai.dialogues.services import invitee_add, invitee_register_public, invitee_transition
from doithoai.units.models import Scheme, Unit

from .conftest import ROLES


@pytest.fixture
def duc_xuan(db):
    return Unit.objects.get(scheme=Scheme.LEGACY_2004, code="01840")


@pytest.fixture
def other_ward(duc_xuan):
    return Unit.objects.filter(parent=duc_xuan.parent).exclude(pk=duc_xuan.pk).first()


@pytest.mark.parametrize("username", ROLES)
def test_who_registers_a_residents_representative(
    round_, demo_user, duc_xuan, other_ward, username
):
    before = Invitee.objects.count()
    user = demo_user(username)
    for unit, allowed in (
        (duc_xuan, username in {"vanphong", "phuong", "tinh"}),
        (other_ward, username in {"vanphong", "tinh"}),
    ):
        if allowed:
            invitee_add(
                actor=user, round_=round_, name=f"Đại biểu {unit.pk}", group="resident", unit=unit
            )
        else:
            with pytest.raises(PermissionDenied):
                invitee_add(
                    actor=user,
                    round_=round_,
                    name=f"Đại biểu {unit.pk}",
                    group="resident",
                    unit=unit,
                )
    expected = {"vanphong": 2, "phuong": 1, "tinh": 2}.get(username, 0)
    assert Invitee.objects.count() == before + expected


def test_bad_group_and_duplicates_are_refused(round_, demo_user, duc_xuan):
    actor = demo_user("vanphong")
    with pytest.raises(ValidationError):
        invitee_add(actor=actor, round_=round_, name="A", group="nope")
    invitee_add(actor=actor, round_=round_, name="Lò Văn A", group="business")
    with pytest.raises(ValidationError):
        invitee_add(actor=actor, round_=round_, name="Lò Văn A", group="business")
    assert round_.invitees.filter(name="Lò Văn A").count() == 1


def test_public_registration_takes_open_seats(round_):
    Round.objects.filter(pk=round_.pk).update(open_seats=1)
    round_.refresh_from_db()
    first = invitee_register_public(
        round_=round_, name="Nguyễn Thị Bình", unit=None, phone="0912345678"
    )
    assert first.state == InviteeState.REGISTERED and first.self_registered
    with pytest.raises(ValidationError):
        invitee_register_public(round_=round_, name="Người thứ hai", unit=None)
    assert round_.invitees.filter(self_registered=True).count() == 1


def test_public_registration_only_while_announced(round_):
    Round.objects.filter(pk=round_.pk).update(state=RoundState.HELD, open_seats=5)
    round_.refresh_from_db()
    with pytest.raises(ValidationError):
        invitee_register_public(round_=round_, name="Nguyễn Văn C", unit=None)
    assert not round_.invitees.filter(name="Nguyễn Văn C").exists()


MOVES = sorted((a, b) for a, targets in INVITEE_TRANSITIONS.items() for b in targets)


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize(("from_state", "to_state"), MOVES)
def test_invitee_transition_matrix(round_, demo_user, duc_xuan, username, from_state, to_state):
    invitee = Invitee.objects.create(
        round=round_, name="Ma Thị D", group="resident", unit=duc_xuan, state=from_state
    )
    if to_state == InviteeState.PRESENT:
        allowed = username in {"vanphong", "tinh"}
    else:
        allowed = username in {"vanphong", "phuong", "tinh"}
    if allowed:
        invitee_transition(actor=demo_user(username), invitee=invitee, to_state=to_state)
        invitee.refresh_from_db()
        assert invitee.state == to_state
        assert (invitee.checked_in_at is not None) == (to_state == InviteeState.PRESENT)
    else:
        with pytest.raises(PermissionDenied):
            invitee_transition(actor=demo_user(username), invitee=invitee, to_state=to_state)
        invitee.refresh_from_db()
        assert invitee.state == from_state and invitee.checked_in_at is None


def test_check_in_twice_is_harmless_and_counted_by_group(round_, demo_user):
    actor = demo_user("vanphong")
    invitee = invitee_add(actor=actor, round_=round_, name="Hà Văn E", group="village_head")
    before = {r["group"]: r["present"] for r in attendance_by_group(round_)}
    invitee_transition(actor=actor, invitee=invitee, to_state="present")
    invitee_transition(actor=actor, invitee=invitee, to_state="present")
    after = {r["group"]: r["present"] for r in attendance_by_group(round_)}
    assert after["village_head"] == before["village_head"] + 1
    with pytest.raises(ValidationError):
        invitee_transition(actor=actor, invitee=invitee, to_state="declined")
