"""What the reports app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, said
from doithoai.reports.events import ReportEvents

TEXTS: dict[str, EventText] = {
    ReportEvents.REPORTS_EXPORTED: said(
        _("%(who)s đã xuất bảng thống kê (%(rows)s dòng)"), rows=lambda e: e.after["rows"]
    ),
    ReportEvents.REPORTS_SIX_MONTHLY_MADE: said(
        _("%(who)s đã lập báo cáo 6 tháng (kỳ %(half)s) năm %(year)s"),
        half=lambda e: e.after["half"],
        year=lambda e: e.after["year"],
    ),
}
