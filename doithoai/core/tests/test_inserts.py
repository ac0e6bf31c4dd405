"""`insert_together`: a new petition, its event and its idempotency key in one statement on
PostgreSQL, row by row elsewhere; all or nothing either way."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Value
from django.test.utils import CaptureQueriesContext

from doithoai.core.events import event_new
from doithoai.core.inserts import insert_together
from doithoai.core.models import Event
from doithoai.petitions.models import IdempotencyKey, Petition
from doithoai.petitions.tests.factories import PetitionFactory, ward

pytestmark = pytest.mark.django_db


def _new_rows(code, key="k-1"):
    petition = PetitionFactory.build(code=code, unit=ward("01840"))
    event = event_new(actor=None, obj=petition, action="petition.received", after={"a": 1})
    idempotency = IdempotencyKey(key=key, client="test", body_hash="0" * 64)
    return petition, event, idempotency


def test_writes_the_row_and_its_dependents_pointing_to_it():
    petition, event, idempotency = _new_rows("INS-0001")
    with CaptureQueriesContext(connection) as queries:
        insert_together(petition, [(event, "object_id"), (idempotency, "petition_id")])
    inserts = [q for q in queries.captured_queries if "INSERT" in q["sql"]]
    assert len(inserts) == (1 if connection.vendor == "postgresql" else 3)
    assert petition.pk and event.pk and idempotency.pk
    assert not petition._state.adding and not event._state.adding
    stored = Petition.objects.get(pk=petition.pk)
    assert stored.code == "INS-0001" and stored.created_at == petition.created_at
    assert Event.objects.get(pk=event.pk).object_id == str(petition.pk)
    assert Event.objects.get(pk=event.pk).after == {"a": 1}
    assert IdempotencyKey.objects.get(pk=idempotency.pk).petition_id == petition.pk
    assert idempotency.petition_id == petition.pk
    assert event.object_id == str(petition.pk)


def test_a_failing_dependent_writes_nothing():
    first = _new_rows("INS-0002", key="same")
    insert_together(first[0], [(first[1], "object_id"), (first[2], "petition_id")])
    petitions, events = Petition.objects.count(), Event.objects.count()
    second = _new_rows("INS-0003", key="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_together(second[0], [(second[1], "object_id"), (second[2], "petition_id")])
    assert (Petition.objects.count(), Event.objects.count()) == (petitions, events)
    assert not Petition.objects.filter(code="INS-0003").exists()


def test_later_rows_reuse_the_compiled_insert_with_their_own_values():
    """After the first row the SQL is reused: each row still gets its own values, its own
    creation time and JSON, and its dependents point to it."""
    written = []
    for n in range(3):
        petition, event, idempotency = _new_rows(f"INS-01{n:02d}", key=f"k-{n}")
        petition.text = petition.text_folded = f"noi dung so {n}"
        event.after = {"n": n}
        insert_together(petition, [(event, "object_id"), (idempotency, "petition_id")])
        written.append((petition, event, idempotency))
    if connection.vendor == "postgresql":
        from doithoai.core import inserts

        assert {model for model, *_rest in inserts._shapes} >= {Petition, Event, IdempotencyKey}
        assert all(shape.reusable for shape in inserts._shapes.values())
    times = [p.created_at for p, _e, _k in written]
    assert len(set(times)) == 3
    for n, (petition, event, idempotency) in enumerate(written):
        stored = Petition.objects.get(pk=petition.pk)
        assert (stored.code, stored.text, stored.created_at) == (
            f"INS-01{n:02d}",
            f"noi dung so {n}",
            times[n],
        )
        assert Event.objects.get(pk=event.pk).after == {"n": n}
        assert Event.objects.get(pk=event.pk).object_id == str(petition.pk)
        assert IdempotencyKey.objects.get(pk=idempotency.pk).petition_id == petition.pk


def test_an_expression_value_is_compiled_again():
    from django.db.models.functions import Upper

    from doithoai.core import inserts

    inserts._shapes.clear()
    petition, event, _key = _new_rows("INS-0201", key="k-b")
    petition.place = Upper(Value("to 5"))
    insert_together(petition, [(event, "object_id")])
    assert Petition.objects.get(pk=petition.pk).place == "TO 5"
    assert Event.objects.get(pk=event.pk).object_id == str(petition.pk)
    later = _new_rows("INS-0202", key="k-c")
    insert_together(later[0], [(later[1], "object_id")])
    assert Petition.objects.get(pk=later[0].pk).place == later[0].place
    if connection.vendor == "postgresql":
        # The row compiled for the expression is not kept: the next plain row's shape is.
        assert inserts._shapes[(Petition, "default", None, True)].reusable
    # And after it, an expression value is compiled again rather than sent as a parameter.
    again, again_event, _k = _new_rows("INS-0203", key="k-d")
    again.place = Upper(Value("to 6"))
    insert_together(again, [(again_event, "object_id")])
    assert Petition.objects.get(pk=again.pk).place == "TO 6"
