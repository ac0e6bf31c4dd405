"""The one helper every service calls to record what it did."""

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from doithoai.core.models import Event


def event_record(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
) -> Event:
    """Append one event about `obj`. Call it inside the service's transaction."""
    event = event_new(
        actor=actor, obj=obj, action=action, before=before, after=after, reason=reason
    )
    event.save()
    return event


def event_new(
    *,
    actor: Any,
    obj: models.Model,
    action: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
) -> Event:
    """The event `event_record` would append, not yet saved: for a service that writes it in the
    same statement as a new `obj` (`core.inserts.insert_together`, which sets `object_id`)."""
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    return Event(
        actor=real_actor,
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk) if obj.pk is not None else "",
        action=action,
        before=dict(before or {}),
        after=dict(after or {}),
        reason=reason,
    )


def events_for(obj: models.Model) -> models.QuerySet[Event]:
    """The timeline of one object, oldest first."""
    return Event.objects.filter(
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).select_related("actor")
