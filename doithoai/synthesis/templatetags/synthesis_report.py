"""`{% synthesis_report_link round %}`: a link to the Front's synthesis report of a round, for
the users who may read it (another app's page shows it without knowing the policy)."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from doithoai.synthesis import policies

register = template.Library()


@register.simple_tag(takes_context=True)
def synthesis_report_link(context: dict[str, Any], round_: Any) -> SafeString | str:
    request = context.get("request")
    user = getattr(request, "user", None)
    if round_ is None or user is None or not policies.can_view_report(user, round_):
        return ""
    return format_html(
        '<a href="{}" data-testid="synthesis-report-link">{}</a>',
        reverse("synthesis-report", args=[round_.pk]),
        _("Báo cáo tổng hợp ý kiến, kiến nghị của Mặt trận"),
    )
