"""Each process keeps the collecting rounds (ADR 0010): an intake asks no query for its round,
and a round approved, closed or renamed through the services is seen by the next intake."""

import pytest

from doithoai.dialogues.models import RoundState
from doithoai.dialogues.services import round_transition, round_update_plan
from doithoai.petitions.rounds import round_for_new_petition
from doithoai.petitions.tests.round_helpers import close_every_round, make_round, ward

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet(db):
    close_every_round()


def test_the_collecting_rounds_are_read_once(quiet, django_assert_num_queries):
    city_round = make_round()
    assert round_for_new_petition(ward()) == city_round
    unit = ward()
    with django_assert_num_queries(0):
        assert round_for_new_petition(unit) == city_round


def test_a_round_approved_by_the_leader_is_joined_after_the_commit(
    quiet, demo_user, django_capture_on_commit_callbacks
):
    draft = make_round(state=RoundState.DRAFT)
    assert round_for_new_petition(ward()) is None  # read and kept: nothing collects
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        round_transition(actor=demo_user("lanhdao"), round_=draft, to_state=RoundState.APPROVED)
    assert callbacks  # the change is announced on commit, not before
    assert round_for_new_petition(ward()) == draft


def test_a_round_no_longer_collecting_is_left_after_the_commit(
    quiet, demo_user, django_capture_on_commit_callbacks
):
    announced = make_round()
    assert round_for_new_petition(ward()) == announced
    with django_capture_on_commit_callbacks(execute=True):
        round_transition(actor=demo_user("vanphong"), round_=announced, to_state=RoundState.HELD)
    assert round_for_new_petition(ward()) is None


def test_a_renamed_round_is_named_by_its_new_title(
    quiet, demo_user, django_capture_on_commit_callbacks
):
    announced = make_round(title="Đối thoại quý IV")
    assert round_for_new_petition(ward()).title == "Đối thoại quý IV"
    with django_capture_on_commit_callbacks(execute=True):
        round_update_plan(
            actor=demo_user("vanphong"),
            round_=announced,
            changes={"title": "Đối thoại với hộ kinh doanh quý IV"},
        )
    assert round_for_new_petition(ward()).title == "Đối thoại với hộ kinh doanh quý IV"


def test_the_list_filter_rounds_are_read_once_and_follow_the_services(
    quiet, demo_user, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The staff list's round filter reads every round once per process; a round created or
    renamed through the services is offered under its title after the commit."""
    from doithoai.dialogues.services import round_create
    from doithoai.petitions.rounds import round_filter_choices
    from doithoai.petitions.tests.round_helpers import city

    city_round = make_round(title="Đối thoại quý III")
    assert (city_round.pk, "Đối thoại quý III") in round_filter_choices(area=None, roots=set())
    area = {city().pk}
    with django_assert_num_queries(0):
        assert city_round.pk in dict(round_filter_choices(area=area, roots=set()))
    officer = demo_user("vanphong")
    organisation = city_round.organisation
    with django_capture_on_commit_callbacks(execute=True):
        created = round_create(actor=officer, organisation=organisation, title="Kỳ mới quý I")
    area = {created.unit_id, city_round.unit_id}
    assert dict(round_filter_choices(area=area, roots=set()))[created.pk] == "Kỳ mới quý I"
    with django_capture_on_commit_callbacks(execute=True):
        round_update_plan(actor=officer, round_=city_round, changes={"title": "Quý III (sửa)"})
    assert dict(round_filter_choices(area=area, roots=set()))[city_round.pk] == "Quý III (sửa)"
