"""Every statistics table as an xlsx workbook: the same rows the page shows, counts only."""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from doithoai.accounts.models import User
from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.reports import policies
from doithoai.reports.events import ReportEvents
from doithoai.reports.selectors import (
    DIMENSIONS,
    ReportFilters,
    directive_breakdown,
    issue_breakdown,
    petition_breakdown,
    totals,
)

EXTRA_TABLES = ("issues", "directives")


def table_rows(*, user: Actor, filters: ReportFilters, table: str) -> tuple[str, list[list[Any]]]:
    """(sheet title, rows with the header first) of one table of the statistics page."""
    if table in DIMENSIONS:
        rows = petition_breakdown(user=user, filters=filters, dimension=table)
        header = [
            str(DIMENSIONS[table].label),
            _("Tổng số"),
            _("Đã giải quyết"),
            _("Có hạn giải quyết"),
            _("Đúng hạn"),
            _("Trễ hạn"),
            _("Quá hạn chưa giải quyết"),
            _("Chưa đến hạn"),
            _("Tỷ lệ đúng hạn (%)"),
        ]
        body = [
            [
                r.label,
                r.total,
                r.resolved,
                r.with_due,
                r.on_time,
                r.late,
                r.overdue,
                r.pending,
                r.on_time_rate,
            ]
            for r in [*rows, totals(rows)]
        ]
        return str(DIMENSIONS[table].label), [header, *body]
    if table == "issues":
        issues = issue_breakdown(user=user, filters=filters)
        return _("Vấn đề"), [
            [_("Trạng thái"), _("Số vấn đề")],
            *[[r.label, r.total] for r in issues],
        ]
    if table == "directives":
        directives = directive_breakdown(user=user, filters=filters)
        return _("Chỉ đạo"), [
            [_("Cơ quan thực hiện"), _("Số chỉ đạo"), _("Đã hoàn thành"), _("Quá hạn")],
            *[[r.label, r.total, r.done, r.overdue] for r in directives],
        ]
    raise KeyError(table)


@transaction.atomic
def report_xlsx(*, user: User, filters: ReportFilters, table: str) -> bytes:
    """The workbook of one table; the export is recorded as an event on the user."""
    if not policies.can_export_reports(user):
        raise PermissionDenied
    title, rows = table_rows(user=user, filters=filters, table=table)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 45
    out = io.BytesIO()
    workbook.save(out)
    event_record(
        actor=user,
        obj=user,
        action=ReportEvents.REPORTS_EXPORTED,
        after={
            "table": table,
            "rows": len(rows) - 1,
            "date_from": str(filters.date_from or ""),
            "date_to": str(filters.date_to or ""),
            "round_id": filters.round_id,
        },
    )
    return out.getvalue()
