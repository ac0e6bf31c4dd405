"""The actions of the units app's events: what `core.events.event_record(action=...)`
stores in `Event.action` and `event_texts.TEXTS` describes. The values are stored: never change
one.
"""

from enum import StrEnum


class UnitEvents(StrEnum):
    UNIT_CREATED = "unit.created"
