"""A copy of one person's data across petitions, for their access request, as XLSX or JSON.

The officer's export is itself a view of contact details: each petition is logged
(`ContactView`, place "access") and the request records the export (how many petitions)."""

import io
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from openpyxl import Workbook
from openpyxl.styles import Font

from doithoai.accounts.types import Actor
from doithoai.dataprotection import policies
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import OPEN_STATES, DataSubjectRequest, RequestKind, ViewPlace
from doithoai.dataprotection.services.requests import request_touch
from doithoai.dataprotection.services.viewlog import contact_views_record
from doithoai.notify.models import Message
from doithoai.petitions.models import Petition

COLUMNS: list[tuple[str, Promise]] = [
    ("code", _l("Mã tra cứu")),
    ("received_on", _l("Ngày tiếp nhận")),
    ("unit", _l("Địa bàn")),
    ("legal_kind", _l("Loại")),
    ("channel", _l("Kênh tiếp nhận")),
    ("state", _l("Trạng thái")),
    ("text", _l("Nội dung")),
    ("place", _l("Thôn, tổ dân phố")),
    ("address", _l("Địa chỉ nơi xảy ra")),
    ("submitter_name", _l("Họ và tên")),
    ("phone", _l("Điện thoại")),
    ("email", _l("Thư điện tử")),
    ("submitter_address", _l("Địa chỉ người gửi")),
    ("business_name", _l("Tên hộ kinh doanh")),
    ("tax_code", _l("Mã số thuế")),
    ("consent_at", _l("Đồng ý xử lý dữ liệu lúc")),
    ("messages", _l("Thông báo đã gửi")),
]


def _rows(petitions: list[Petition]) -> list[dict[str, str]]:
    sent: dict[int, list[str]] = {}
    for m in Message.objects.filter(petition__in=petitions).order_by("created_at", "id"):
        assert m.petition_id is not None
        sent.setdefault(m.petition_id, []).append(
            f"{m.created_at:%d/%m/%Y} {m.get_channel_display()} ({m.get_state_display()})"
        )
    rows = []
    for p in petitions:
        rows.append(
            {
                "code": p.code,
                "received_on": p.received_on.isoformat(),
                "unit": p.unit.name,
                "legal_kind": p.get_legal_kind_display(),
                "channel": p.get_channel_display(),
                "state": p.get_state_display(),
                "text": p.text,
                "place": p.place,
                "address": p.address,
                "submitter_name": p.submitter_name,
                "phone": p.phone,
                "email": p.email,
                "submitter_address": p.submitter_address,
                "business_name": p.business_name,
                "tax_code": p.tax_code,
                "consent_at": p.consent_at.isoformat() if p.consent_at else "",
                "messages": "; ".join(sent.get(p.pk, [])),
            }
        )
    return rows


def _xlsx(rows: list[dict[str, str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Dữ liệu cá nhân")
    sheet.append([str(label) for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row[key] for key, _label in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@transaction.atomic
def personal_data_export(
    *, actor: Actor, request: DataSubjectRequest, petitions: list[Petition], fmt: str
) -> bytes:
    """The person's data in the given petitions, as "xlsx" or "json" bytes."""
    if not policies.can_handle_request(actor, request) or not all(
        policies.can_act_on_petition(actor, p) for p in petitions
    ):
        raise PermissionDenied(_("Bạn không có quyền xuất dữ liệu cá nhân này."))
    if request.kind != RequestKind.ACCESS:
        raise ValidationError(_("Thao tác này không thuộc loại yêu cầu đã tiếp nhận."))
    if request.state not in OPEN_STATES:
        raise ValidationError(_("Yêu cầu này đã kết thúc."))
    if not petitions:
        raise ValidationError(_("Hãy chọn ít nhất một kiến nghị."))
    if fmt not in ("xlsx", "json"):
        raise ValidationError(_("Định dạng tệp không hợp lệ."))
    rows = _rows(petitions)
    contact_views_record(user=actor, petition_ids=[p.pk for p in petitions], place=ViewPlace.ACCESS)
    request_touch(
        actor=actor, request=request, action=DataProtectionEvents.DSR_EXPORTED, count=len(petitions)
    )
    if fmt == "json":
        return json.dumps(
            {"petitions": rows, "fields": {key: str(label) for key, label in COLUMNS}},
            ensure_ascii=False,
            indent=2,
        ).encode("utf-8")
    return _xlsx(rows)
