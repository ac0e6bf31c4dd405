"""Statistics pages under /staff/bao-cao/: thin views over the selectors, charts and exports."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from doithoai.accounts.types import acting_staff
from doithoai.reports import policies
from doithoai.reports.charts import Point, bar_chart, column_chart
from doithoai.reports.exports import EXTRA_TABLES, report_xlsx
from doithoai.reports.forms import ReportFilterForm, SixMonthlyForm
from doithoai.reports.selectors import (
    DIMENSIONS,
    Row,
    directive_breakdown,
    issue_breakdown,
    petition_breakdown,
    rounds_for_reports,
    totals,
)
from doithoai.reports.six_monthly import six_monthly_render

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _charts(dimension: str, rows: list[Row]) -> list[Any]:
    dim = DIMENSIONS[dimension]
    title = _("Số kiến nghị theo %(what)s") % {"what": str(dim.label).lower()}
    points = [Point(r.label, r.total) for r in rows]
    draw = column_chart if dim.chart == "columns" else bar_chart
    charts = [draw(points, title=title, chart_id="chart-total")]
    rated = [r for r in rows if r.on_time_rate is not None]
    if dimension == "department" and rated:
        rates = [
            Point(r.label, r.on_time_rate or 0, f"{r.on_time_rate}%")
            for r in sorted(rated, key=lambda r: -(r.on_time_rate or 0))
        ]
        charts.append(
            bar_chart(rates, title=_("Tỷ lệ giải quyết đúng hạn (%)"), chart_id="chart-rate")
        )
    return charts


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not policies.can_view_reports(request.user):
        raise PermissionDenied
    form = ReportFilterForm(request.GET or None, rounds=rounds_for_reports(user=request.user))
    dimension, filters = form.dimension(), form.filters()
    rows = petition_breakdown(user=request.user, filters=filters, dimension=dimension)
    issues = issue_breakdown(user=request.user, filters=filters)
    directives = directive_breakdown(user=request.user, filters=filters)
    query = request.GET.copy()
    query.pop("theo", None)
    context = {
        "form": form,
        "dimension": DIMENSIONS[dimension],
        "dimensions": DIMENSIONS.values(),
        "rows": rows,
        "total": totals(rows),
        "charts": _charts(dimension, rows),
        "issues": issues,
        "issues_chart": bar_chart(
            [Point(r.label, r.total) for r in issues],
            title=_("Vấn đề theo trạng thái"),
            chart_id="chart-issues",
        ),
        "directives": directives,
        "query": query.urlencode(),
        "can_upward": policies.can_make_upward_report(request.user),
        "six_monthly_form": SixMonthlyForm(),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    table = request.GET.get("bang", "")
    if table not in DIMENSIONS and table not in EXTRA_TABLES:
        raise Http404(_("Không có bảng thống kê này."))
    form = ReportFilterForm(request.GET, rounds=rounds_for_reports(user=request.user))
    data = report_xlsx(user=acting_staff(request.user), filters=form.filters(), table=table)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="thong-ke-{table}.xlsx"'
    return response


@login_required
def six_monthly(request: HttpRequest) -> HttpResponse:
    if not policies.can_make_upward_report(request.user):
        raise PermissionDenied
    form = SixMonthlyForm(request.GET or None)
    if not form.is_valid():
        return render(
            request, "reports/six_monthly.html", {"form": form}, status=400 if request.GET else 200
        )
    year, half, fmt = form.cleaned_data["nam"], form.cleaned_data["ky"], form.cleaned_data["dang"]
    data = six_monthly_render(user=acting_staff(request.user), year=year, half=half, fmt=fmt)
    response = HttpResponse(data, content_type="application/pdf" if fmt == "pdf" else DOCX)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-6-thang-{half}-{year}.{fmt}"'
    return response
