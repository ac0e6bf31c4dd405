"""Role × action matrix for the unit and account policies; a denied case changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied

from doithoai.accounts.models import Membership, Role
from doithoai.accounts.services import membership_grant
from doithoai.core.models import Event
from doithoai.units.models import Organisation, Unit, UnitKind
from doithoai.units.services import unit_add_local

ROLES = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "baochi", "quantri"]
# Đức Xuân is the demo ward officer's own ward; Sông Cầu is another ward of the city.
ADD_VILLAGE = {
    ("vanphong", "01840"): True,
    ("vanphong", "01837"): True,
    ("phuong", "01840"): True,
    ("phuong", "01837"): False,
    ("quantri", "01840"): True,
    ("quantri", "01837"): True,
}


def _snapshot():
    return Unit.objects.count(), Event.objects.count(), Membership.objects.count()


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize("ward_code", ["01840", "01837"])
def test_add_village_matrix(db, demo_user, username, ward_code):
    ward = Unit.objects.get(scheme="2004", code=ward_code)
    allowed = ADD_VILLAGE.get((username, ward_code), False)
    before = _snapshot()
    if allowed:
        unit = unit_add_local(
            actor=demo_user(username), parent=ward, kind=UnitKind.RESIDENTIAL_GROUP, name="Tổ 9"
        )
        assert unit.parent == ward and unit.scheme == "local"
        assert _snapshot()[:2] == (before[0] + 1, before[1] + 1)
    else:
        with pytest.raises(PermissionDenied):
            unit_add_local(
                actor=demo_user(username), parent=ward, kind=UnitKind.RESIDENTIAL_GROUP, name="Tổ 9"
            )
        assert _snapshot() == before


@pytest.mark.parametrize("username", ROLES)
def test_grant_role_matrix(db, demo_user, username):
    target = demo_user("baochi")
    org = Organisation.objects.get(unit__code="058", code="tnmt")
    before = _snapshot()
    if username == "quantri":
        membership_grant(
            actor=demo_user(username), user=target, organisation=org, role=Role.DEPARTMENT_OFFICER
        )
        assert _snapshot()[2] == before[2] + 1
    else:
        with pytest.raises(PermissionDenied):
            membership_grant(
                actor=demo_user(username),
                user=target,
                organisation=org,
                role=Role.DEPARTMENT_OFFICER,
            )
        assert _snapshot() == before


def test_local_unit_names_are_validated(db, demo_user):
    from django.core.exceptions import ValidationError

    ward = Unit.objects.get(scheme="2004", code="01840")
    unit_add_local(
        actor=demo_user("phuong"), parent=ward, kind=UnitKind.VILLAGE, name="Thôn Nà Pài"
    )
    before = _snapshot()
    for name in ["", "x" * 201, "THON NA PAI"]:
        with pytest.raises(ValidationError):
            unit_add_local(actor=demo_user("phuong"), parent=ward, kind=UnitKind.VILLAGE, name=name)
    assert _snapshot() == before
