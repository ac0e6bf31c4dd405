"""Business validation of a petition's input, shared by the form, the API and the import."""

import datetime
import re
from dataclasses import dataclass, field, fields
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.core import legacy_text
from doithoai.core.text import nfc
from doithoai.petitions.choices import Channel, LegalKind, SubmitterType
from doithoai.petitions.models import Topic
from doithoai.petitions.selectors import active_topic
from doithoai.units.models import Unit
from doithoai.units.selectors import unit_by_id

TEXT_MIN, TEXT_MAX = 10, 5000
_PHONE = re.compile(r"^0\d{8,10}$")
_TAX_CODE = re.compile(r"^\d{10}(\d{3})?$")


@dataclass
class PetitionInput:
    """What any channel provides. `unit` is a Unit or its id; `topic` a Topic code."""

    text: str
    unit: Unit | int | None
    channel: str
    legal_kind: str = LegalKind.KIEN_NGHI
    topic: str = ""
    place: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    round_id: int | None = None
    submitter_type: str = SubmitterType.RESIDENT
    anonymous: bool = False
    confidential: bool = False
    submitter_name: str = ""
    phone: str = ""
    email: str = ""
    submitter_address: str = ""
    business_name: str = ""
    tax_code: str = ""
    consent: bool = False
    # The petitioner's opt-in to notifications (required for SMS and for confidential petitions).
    notify_email: bool = False
    notify_sms: bool = False
    on_behalf_of: str = ""
    received_on: datetime.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def normalise_phone(raw: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


# Words people type (not e-mail addresses or codes): text pasted from a legacy-encoded file is
# converted when it clearly is such text (core.legacy_text).
LEGACY_TEXT_FIELDS = (
    "text",
    "place",
    "address",
    "submitter_name",
    "submitter_address",
    "business_name",
    "on_behalf_of",
)


def clean_input(data: PetitionInput) -> tuple[PetitionInput, Unit, Topic | None]:
    """Normalise the input in place and resolve its unit and topic, or raise ValidationError
    with a Vietnamese message per field."""
    errors: dict[str, list[str]] = {}

    def fail(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name in (
        "text",
        "place",
        "address",
        "submitter_name",
        "submitter_address",
        "business_name",
        "on_behalf_of",
        "email",
        "tax_code",
    ):
        setattr(data, name, nfc(str(getattr(data, name) or "")).strip())
    for name in LEGACY_TEXT_FIELDS:  # pasted from an old TCVN3/VNI file: read as Unicode
        setattr(data, name, legacy_text.convert(getattr(data, name)).text)
    for item in fields(data):
        if "\x00" in str(getattr(data, item.name) or ""):
            fail(item.name, _("Văn bản không được chứa ký tự NUL (\\x00)."))
    data.text = re.sub(r"[ \t]+", " ", data.text)
    if len(data.text) < TEXT_MIN:
        fail("text", _("Nội dung kiến nghị phải có ít nhất %(n)d ký tự.") % {"n": TEXT_MIN})
    elif len(data.text) > TEXT_MAX:
        fail("text", _("Nội dung kiến nghị dài quá %(n)d ký tự.") % {"n": TEXT_MAX})
    for name, limit in (
        ("place", 200),
        ("address", 300),
        ("submitter_name", 150),
        ("submitter_address", 300),
        ("business_name", 200),
        ("on_behalf_of", 200),
    ):
        if len(getattr(data, name)) > limit:
            fail(name, _("Trường này dài quá %(n)d ký tự.") % {"n": limit})
    if data.legal_kind not in LegalKind.values:
        fail("legal_kind", _("Loại kiến nghị không hợp lệ."))
    if data.channel not in Channel.values:
        fail("channel", _("Kênh tiếp nhận không hợp lệ."))
    if data.submitter_type not in SubmitterType.values:
        fail("submitter_type", _("Loại người gửi không hợp lệ."))
    # A NUL character in the topic code would reach the query: it is not looked up.
    unit, topic = _read_unit_and_topic(data.unit, "" if "topic" in errors else data.topic)
    if unit is None:
        fail("unit", _("Không tìm thấy địa bàn (phường, xã) đã chọn."))
    if data.topic and topic is None and "topic" not in errors:
        fail("topic", _("Lĩnh vực '%(code)s' không có trong danh mục.") % {"code": data.topic[:40]})
    if data.anonymous:
        data.submitter_type = SubmitterType.ANONYMOUS
        data.submitter_name = data.phone = data.email = data.submitter_address = ""
        data.business_name = data.tax_code = ""
    else:
        data.phone = normalise_phone(data.phone)
        if data.phone and not _PHONE.match(data.phone):
            fail("phone", _("Số điện thoại không hợp lệ."))
        if data.email:
            try:
                validate_email(data.email)
            except ValidationError:
                fail("email", _("Địa chỉ thư điện tử không hợp lệ."))
        data.tax_code = data.tax_code.replace("-", "")
        if data.tax_code and not _TAX_CODE.match(data.tax_code):
            fail("tax_code", _("Mã số thuế phải gồm 10 hoặc 13 chữ số."))
        if data.channel == Channel.WEB and not data.submitter_name:
            fail("submitter_name", _("Vui lòng nhập họ tên, hoặc chọn gửi ẩn danh."))
    if data.channel == Channel.WEB and not data.consent:
        fail("consent", _("Vui lòng đồng ý với thông báo xử lý dữ liệu cá nhân để gửi kiến nghị."))
    for name, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
        value = getattr(data, name)
        if value is not None and not (low <= float(value) <= high):
            fail(name, _("Tọa độ không hợp lệ."))
    today = timezone.localdate()
    if data.received_on is None:
        data.received_on = today
    elif data.received_on > today:
        fail("received_on", _("Ngày tiếp nhận không được ở tương lai."))
    if errors:
        raise ValidationError(errors)
    assert unit is not None
    return data, unit, topic


def _read_unit_and_topic(
    unit: Unit | int | str | None, topic_code: str
) -> tuple[Unit | None, Topic | None]:
    """The unit (given, or by id) and the active topic of that code (none without a code), from
    the process's copies of both lists: an intake usually reads neither from the database."""
    if not isinstance(unit, Unit):
        pk = _unit_pk(unit)
        unit = unit_by_id(pk) if pk is not None else None
    return unit, active_topic(topic_code) if topic_code else None


def _unit_pk(value: int | str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        pk = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return pk if -(2**63) <= pk < 2**63 else None
