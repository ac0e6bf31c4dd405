"""A check every app runs on its state tables (`core.states`): each move outside the table is
refused and changes nothing; each move in it is made, with exactly one event."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from doithoai.core.models import Event
from doithoai.core.states import StateTable, transition


def assert_table_enforced(obj: models.Model, table: StateTable, *, field: str = "state") -> None:
    model = type(obj)
    values = list(table.choices.values)
    refused = made = 0
    for current in values:
        for to_state in values:
            model._default_manager.filter(pk=obj.pk).update(**{field: current})
            obj.refresh_from_db()
            events = Event.objects.count()
            if table.allows(current, to_state):
                transition(obj, to_state, actor=None, table=table, action="test.moved", field=field)
                obj.refresh_from_db()
                assert getattr(obj, field) == to_state
                assert Event.objects.count() == events + 1
                made += 1
            else:
                with pytest.raises(ValidationError) as refusal:
                    transition(
                        obj, to_state, actor=None, table=table, action="test.moved", field=field
                    )
                assert refusal.value.code == "bad_transition"
                obj.refresh_from_db()
                assert getattr(obj, field) == current, (current, to_state)
                assert Event.objects.count() == events, (current, to_state)
                refused += 1
    assert made == sum(len(table[s]) for s in values)
    assert refused == len(values) ** 2 - made
