"""The form of the Front's synthesis report: its own texts and one summary per theme."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.synthesis.services_report import MAX_SUMMARY, MAX_TEXT

SUMMARY_PREFIX = "summary-"


class ReportForm(forms.Form):
    report_date = forms.DateField(
        label=_("Ngày báo cáo"), widget=forms.DateInput(attrs={"type": "date"})
    )
    opening = forms.CharField(
        label=_("Đoạn mở đầu"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất (mỗi ý một dòng, bắt đầu bằng dấu gạch ngang)"),
        max_length=MAX_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100, required=False)
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=100, required=False)

    def __init__(self, *args: Any, theme_keys: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.theme_keys = theme_keys
        for key in theme_keys:
            self.fields[SUMMARY_PREFIX + key] = forms.CharField(
                label=_("Tóm tắt"),
                max_length=MAX_SUMMARY,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def summaries(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(SUMMARY_PREFIX + key, "") for key in self.theme_keys}
