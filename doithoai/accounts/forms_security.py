"""Forms of the account-security pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        help_text=_("6 chữ số trên ứng dụng xác thực, hoặc một mã khôi phục."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class UnlockForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=255, required=False)
    ip_address = forms.GenericIPAddressField(label=_("Địa chỉ IP"), required=False)
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)
