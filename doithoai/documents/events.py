"""Event actions of the documents app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class DocumentEvents(StrEnum):
    DOCUMENT_ISSUED = "document.issued"
    DOCUMENT_REISSUED = "document.reissued"
