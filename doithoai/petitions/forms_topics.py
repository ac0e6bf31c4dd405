"""Forms of the topic pages. They carry the input; the services validate it (one set of rules
and messages for every caller)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The create page's address: a topic of this code could not be opened at /staff/linh-vuc/<code>/.
RESERVED_CODES = frozenset({"moi"})


class TopicEditForm(forms.Form):
    name = forms.CharField(
        label=_("Tên lĩnh vực"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": "200", "required": True}),
    )
    description = forms.CharField(label=_("Mô tả"), required=False, widget=forms.Textarea)
    active = forms.BooleanField(label=_("Đang dùng (bỏ chọn để ngừng dùng)"), required=False)


class TopicCreateForm(TopicEditForm):
    code = forms.CharField(
        label=_("Mã lĩnh vực"),
        required=False,
        help_text=_("Chữ thường không dấu, chữ số và dấu _; không đổi được sau khi tạo."),
        widget=forms.TextInput(attrs={"maxlength": "32", "required": True}),
    )
    field_order = ["code", "name", "description"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["active"]  # a new topic is active

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if code in RESERVED_CODES:
            raise ValidationError(_("Mã này dành riêng cho hệ thống, hãy chọn mã khác."))
        return code
