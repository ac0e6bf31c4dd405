"""The actions of the petitions app's events: what `core.events.event_record(action=...)`
stores in `Event.action` and `event_texts.TEXTS` describes. The values are stored: never change
one.
"""

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
