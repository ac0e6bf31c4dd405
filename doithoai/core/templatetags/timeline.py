"""`{{ event|event_sentence }}`: one event of the log as a sentence (core.events)."""

from django import template

from doithoai.core.events import event_describe
from doithoai.core.models import Event

register = template.Library()


@register.filter
def event_sentence(event: Event, show_actor: bool = True) -> str:
    return event_describe(event, show_actor=bool(show_actor))
