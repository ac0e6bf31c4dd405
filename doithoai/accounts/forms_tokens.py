"""Forms of the API-key page. They carry the input; the services check who may do what."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from doithoai.accounts.models import User


class OwnerChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.username} — {obj.full_name}" if obj.full_name else obj.username


class ApiTokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Tên khóa"),
        max_length=100,
        help_text=_(
            "Hệ thống hay việc dùng khóa, ví dụ: Cổng dịch vụ công tỉnh. Tối đa 100 ký tự."
        ),
    )
    # Left out, the key is for the user who creates it.
    owner = OwnerChoiceField(
        label=_("Tài khoản dùng khóa"),
        queryset=User.objects.none(),
        empty_label=None,
        required=False,
    )

    def __init__(self, *args: Any, owners: QuerySet[User] | None = None, **kwargs: Any) -> None:
        """`owners`: the accounts an administrator may choose from; without it the key is for
        the user who creates it and the field is left out."""
        super().__init__(*args, **kwargs)
        if owners is None:
            del self.fields["owner"]
        else:
            self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class ApiTokenRevokeForm(forms.Form):
    reason = forms.CharField(label=_("Lý do (không bắt buộc)"), max_length=500, required=False)
