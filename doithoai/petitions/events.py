"""Event actions of the petitions app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class PetitionEvents(StrEnum):
    PETITION_RECEIVED = "petition.received"
    PETITION_STATE_CHANGED = "petition.state_changed"
    PETITION_ATTACHED = "petition.attached"
    PETITION_ROUND_SET = "petition.round_set"
    PETITION_TOPIC_SET = "petition.topic_set"
    PETITIONS_IMPORTED = "petitions.imported"
    PETITIONS_EXPORTED = "petitions.exported"
    TOPIC_CREATED = "topic.created"
    TOPIC_UPDATED = "topic.updated"
