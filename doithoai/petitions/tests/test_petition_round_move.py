"""Moving a petition to another round or out of every round: policy per role, checks, hooks, the
detail page's form; and the list filter for petitions outside every round."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from doithoai.core.models import Event
from doithoai.dialogues.models import RoundState
from doithoai.petitions import hooks
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Petition
from doithoai.petitions.services import petition_round_set
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.petitions.tests.round_helpers import (
    close_every_round,
    elsewhere,
    make_round,
    ward,
)

# "tinh" is the secretariat of today's province, whose area takes in the 2004 wards.
ALLOWED = ["vanphong", "quantri", "tinh"]
DENIED = ["phuong", "lanhdao", "mttq", "chuyenvien", "truongphong", "baochi"]


@pytest.fixture
def setup(db):
    close_every_round()
    city_round = make_round(title="Đối thoại thành phố")
    ward_round = make_round(unit=ward(), title="Đối thoại phường")
    petition = PetitionFactory(round=city_round)
    return petition, city_round, ward_round


def moves(petition) -> int:
    return Event.objects.filter(
        action=PetitionEvents.PETITION_ROUND_SET, object_id=str(petition.pk)
    ).count()


@pytest.mark.parametrize("username", ALLOWED)
def test_secretariat_and_administrators_move_a_petition_and_out(demo_user, setup, username):
    petition, _city_round, ward_round = setup
    user = demo_user(username)
    petition_round_set(actor=user, petition=petition, round_=ward_round)
    assert Petition.objects.get(pk=petition.pk).round == ward_round
    petition_round_set(actor=user, petition=petition, round_=None)
    assert Petition.objects.get(pk=petition.pk).round is None
    event = Event.objects.filter(action=PetitionEvents.PETITION_ROUND_SET).latest("id")
    assert event.before == {"round": ward_round.pk} and event.after["round"] is None
    assert moves(petition) == 2


@pytest.mark.parametrize("username", DENIED)
def test_other_roles_may_not_move_and_nothing_changes(demo_user, setup, username):
    petition, city_round, ward_round = setup
    with pytest.raises(PermissionDenied):
        petition_round_set(actor=demo_user(username), petition=petition, round_=ward_round)
    assert Petition.objects.get(pk=petition.pk).round == city_round and moves(petition) == 0


@pytest.mark.parametrize(
    "target",
    [
        lambda: make_round(state=RoundState.HELD, days=-3),
        lambda: make_round(state=RoundState.DRAFT),
        lambda: make_round(unit=elsewhere()),
        "same",
    ],
    ids=["held", "draft", "elsewhere", "same"],
)
def test_a_round_that_cannot_take_it_is_refused(demo_user, setup, target):
    petition, city_round, _ward_round = setup
    round_ = city_round if target == "same" else target()
    with pytest.raises(ValidationError):
        petition_round_set(actor=demo_user("vanphong"), petition=petition, round_=round_)
    assert Petition.objects.get(pk=petition.pk).round == city_round and moves(petition) == 0


def test_a_petition_of_a_concluded_round_stays_there(demo_user, setup):
    _petition, _city_round, ward_round = setup
    concluded = make_round(state=RoundState.CONCLUDED, days=-90)
    petition = PetitionFactory(round=concluded)
    with pytest.raises(ValidationError):
        petition_round_set(actor=demo_user("vanphong"), petition=petition, round_=ward_round)
    assert Petition.objects.get(pk=petition.pk).round == concluded


def test_the_hooks_run_in_the_move_and_a_failing_hook_undoes_it(demo_user, setup, monkeypatch):
    petition, city_round, ward_round = setup
    seen = []

    def remember(*, petition, old_round_id, new_round_id, actor):
        seen.append((petition.pk, old_round_id, new_round_id, actor.username))

    monkeypatch.setattr(hooks, "ROUND_CHANGED", [])
    hooks.on_round_changed(remember)
    hooks.on_round_changed(remember)  # registered once
    petition_round_set(actor=demo_user("vanphong"), petition=petition, round_=ward_round)
    assert seen == [(petition.pk, city_round.pk, ward_round.pk, "vanphong")]

    def fail(**kwargs):
        raise ValidationError("Không gỡ được kiến nghị khỏi vấn đề.")

    hooks.on_round_changed(fail)
    with pytest.raises(ValidationError):
        petition_round_set(actor=demo_user("vanphong"), petition=petition, round_=None)
    assert Petition.objects.get(pk=petition.pk).round == ward_round and moves(petition) == 1


# -- the detail page --------------------------------------------------------------------------


def test_the_detail_page_offers_a_short_select_of_the_rounds_covering_the_unit(
    client, demo_user, setup
):
    petition, _city_round, _ward_round = setup
    make_round(state=RoundState.CONCLUDED, title="Kỳ đã kết luận", days=-200)
    client.force_login(demo_user("vanphong"))
    page = client.get(f"/staff/kien-nghi/{petition.pk}/")
    form = page.context["round_form"]
    offered = [label for value, label in form.fields["round"].choices]
    assert offered[1:] == ["Đối thoại phường", "Đối thoại thành phố"]
    assert "Kỳ đã kết luận" not in offered
    assert 'data-testid="round-form"' in page.content.decode()


def test_the_detail_page_moves_the_petition_and_out(client, demo_user, setup):
    petition, _city_round, ward_round = setup
    client.force_login(demo_user("vanphong"))
    url = f"/staff/kien-nghi/{petition.pk}/ky-doi-thoai/"
    page = client.post(url, {"round": ward_round.pk}, follow=True)
    assert Petition.objects.get(pk=petition.pk).round == ward_round
    assert "Đã chuyển kiến nghị sang kỳ đối thoại" in page.content.decode()
    page = client.post(url, {"round": ""}, follow=True)
    assert Petition.objects.get(pk=petition.pk).round is None
    assert "ra ngoài các kỳ đối thoại" in page.content.decode()


def test_a_round_not_offered_is_refused_by_the_page(client, demo_user, setup):
    petition, city_round, _ward_round = setup
    other = make_round(unit=elsewhere())
    client.force_login(demo_user("vanphong"))
    page = client.post(
        f"/staff/kien-nghi/{petition.pk}/ky-doi-thoai/", {"round": other.pk}, follow=True
    )
    assert page.status_code == 200 and "Hãy chọn một kỳ đối thoại" in page.content.decode()
    assert Petition.objects.get(pk=petition.pk).round == city_round


def test_a_ward_officer_sees_no_form_and_cannot_post(client, demo_user, setup):
    petition, city_round, ward_round = setup
    client.force_login(demo_user("phuong"))
    page = client.get(f"/staff/kien-nghi/{petition.pk}/")
    assert page.context["round_form"] is None and "round-form" not in page.content.decode()
    denied = client.post(f"/staff/kien-nghi/{petition.pk}/ky-doi-thoai/", {"round": ward_round.pk})
    assert denied.status_code == 403
    assert Petition.objects.get(pk=petition.pk).round == city_round and moves(petition) == 0


# -- the list filter --------------------------------------------------------------------------


def test_the_list_and_its_export_filter_petitions_outside_every_round(client, demo_user, setup):
    petition, city_round, _ward_round = setup
    outside = PetitionFactory(round=None, text="Kiến nghị ngoài kỳ đối thoại về đèn đường tổ 3.")
    client.force_login(demo_user("vanphong"))
    page = client.get("/staff/kien-nghi/", {"round": "ngoai"})
    codes = [row.code for row in page.context["rows"]]
    assert outside.code in codes and petition.code not in codes
    assert "Ngoài kỳ đối thoại" in page.content.decode()
    by_round = client.get("/staff/kien-nghi/", {"round": str(city_round.pk)})
    codes = [row.code for row in by_round.context["rows"]]
    assert petition.code in codes and outside.code not in codes
    export = client.get("/staff/kien-nghi/xuat.xlsx", {"round": "ngoai"})
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert outside.code in cells and petition.code not in cells
    assert {"Kỳ đối thoại", "Ngoài kỳ đối thoại"} <= cells


def test_the_round_filter_offers_the_rounds_above_a_ward(client, demo_user, setup):
    _petition, _city_round, _ward_round = setup
    make_round(unit=elsewhere(), title="Kỳ của tỉnh khác")
    client.force_login(demo_user("phuong"))
    page = client.get("/staff/kien-nghi/")
    labels = [label for value, label in page.context["form"].fields["round"].choices]
    assert "Đối thoại thành phố" in labels and "Đối thoại phường" in labels
    assert "Ngoài kỳ đối thoại" in labels and "Kỳ của tỉnh khác" not in labels
