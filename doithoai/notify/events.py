"""The actions of the notify app's events: what `core.events.event_record(action=...)`
stores in `Event.action` and `event_texts.TEXTS` describes. The values are stored: never change
one.
"""

from enum import StrEnum


class NotifyEvents(StrEnum):
    NOTIFY_CONSENT = "notify.consent"
    MESSAGE_RETRY = "message.retry"
