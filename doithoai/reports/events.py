"""The actions of the reports app's events: what `core.events.event_record(action=...)`
stores in `Event.action` and `event_texts.TEXTS` describes. The values are stored: never change
one.
"""

from enum import StrEnum


class ReportEvents(StrEnum):
    REPORTS_EXPORTED = "reports.exported"
    REPORTS_SIX_MONTHLY_MADE = "reports.six_monthly_made"
