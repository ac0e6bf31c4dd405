"""The one helper every service calls to record what it did.

An event's `action` is a member of its app's enum in `<app>/events.py` (`PetitionEvents`, …),
stored as its value, and described for people in `<app>/event_texts.py` (`TEXTS`)."""

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any, NotRequired, TypedDict, Unpack

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

from doithoai.core.models import Event
from doithoai.core.types import AnyUser


class EventFields(TypedDict):
    actor: AnyUser | None
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
    """The event `event_record` would append, not yet saved: for a service that writes many at
    once (`Event.objects.bulk_create`)."""
    actor, obj = fields["actor"], fields["obj"]
    stored: Any = actor if getattr(actor, "is_authenticated", False) else None  # AUTH_USER_MODEL
    return Event(
        actor=stored,
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


# ---- Events as sentences -------------------------------------------------------------------
# Each app describes its own actions in `<app>/event_texts.py`, a module with a `TEXTS` mapping
# (action → a describer), found the first time a history is shown. A describer gets the event and
# the name of who did it and returns one Vietnamese sentence (through gettext). An action no app
# describes still reads as a Vietnamese sentence: "<who> đã cập nhật <the object's kind>".

EventText = Callable[[Event, str], str]
_TEXTS: dict[str, EventText] = {}
_discovered: list[bool] = []


def event_texts_register(texts: Mapping[str, EventText]) -> None:
    """Add describers (action → describer); an app's `event_texts.TEXTS` is added by itself."""
    _TEXTS.update(texts)


def said(template: str | Promise, **values: Callable[[Event], object]) -> EventText:
    """A describer from a template with `%(who)s` and named values read from the event, e.g.
    `said(_("%(who)s đã giao vấn đề cho %(lead)s"), lead=lambda e: ...)`."""

    def describe(event: Event, who: str) -> str:
        data: dict[str, object] = {"who": who}
        for key, get in values.items():
            data[key] = get(event)
        return str(template) % data

    return describe


def _discover() -> None:
    if _discovered:
        return
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "event_texts"):
            module = import_module(f"{config.name}.event_texts")
            event_texts_register(getattr(module, "TEXTS", {}))
    _discovered.append(True)


def event_who(event: Event, *, show_actor: bool = True) -> str:
    """Who did it, for a sentence: the person's name for staff who may see it, else their role."""
    actor = event.actor if event.actor_id else None
    if actor is None:
        return str(_("Hệ thống"))
    if not show_actor:
        return str(_("Cán bộ"))
    return str(actor)  # the user's full name, else the login


def event_describe(event: Event, *, show_actor: bool = True) -> str:
    """One Vietnamese sentence saying what the event recorded."""
    _discover()
    who = event_who(event, show_actor=show_actor)
    describer = _TEXTS.get(event.action)
    if describer is not None:
        try:
            return describer(event, who)
        except (KeyError, TypeError, ValueError, LookupError):
            pass  # an older event's fields: fall back to the general sentence
    model = ContentType.objects.get_for_id(event.object_type_id).model_class()
    what = model._meta.verbose_name if model is not None else _("hồ sơ")
    return str(_("%(who)s đã cập nhật %(what)s")) % {"who": who, "what": what}


def choice_label(choices: Any, value: object) -> str:
    """The label of a `TextChoices` value, or a neutral word when the value is unknown (never the
    raw code)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(_("trạng thái khác"))
