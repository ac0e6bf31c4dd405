import pytest

from doithoai.units.tests.factories import OrganisationFactory, UnitFactory, city

pytestmark = pytest.mark.django_db


def test_unit_factory_makes_a_valid_group_under_the_city() -> None:
    unit = UnitFactory()
    unit.full_clean()
    assert unit.parent == city()
    assert unit.name_folded.startswith("to dan pho thu")
    assert UnitFactory().code != unit.code


def test_organisation_factory_makes_a_valid_department() -> None:
    organisation = OrganisationFactory()
    organisation.full_clean()
    assert organisation.unit == city()
