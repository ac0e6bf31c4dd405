from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.portal.selectors import BoardFilters
from doithoai.synthesis.models import IssueState


class BoardForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm (có dấu hoặc không dấu)"), required=False, max_length=200)
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *IssueState.choices]
    )
    linh_vuc = forms.SlugField(label=_("Mã lĩnh vực"), required=False, max_length=32)
    co_quan = forms.IntegerField(
        label=_("Cơ quan"), required=False, min_value=1, widget=forms.HiddenInput
    )
    qua_han = forms.BooleanField(label=_("Chỉ vấn đề quá hạn"), required=False)

    def filters(self) -> BoardFilters:
        data = getattr(self, "cleaned_data", {}) or {}
        return BoardFilters(
            q=data.get("q") or "",
            state=data.get("trang_thai") or "",
            topic=data.get("linh_vuc") or "",
            department=data.get("co_quan"),
            overdue=bool(data.get("qua_han")),
        )
