"""The conclusion notice's editing form: parsing only; the services decide."""

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

POINT_PREFIX = "point-"


class NoticeForm(forms.Form):
    opening = forms.CharField(
        label=_("Đoạn mở đầu"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    general_directives = forms.CharField(
        label=_("Chỉ đạo chung đối với các phòng, ban và xã, phường (mỗi dòng một ý)"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    answers_due_on = forms.DateField(
        label=_("Thời hạn trả lời các kiến nghị khác (Phụ lục)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class UnapproveForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy duyệt"), max_length=500, required=False)


def posted_points(data: Mapping[str, Any], allowed: set[int]) -> dict[int, str]:
    """The conclusions posted as `point-<issue id>`, for the issues of the notice only."""
    points: dict[int, str] = {}
    for key, value in data.items():
        if not key.startswith(POINT_PREFIX):
            continue
        digits = key[len(POINT_PREFIX) :]
        if digits.isdigit() and int(digits) in allowed:
            points[int(digits)] = str(value)[:20000]
    return points
