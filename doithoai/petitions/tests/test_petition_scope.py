"""One petition scope per user: the list's filter, the unit bound, the per-petition check and the
personal-data filter all say the same, for every demo login and every kind of petition."""

import pytest

from doithoai.accounts.models import User
from doithoai.petitions import policies
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.units.models import Organisation


@pytest.fixture
def mixed(db):
    """Petitions of each kind the rules tell apart, besides the reference round's."""
    qldt = Organisation.objects.get(unit__code="058", code="qldt")
    return [
        PetitionFactory(unit=ward("01840")),
        PetitionFactory(unit=ward("01837"), confidential=True),
        PetitionFactory(unit=ward("01852"), assigned_to=qldt),
        PetitionFactory(unit=ward("01852"), assigned_to=qldt, confidential=True),
        PetitionFactory(unit=ward("01840"), legal_kind=LegalKind.TO_CAO),
        PetitionFactory(unit=ward("01840"), legal_kind=LegalKind.TO_CAO, assigned_to=qldt),
    ]


def _users():
    return list(User.objects.filter(is_active=True).order_by("username"))


def test_the_filters_agree_with_the_checks_for_every_login(mixed):
    petitions = list(Petition.objects.select_related("unit"))
    assert len(petitions) > len(mixed)
    users = _users()
    assert len(users) >= 8
    seen_personal = False
    for user in users:
        scope = policies.visible_petitions_q(user)
        listed = (
            set(Petition.objects.filter(scope).values_list("pk", flat=True))
            if scope is not None
            else set()
        )
        assert listed == {p.pk for p in petitions if policies.can_view(user, p)}, user.username

        readable_q = policies.personal_data_q(user)
        readable = (
            set(Petition.objects.filter(readable_q).values_list("pk", flat=True))
            if readable_q is not None
            else set()
        )
        expected = {p.pk for p in petitions if policies.can_see_personal_data(user, p)}
        assert readable == expected, user.username
        seen_personal |= bool(expected) and expected != listed

        units = policies.visible_unit_ids(user)
        if units is not None:
            assert {p.unit_id for p in petitions if p.pk in listed} <= units, user.username
    # The matrix is not trivial: someone lists petitions whose petitioner they may not read.
    assert seen_personal


def test_the_unit_bound_is_none_exactly_when_the_scope_is_not_units_alone(db):
    for user in _users():
        scope = policies.petition_scope(user)
        bound = policies.visible_unit_ids(user)
        assert (bound is None) == (scope.everything or bool(scope.departments)), user.username
        if bound is not None:
            assert bound == set(scope.units)
    assert policies.visible_unit_ids(User.objects.get(username="quantri")) is None
    assert policies.visible_unit_ids(User.objects.get(username="chuyenvien")) is None
    assert policies.visible_unit_ids(User.objects.get(username="baochi")) == set()
    assert policies.visible_petitions_q(User.objects.get(username="baochi")) is None
