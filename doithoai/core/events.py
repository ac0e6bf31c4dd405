"""The one helper every service calls to record what it did."""

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict, Unpack

from django.contrib.contenttypes.models import ContentType
from django.db import models

from doithoai.core.models import Event


class EventFields(TypedDict):
    actor: Any
    obj: models.Model
    action: str
    before: NotRequired[Mapping[str, Any] | None]
    after: NotRequired[Mapping[str, Any] | None]
    reason: NotRequired[str]


def event_record(**fields: Unpack[EventFields]) -> Event:
    """Append one event about `obj`. Call it inside the service's transaction."""
    event = event_new(**fields)
    event.save()
    return event


def event_new(**fields: Unpack[EventFields]) -> Event:
    """The event `event_record` would append, not yet saved: for a service that writes it in the
    same statement as a new `obj` (`core.inserts.insert_together`, which sets `object_id`)."""
    actor, obj = fields["actor"], fields["obj"]
    return Event(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk) if obj.pk is not None else "",
        action=fields["action"],
        before=dict(fields.get("before") or {}),
        after=dict(fields.get("after") or {}),
        reason=fields.get("reason", ""),
    )


def events_for(obj: models.Model) -> models.QuerySet[Event]:
    """The timeline of one object, oldest first."""
    return Event.objects.filter(
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).select_related("actor")
