from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.core.widgets import PlainSelect
from doithoai.petitions.models import Topic
from doithoai.portal.selectors import BoardFilters
from doithoai.synthesis.models import IssueState


class BoardForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm (có dấu hoặc không dấu)"), required=False, max_length=200)
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *IssueState.choices],
        widget=PlainSelect,
    )
    linh_vuc = forms.ChoiceField(label=_("Lĩnh vực"), required=False, widget=PlainSelect)
    co_quan = forms.IntegerField(
        label=_("Cơ quan"),
        required=False,
        min_value=1,
        max_value=2**63 - 1,  # an id the database can hold, as the API's query (BoardFilters)
        widget=forms.HiddenInput,
    )
    qua_han = forms.BooleanField(label=_("Chỉ vấn đề quá hạn"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topics = Topic.objects.order_by("name").values_list("code", "name")
        self.fields["linh_vuc"].choices = [("", _("Tất cả")), *topics]  # type: ignore[attr-defined]

    def filters(self) -> BoardFilters:
        data = getattr(self, "cleaned_data", {}) or {}
        return BoardFilters(
            q=data.get("q") or "",
            state=data.get("trang_thai") or "",
            topic=data.get("linh_vuc") or "",
            department=data.get("co_quan"),
            overdue=bool(data.get("qua_han")),
        )
