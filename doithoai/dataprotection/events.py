"""Event actions of the dataprotection app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class DataProtectionEvents(StrEnum):
    DSR_RECEIVED = "dsr.received"
    DSR_ACKNOWLEDGED = "dsr.acknowledged"
    DSR_EXTENDED = "dsr.extended"
    DSR_CLOSED = "dsr.closed"
    DSR_EXPORTED = "dsr.exported"
    DSR_CORRECT = "dsr.correct"
    DSR_STOP = "dsr.stop"
    DSR_ERASE = "dsr.erase"
    PETITION_CONTACT_CORRECTED = "petition.contact_corrected"
    PETITION_ANONYMISED = "petition.anonymised"
    PETITION_CONSENT_WITHDRAWN = "petition.consent_withdrawn"
    RETENTION_RUN = "retention.run"
