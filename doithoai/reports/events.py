"""Event actions of the reports app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class ReportEvents(StrEnum):
    REPORTS_EXPORTED = "reports.exported"
    REPORTS_SIX_MONTHLY_MADE = "reports.six_monthly_made"
