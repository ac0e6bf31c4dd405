"""Export of a filtered petition list to xlsx; every export is recorded as an event."""

import io
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.core.events import event_record
from doithoai.petitions import policies
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.hooks import contact_viewed
from doithoai.petitions.selectors import petition_export_rows

MAX_EXPORT_ROWS = 50_000


@transaction.atomic
def petitions_xlsx(*, user: Any, filters: PetitionFilters) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Kiến nghị"))
    headers = [
        _("Mã tra cứu"),
        _("Ngày tiếp nhận"),
        _("Địa bàn"),
        _("Thôn, tổ"),
        _("Lĩnh vực"),
        _("Loại"),
        _("Kênh"),
        _("Kỳ đối thoại"),
        _("Trạng thái"),
        _("Nội dung"),
        _("Người gửi"),
        _("Điện thoại"),
        _("Thư điện tử"),
    ]
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = personal = 0
    shown: list[int] = []
    outside = _("Ngoài kỳ đối thoại")
    for p in petition_export_rows(user=user, filters=filters, limit=MAX_EXPORT_ROWS):
        show = policies.can_see_personal_data(user, p) and not p.anonymous
        personal += show
        if show and (p.submitter_name or p.phone or p.email):
            shown.append(p.pk)
        sheet.append(
            [
                p.code,
                p.received_on,
                p.unit.name,
                p.place,
                p.topic.name if p.topic else "",
                p.get_legal_kind_display(),
                p.get_channel_display(),
                p.round.title if p.round_id and p.round else outside,
                p.get_state_display(),
                p.text,
                p.submitter_name if show else "",
                p.phone if show else "",
                p.email if show else "",
            ]
        )
        count += 1
    out = io.BytesIO()
    workbook.save(out)
    contact_viewed(user=user, petition_ids=shown, place="export")
    event_record(
        actor=user,
        obj=user,
        action="petitions.exported",
        after={"rows": count, "rows_with_personal_data": personal, "filters": filters.used()},
    )
    return out.getvalue()
