"""The filter of the statistics pages and the choice of the six-monthly report's half-year."""

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doithoai.dialogues.models import Round
from doithoai.reports.selectors import DIMENSIONS, ReportFilters


class ReportFilterForm(forms.Form):
    theo = forms.ChoiceField(
        label=_("Thống kê theo"),
        choices=[(d.key, d.label) for d in DIMENSIONS.values()],
        required=False,
    )
    tu = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    den = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ky = forms.ModelChoiceField(
        queryset=Round.objects.none(), label=_("Kỳ đối thoại"), required=False
    )

    def __init__(self, *args: Any, rounds: QuerySet[Round], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ky"].queryset = rounds  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("tu"), data.get("den")
        if start and end and start > end:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."))
        return data

    def dimension(self) -> str:
        key = self.cleaned_data.get("theo") if self.is_valid() else ""
        return key or "topic"

    def filters(self) -> ReportFilters:
        if not self.is_valid():
            return ReportFilters()
        d = self.cleaned_data
        return ReportFilters(
            date_from=d["tu"], date_to=d["den"], round_id=getattr(d["ky"], "pk", None)
        )


def _this_year() -> int:
    return timezone.localdate().year


class SixMonthlyForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, initial=_this_year)
    ky = forms.TypedChoiceField(
        label=_("Kỳ báo cáo"),
        coerce=int,
        choices=[(1, _("6 tháng đầu năm")), (2, _("6 tháng cuối năm"))],
        initial=1,
    )
    dang = forms.ChoiceField(label=_("Định dạng"), choices=[("docx", "DOCX"), ("pdf", "PDF")])

    def period(self) -> tuple[datetime.date, datetime.date]:
        year, half = self.cleaned_data["nam"], self.cleaned_data["ky"]
        if half == 1:
            return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
        return datetime.date(year, 7, 1), datetime.date(year, 12, 31)
