"""Forms of the officer's pages (parsing only; the services validate and decide)."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doithoai.dataprotection.models import IdentifiedBy, RequestKind, RequestState


class RequestForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Cơ quan tiếp nhận"), coerce=int)
    kind = forms.ChoiceField(label=_("Loại yêu cầu"), choices=RequestKind.choices)
    requester_name = forms.CharField(
        label=_("Họ và tên người yêu cầu"), max_length=150, required=False
    )
    requester_phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    requester_email = forms.CharField(label=_("Thư điện tử"), max_length=254, required=False)
    identified_by = forms.ChoiceField(
        label=_("Cách xác minh người yêu cầu"), choices=IdentifiedBy.choices
    )
    received_on = forms.DateField(
        label=_("Ngày nhận"), widget=forms.DateInput(attrs={"type": "date"})
    )
    details = forms.CharField(
        label=_("Nội dung yêu cầu"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
    )

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"received_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = organisations  # type: ignore[attr-defined]


class ListFilterForm(forms.Form):
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), ("open", _("Đang xử lý")), *RequestState.choices],
    )
    loai = forms.ChoiceField(
        label=_("Loại yêu cầu"), required=False, choices=[("", _("Tất cả")), *RequestKind.choices]
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(label=_("Lý do gia hạn"), max_length=2000)


class CloseForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[
            (RequestState.DONE, RequestState.DONE.label),
            (RequestState.REFUSED, RequestState.REFUSED.label),
        ],
    )
    outcome = forms.CharField(
        label=_("Đã làm gì (hoặc lý do từ chối)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class CorrectionForm(forms.Form):
    submitter_name = forms.CharField(label=_("Họ và tên đúng"), max_length=150, required=False)
    phone = forms.CharField(label=_("Điện thoại đúng"), max_length=20, required=False)
    email = forms.CharField(label=_("Thư điện tử đúng"), max_length=254, required=False)
    submitter_address = forms.CharField(label=_("Địa chỉ đúng"), max_length=300, required=False)


class ViewLogFilterForm(forms.Form):
    nguoi = forms.CharField(label=_("Tên đăng nhập"), max_length=150, required=False)
    tu_ngay = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    den_ngay = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
