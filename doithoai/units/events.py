"""Event actions of the units app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class UnitEvents(StrEnum):
    UNIT_CREATED = "unit.created"
