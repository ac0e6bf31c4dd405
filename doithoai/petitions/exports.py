"""Export of a filtered petition list to xlsx; every export is recorded as an event."""

import io
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from doithoai.accounts.models import User
from doithoai.core.events import event_record
from doithoai.petitions import policies
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.hooks import contact_viewed
from doithoai.petitions.selectors import petition_export_rows

MAX_EXPORT_ROWS = 50_000
PROGRESS_EVERY = 1000  # rows between two progress reports of a background export


def petitions_xlsx(
    *, user: User, filters: PetitionFilters, progress: Callable[[int, int], None] | None = None
) -> bytes:
    """The workbook; `progress(done, total)` is told every PROGRESS_EVERY rows (a background export,
    core/jobs.py). The reading is not one transaction, so that the progress written is seen at
    once; the export's record is (`_export_record`)."""
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
    total = 0
    if progress is not None:
        total = petition_export_rows(user=user, filters=filters, limit=MAX_EXPORT_ROWS).count()
        progress(0, total)
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
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, max(total, count))
    out = io.BytesIO()
    workbook.save(out)
    _export_record(user=user, filters=filters, count=count, personal=personal, shown=shown)
    return out.getvalue()


@transaction.atomic
def _export_record(
    *, user: User, filters: PetitionFilters, count: int, personal: int, shown: list[int]
) -> None:
    contact_viewed(user=user, petition_ids=shown, place="export")
    event_record(
        actor=user,
        obj=user,
        action=PetitionEvents.PETITIONS_EXPORTED,
        after={"rows": count, "rows_with_personal_data": personal, "filters": filters.used()},
    )
