"""The delivery form of a printed answer letter."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doithoai.followup.letter_choices import DeliveryMethod
from doithoai.followup.services.letters import NOTE_MAX


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Hình thức chuyển"),
        choices=[("", _("— Chọn —")), *DeliveryMethod.choices],
        error_messages={
            "required": _("Chọn hình thức chuyển thư."),
            "invalid_choice": _("Chọn hình thức chuyển thư."),
        },
    )
    delivered_on = forms.DateField(
        label=_("Ngày chuyển"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Nhập ngày chuyển thư."),
            "invalid": _("Ngày chuyển thư không hợp lệ."),
        },
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=NOTE_MAX,
        error_messages={"max_length": _("Ghi chú dài quá %(limit_value)d ký tự.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"delivered_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
