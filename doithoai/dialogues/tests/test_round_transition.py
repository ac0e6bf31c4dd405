"""Plan lifecycle: every transition × every role; a refusal changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.core.models import Event
from doithoai.dialogues.models import ROUND_TRANSITIONS, Round, RoundState
from doithoai.dialogues.services import round_create, round_transition, round_update_plan

from .conftest import ROLES

# (from, to) → the roles allowed; the leader approves and concludes, the secretariat the rest.
ALLOWED = {
    (RoundState.DRAFT, RoundState.APPROVED): {"lanhdao"},
    (RoundState.APPROVED, RoundState.DRAFT): {"vanphong", "tinh"},
    (RoundState.APPROVED, RoundState.ANNOUNCED): {"vanphong", "tinh"},
    (RoundState.ANNOUNCED, RoundState.HELD): {"vanphong", "tinh"},
    (RoundState.HELD, RoundState.CONCLUDED): {"lanhdao"},
}


def test_the_table_lists_exactly_the_tested_moves():
    moves = {(a, b) for a, targets in ROUND_TRANSITIONS.items() for b in targets}
    assert moves == set(ALLOWED)


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize(("from_state", "to_state"), sorted(ALLOWED))
def test_round_transition_matrix(draft_round, demo_user, username, from_state, to_state):
    Round.objects.filter(pk=draft_round.pk).update(state=from_state)
    user = demo_user(username)
    events = Event.objects.count()
    if username in ALLOWED[(from_state, to_state)]:
        round_transition(actor=user, round_=draft_round, to_state=to_state)
        assert Round.objects.get(pk=draft_round.pk).state == to_state
        assert Event.objects.count() == events + 1
    else:
        with pytest.raises(PermissionDenied):
            round_transition(actor=user, round_=draft_round, to_state=to_state)
        assert Round.objects.get(pk=draft_round.pk).state == from_state
        assert Event.objects.count() == events


@pytest.mark.parametrize(
    ("from_state", "to_state"),
    [
        (RoundState.DRAFT, RoundState.ANNOUNCED),
        (RoundState.DRAFT, RoundState.CONCLUDED),
        (RoundState.CONCLUDED, RoundState.DRAFT),
        (RoundState.HELD, RoundState.ANNOUNCED),
    ],
)
def test_moves_outside_the_table_are_refused(draft_round, demo_user, from_state, to_state):
    Round.objects.filter(pk=draft_round.pk).update(state=from_state)
    actor = demo_user("lanhdao" if to_state in ("approved", "concluded") else "vanphong")
    with pytest.raises(ValidationError):
        round_transition(actor=actor, round_=draft_round, to_state=to_state)
    assert Round.objects.get(pk=draft_round.pk).state == from_state


def test_announcing_needs_time_and_venue(draft_round, demo_user):
    Round.objects.filter(pk=draft_round.pk).update(state=RoundState.APPROVED, venue="")
    with pytest.raises(ValidationError):
        round_transition(actor=demo_user("vanphong"), round_=draft_round, to_state="announced")
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.APPROVED


def test_plan_update_by_secretariat_only_and_frozen_when_held(draft_round, demo_user):
    round_update_plan(
        actor=demo_user("vanphong"), round_=draft_round, changes={"venue": "Nhà văn hóa"}
    )
    assert Round.objects.get(pk=draft_round.pk).venue == "Nhà văn hóa"
    with pytest.raises(PermissionDenied):
        round_update_plan(actor=demo_user("mttq"), round_=draft_round, changes={"venue": "X"})
    Round.objects.filter(pk=draft_round.pk).update(state=RoundState.HELD)
    draft_round.refresh_from_db()
    with pytest.raises(ValidationError):
        round_update_plan(actor=demo_user("vanphong"), round_=draft_round, changes={"venue": "Y"})
    assert Round.objects.get(pk=draft_round.pk).venue == "Nhà văn hóa"


@pytest.mark.parametrize("username", ROLES)
def test_round_create_per_role(db, demo_user, username):
    from doithoai.units.models import Organisation

    ubnd = Organisation.objects.get(unit__code="058", unit__scheme="2004", code="ubnd")
    before = Round.objects.count()
    if username in {"vanphong", "tinh"}:
        made = round_create(actor=demo_user(username), organisation=ubnd, title="Kỳ mới")
        assert made.state == RoundState.DRAFT and made.unit_id == ubnd.unit_id
    else:
        with pytest.raises(PermissionDenied):
            round_create(actor=demo_user(username), organisation=ubnd, title="Kỳ mới")
        assert Round.objects.count() == before


def test_round_new_page(client, demo_user):
    client.force_login(demo_user("vanphong"))
    response = client.post("/staff/doi-thoai/moi/", {"title": "Đối thoại năm 2017"})
    made = Round.objects.get(title="Đối thoại năm 2017")
    assert response.status_code == 302 and made.state == RoundState.DRAFT
    client.post("/staff/doi-thoai/moi/", {"title": " "})
    assert Round.objects.filter(title="").count() == 0
