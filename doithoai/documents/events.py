"""The actions of the documents app's events: what `core.events.event_record(action=...)`
stores in `Event.action` and `event_texts.TEXTS` describes. The values are stored: never change
one.
"""

from enum import StrEnum


class DocumentEvents(StrEnum):
    DOCUMENT_ISSUED = "document.issued"
    DOCUMENT_REISSUED = "document.reissued"
