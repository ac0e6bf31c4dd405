"""Event actions of the notify app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class NotifyEvents(StrEnum):
    NOTIFY_CONSENT = "notify.consent"
    MESSAGE_RETRY = "message.retry"
