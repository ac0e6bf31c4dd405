import pytest

from doithoai.core.events import event_record, events_for
from doithoai.core.models import Event, EventIsAppendOnly
from doithoai.units.models import Unit


@pytest.fixture
def event(db, demo_user):
    unit = Unit.objects.get(scheme="2004", code="058")
    return event_record(actor=demo_user("vanphong"), obj=unit, action="test.done", after={"x": 1})


def test_an_event_is_recorded_and_read_back_as_the_timeline(event):
    timeline = list(events_for(Unit.objects.get(scheme="2004", code="058")))
    assert timeline[-1] == event
    assert event.actor.username == "vanphong" and event.after == {"x": 1}


@pytest.mark.parametrize(
    "attempt",
    [
        lambda e: e.save(),
        lambda e: e.delete(),
        lambda e: Event.objects.filter(pk=e.pk).update(action="forged"),
        lambda e: Event.objects.filter(pk=e.pk).delete(),
        lambda e: Event.objects.all().delete(),
        lambda e: Event.objects.bulk_update([e], ["action"]),
        lambda e: Event.objects.update_or_create(pk=e.pk, defaults={"action": "forged"}),
    ],
    ids=[
        "save",
        "delete",
        "qs-update",
        "qs-delete",
        "all-delete",
        "bulk-update",
        "update-or-create",
    ],
)
def test_events_cannot_be_changed_or_removed(event, attempt):
    event.action = "forged"
    with pytest.raises(EventIsAppendOnly):
        attempt(event)
    stored = Event.objects.get(pk=event.pk)
    assert stored.action == "test.done"
