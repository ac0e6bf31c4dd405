from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.units.models import Organisation, OrganisationKind


def departments(unit_id: int | None) -> Any:
    qs = Organisation.objects.filter(active=True, kind=OrganisationKind.DEPARTMENT)
    return qs.filter(unit_id=unit_id) if unit_id else qs


class AssignForm(forms.Form):
    lead = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Organisation.objects.none())
    cooperating = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"), queryset=Organisation.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=_("Hạn giải quyết (để trống: tính theo ngày làm việc)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, unit_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = departments(unit_id)
        self.fields["lead"].queryset = qs  # type: ignore[attr-defined]
        self.fields["cooperating"].queryset = qs  # type: ignore[attr-defined]


class ForwardForm(forms.Form):
    to_body = forms.CharField(label=_("Cơ quan có thẩm quyền"), max_length=200)
    reason = forms.CharField(label=_("Lý do chuyển"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 6}))


class DecideForm(forms.Form):
    remark = forms.CharField(
        label=_("Ý kiến (bắt buộc khi trả lại)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("Tiến độ thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("Tỷ lệ hoàn thành (%)"), min_value=0, max_value=100)


class ExtensionForm(forms.Form):
    until = forms.DateField(
        label=_("Xin gia hạn đến"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class RemarkForm(forms.Form):
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))


class PetitionerReopenForm(forms.Form):
    ma = forms.CharField(label=_("Mã tra cứu"), max_length=24)
    reason = forms.CharField(
        label=_("Vì sao vấn đề chưa được giải quyết?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot


class ResolveForm(forms.Form):
    note = forms.CharField(
        label=_("Kết quả giải quyết (việc đã làm, ngày hoàn thành)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SettingForm(forms.Form):
    leader_approval_required = forms.BooleanField(
        label=_("Lãnh đạo UBND duyệt trả lời trước khi công khai"), required=False
    )
    mttq_verification_required = forms.BooleanField(
        label=_("Mặt trận Tổ quốc xác nhận trước khi kết thúc vấn đề"), required=False
    )
    reminder_days = forms.IntegerField(
        label=_("Nhắc trước hạn (ngày làm việc)"), min_value=0, max_value=30
    )
