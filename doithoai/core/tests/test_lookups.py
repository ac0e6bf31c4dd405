"""`__any_of` behaves like the plain ORM's `__in` on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.units.models import Unit

pytestmark = pytest.mark.django_db


def test_any_of_matches_in_for_fields_and_foreign_keys():
    ids = set(Unit.objects.values_list("pk", flat=True)[:300])
    assert len(ids) > 100
    assert set(Unit.objects.filter(pk__any_of=ids).values_list("pk", flat=True)) == ids
    inside, outside = ward("01840"), ward("01843")
    mine = PetitionFactory(unit=inside)
    theirs = PetitionFactory(unit=outside)
    both = Petition.objects.filter(pk__in=[mine.pk, theirs.pk])
    assert list(both.filter(unit_id__any_of={inside.pk, *range(10**9, 10**9 + 400)})) == [mine]
    assert list(both.filter(unit__any_of=[outside.pk])) == [theirs]
    assert not both.filter(unit_id__any_of=[]).exists()


def test_any_of_sends_one_parameter_on_postgresql():
    ids = list(Unit.objects.values_list("pk", flat=True)[:200])
    with CaptureQueriesContext(connection) as queries:
        list(Unit.objects.filter(pk__any_of=ids))
    sql = queries.captured_queries[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql and " IN (" not in sql
    else:
        assert " IN (" in sql


def test_any_of_one_value_is_a_plain_equality():
    only = ward("01840")
    with CaptureQueriesContext(connection) as queries:
        list(Petition.objects.filter(unit_id__any_of=[only.pk]))
    sql = queries.captured_queries[0]["sql"]
    if connection.vendor == "postgresql":  # elsewhere Django's IN, which planners handle alike
        assert f'"unit_id" = {only.pk}' in sql and "ANY(" not in sql
