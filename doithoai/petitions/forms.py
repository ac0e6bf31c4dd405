"""Forms of the petition pages; they parse input into a PetitionInput for the one intake service."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from doithoai.core.widgets import PlainSelect
from doithoai.petitions.choices import (
    Channel,
    LegalKind,
    NotAcceptedReason,
    PetitionState,
    SubmitterType,
)
from doithoai.petitions.filters import NO_ROUND
from doithoai.petitions.models import Topic
from doithoai.petitions.selectors import topic_choices
from doithoai.petitions.services.validation import PetitionInput
from doithoai.units.models import Unit

STAFF_CHANNELS = [
    c for c in Channel.choices if c[0] not in (Channel.WEB, Channel.IMPORT, Channel.API)
]


class PetitionBaseForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Phường, xã nơi xảy ra vụ việc")
    )
    place = forms.CharField(label=_("Thôn, tổ dân phố"), max_length=200, required=False)
    address = forms.CharField(label=_("Địa chỉ cụ thể"), max_length=300, required=False)
    legal_kind = forms.ChoiceField(
        label=_("Loại"), choices=LegalKind.choices, initial=LegalKind.KIEN_NGHI
    )
    text = forms.CharField(
        label=_("Nội dung kiến nghị, phản ánh"), widget=forms.Textarea, max_length=5000
    )
    anonymous = forms.BooleanField(
        label=_("Gửi ẩn danh (không ghi họ tên, liên hệ)"), required=False
    )
    confidential = forms.BooleanField(
        label=_("Đề nghị giữ bí mật thông tin người gửi"), required=False
    )
    submitter_type = forms.ChoiceField(
        label=_("Người gửi là"), choices=SubmitterType.choices, initial="nguoi_dan"
    )
    submitter_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử (để nhận mã và kết quả)"), required=False)
    submitter_address = forms.CharField(label=_("Địa chỉ liên hệ"), max_length=300, required=False)
    business_name = forms.CharField(label=_("Tên hộ kinh doanh"), max_length=200, required=False)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14, required=False)
    notify_email = forms.BooleanField(
        label=_("Đồng ý nhận thông báo kết quả qua thư điện tử"), required=False
    )
    notify_sms = forms.BooleanField(
        label=_("Đồng ý nhận thông báo kết quả qua tin nhắn SMS"), required=False
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def to_input(self, channel: str) -> PetitionInput:
        d = self.cleaned_data
        return PetitionInput(
            text=d["text"],
            unit=d["unit"],
            channel=channel,
            legal_kind=d["legal_kind"],
            topic=getattr(d.get("topic"), "code", "") or "",
            place=d["place"],
            address=d["address"],
            submitter_type=d["submitter_type"],
            anonymous=d["anonymous"],
            confidential=d["confidential"],
            submitter_name=d["submitter_name"],
            phone=d["phone"],
            email=d["email"] or "",
            submitter_address=d["submitter_address"],
            business_name=d["business_name"],
            tax_code=d["tax_code"],
            consent=bool(d.get("consent")),
            notify_email=bool(d.get("notify_email")),
            notify_sms=bool(d.get("notify_sms")),
            on_behalf_of=d.get("on_behalf_of", ""),
            received_on=d.get("received_on"),
            round_id=getattr(d.get("round"), "pk", None),
        )


class PublicPetitionForm(PetitionBaseForm):
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để cơ quan nhà nước xử lý thông tin cá nhân trên nhằm giải quyết kiến nghị."
        ),
        required=False,
    )
    # A field people cannot see; automated senders fill it.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )


class StaffPetitionForm(PetitionBaseForm):
    channel = forms.ChoiceField(label=_("Kênh tiếp nhận"), choices=STAFF_CHANNELS)
    on_behalf_of = forms.CharField(
        label=_("Thu thập thay cho (tổ trưởng, trưởng thôn...)"), max_length=200, required=False
    )
    received_on = forms.DateField(
        label=_("Ngày tiếp nhận"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(active=True), label=_("Lĩnh vực"), required=False
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm (không cần dấu)"), required=False, max_length=200)
    round = forms.ChoiceField(label=_("Kỳ đối thoại"), required=False, widget=PlainSelect)
    unit = forms.TypedChoiceField(
        label=_("Địa bàn"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    topic = forms.ChoiceField(label=_("Lĩnh vực"), required=False, widget=PlainSelect)
    channel = forms.ChoiceField(
        label=_("Kênh"), choices=[("", "—"), *Channel.choices], required=False, widget=PlainSelect
    )
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=[("", "—"), *PetitionState.choices],
        required=False,
        widget=PlainSelect,
    )
    legal_kind = forms.ChoiceField(
        label=_("Loại"), choices=[("", "—"), *LegalKind.choices], required=False, widget=PlainSelect
    )
    date_from = forms.DateField(
        label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)
    sort = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("new", _("Mới nhất")), ("old", _("Cũ nhất"))],
        widget=PlainSelect,
    )

    def __init__(
        self,
        *args: Any,
        units: list[tuple[int, str]],
        rounds: list[tuple[int, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`units`: (id, name) of the units the user may filter by; plain choices, so the page
        renders them without a query per form. `rounds`: (id, title) of the rounds offered; a
        round named in the address but not offered (an older one) is kept as asked."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]
        round_choices: list[tuple[str, str]] = [
            ("", "—"),
            (NO_ROUND, str(_("Ngoài kỳ đối thoại"))),
            *[(str(pk), title) for pk, title in rounds or []],
        ]
        asked = str(self.data.get("round", "")) if self.is_bound else ""
        if asked.isdigit() and len(asked) < 10 and asked not in dict(round_choices):
            round_choices.append((asked, str(_("Kỳ đối thoại số %(n)s")) % {"n": asked}))
        self.fields["round"].choices = round_choices  # type: ignore[attr-defined]
        self.fields["topic"].choices = [("", "—"), *topic_choices()]  # type: ignore[attr-defined]


class TransitionForm(forms.Form):
    to_state = forms.ChoiceField(choices=PetitionState.choices)
    reason_code = forms.ChoiceField(
        choices=[("", "—"), *NotAcceptedReason.choices],
        required=False,
        label=_("Lý do không thụ lý"),
    )
    forwarded_to = forms.CharField(max_length=200, required=False, label=_("Chuyển đến cơ quan"))
    reason = forms.CharField(
        max_length=2000, required=False, label=_("Ghi chú"), widget=forms.Textarea
    )


class RoundSetForm(forms.Form):
    """Move a petition: a short select of the rounds collecting petitions that cover its unit,
    or out of every round."""

    round = forms.ChoiceField(label=_("Chuyển sang"), required=False, widget=PlainSelect)

    def __init__(self, *args: Any, rounds: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [  # type: ignore[attr-defined]
            ("", str(_("Ngoài kỳ đối thoại (xử lý thường xuyên)"))),
            *[(str(pk), title) for pk, title in rounds],
        ]


class LookupForm(forms.Form):
    ma = forms.CharField(label=_("Mã tra cứu"), max_length=20)
