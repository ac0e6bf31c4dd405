"""`__any_of` and `CompiledRow` behave like the plain ORM on SQLite and PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from doithoai.core.compiled import CompiledRow
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


def test_compiled_row_runs_with_each_value_and_converts_types():
    first = PetitionFactory(received_on=datetime.date(2026, 3, 2))
    second = PetitionFactory(received_on=datetime.date(2025, 12, 31))
    row = CompiledRow(
        Petition,
        lambda code: (
            Petition.objects.filter(code=code)
            .annotate(day=F("received_on"))
            .values("code", "unit__name", "day")
        ),
    )
    assert row.first(first.code) == {
        "code": first.code,
        "unit__name": first.unit.name,
        "day": datetime.date(2026, 3, 2),
    }
    assert row.first(second.code)["day"] == datetime.date(2025, 12, 31)
    assert row.first("NOPE") is None


def test_compiled_row_refuses_a_query_without_its_placeholder():
    row = CompiledRow(Petition, lambda code: Petition.objects.values("code"))
    with pytest.raises(ValueError):
        row.first("X")


def test_compiled_row_is_prepared_once_per_connection_on_postgresql():
    petitions = [PetitionFactory() for _ in range(3)]
    row = CompiledRow(Petition, lambda code: Petition.objects.filter(code=code).values("code"))
    with CaptureQueriesContext(connection) as queries:
        for p in petitions * 3:
            assert row.first(p.code) == {"code": p.code}
    assert len(queries.captured_queries) == 9  # still seen by Django's query log
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%"petitions_petition"."code" = $1%'],
        )
        assert cursor.fetchone() == (1,)


def test_any_of_one_value_is_a_plain_equality():
    only = ward("01840")
    with CaptureQueriesContext(connection) as queries:
        list(Petition.objects.filter(unit_id__any_of=[only.pk]))
    sql = queries.captured_queries[0]["sql"]
    if connection.vendor == "postgresql":  # elsewhere Django's IN, which planners handle alike
        assert f'"unit_id" = {only.pk}' in sql and "ANY(" not in sql


def test_compiled_rows_read_every_row_and_build_instances():
    from doithoai.core.compiled import INT_SLOT, field_names, instance_from

    parent = ward("01840").parent
    children = CompiledRow(
        Unit,
        lambda pk: Unit.objects.filter(parent_id=pk).order_by("pk").values(*field_names(Unit)),
        many=True,
        placeholder=INT_SLOT,
    )
    rows = children.all(parent.pk)
    expected = list(Unit.objects.filter(parent_id=parent.pk).order_by("pk"))
    assert len(rows) == len(expected) > 1
    built = [instance_from(Unit, row) for row in rows]
    assert [(u.pk, u.code, u.name, u.valid_from) for u in built] == [
        (u.pk, u.code, u.name, u.valid_from) for u in expected
    ]
    assert not built[0]._state.adding
    assert children.all(-1) == []
    with pytest.raises(TypeError):
        CompiledRow(Unit, lambda pk: Unit.objects.filter(pk=pk).values("pk")).all(1)
