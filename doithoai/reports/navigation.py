"""The reports app's link on the staff home (registered in `ReportsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.navigation import Link, nav_link_register
from doithoai.reports.policies import can_view_reports


def register() -> None:
    nav_link_register(
        "staff", Link(_("Báo cáo, thống kê"), "reports-dashboard", can_view_reports), order=70
    )
