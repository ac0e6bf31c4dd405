"""The results report of a round: "BÁO CÁO Kết quả giải quyết kiến nghị" (Decree 30, form 1.4).

Called by the document registry as `build_results(round)`. No personal data: issues are shown by
their title, units, counts, answers and directives only. Open items of earlier rounds of the same
unit are carried into this report (section III).
"""

import datetime
from zoneinfo import ZoneInfo

from doithoai.dialogues.models import Round
from doithoai.documents.rendering import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    format_number,
)
from doithoai.portal.selectors import BoardRow, board_rows

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN_STATES = {"open", "assigned", "answered", "in_progress"}
WIDTHS: list[float] = [10, 45, 50, 25, 20, 20]


def _place(round_: Round) -> str:
    name = round_.unit.name
    for prefix in ("Thành phố ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _row(index: int, row: BoardRow) -> list[str]:
    result = row.answer or (f"Đã chuyển {row.forwarded_to}" if row.forwarded_to else "Chưa trả lời")
    if row.directive:
        result += f"\nChỉ đạo: {row.directive}"
    return [
        str(index),
        f"{row.title} ({row.petitioners} kiến nghị; {', '.join(row.units)})",
        result[:600],
        row.department or "—",
        row.deadline.strftime("%d/%m/%Y") if row.deadline else "—",
        row.state_label + (" (quá hạn)" if row.overdue else ""),
    ]


def _table(rows: list[BoardRow]) -> Table:
    return Table(
        header=[
            "STT",
            "Nội dung kiến nghị",
            "Kết quả giải quyết",
            "Cơ quan chủ trì",
            "Thời hạn",
            "Trạng thái",
        ],
        rows=[_row(i, r) for i, r in enumerate(rows, start=1)],
        widths_mm=WIDTHS,
        center_columns=(0, 4),
    )


def build_results(
    round_: Round, *, number: str = "", date: datetime.date | None = None
) -> OfficialDocument:
    rows = board_rows(round_=round_)
    earlier = Round.objects.filter(unit_id=round_.unit_id, id__lt=round_.pk)
    if round_.starts_at is not None:
        earlier = Round.objects.filter(unit_id=round_.unit_id, starts_at__lt=round_.starts_at)
    carried = [
        r
        for prev in earlier.order_by("starts_at", "id")
        for r in board_rows(round_=prev)
        if r.state in OPEN_STATES
    ]
    total = sum(r.petitioners for r in rows)
    answered = sum(1 for r in rows if r.answer)
    resolved = sum(1 for r in rows if r.state in ("resolved", "closed"))
    late = sum(1 for r in rows if r.overdue)
    blocks: list[Block] = [
        Paragraph(
            f"Thực hiện {round_.title}, {round_.organisation.name} đã tiếp nhận {total} ý kiến, "
            f"kiến nghị, tổng hợp thành {len(rows)} vấn đề và giao các cơ quan, đơn vị giải quyết. "
            "Kết quả giải quyết như sau:"
        ),
        Heading("I. Kết quả chung"),
        Bullet(f"Số vấn đề đã có trả lời: {answered}/{len(rows)}."),
        Bullet(f"Số vấn đề đã giải quyết xong: {resolved}/{len(rows)}."),
        Bullet(f"Số vấn đề quá hạn giải quyết: {late}."),
        Heading("II. Kết quả giải quyết từng vấn đề"),
        _table(rows) if rows else Paragraph("Không có vấn đề nào trong kỳ."),
        Heading("III. Các nội dung kỳ trước chưa hoàn thành, tiếp tục theo dõi"),
        _table(carried) if carried else Paragraph("Không có nội dung kỳ trước chuyển sang."),
        Heading("IV. Các nội dung chưa hoàn thành chuyển kỳ sau"),
    ]
    pending = [r for r in rows if r.state in OPEN_STATES]
    blocks += [Bullet(f"{r.title} — {r.department or 'chưa giao'}.") for r in pending[:200]] or [
        Paragraph("Tất cả các vấn đề của kỳ đã được giải quyết.")
    ]
    blocks.append(
        Paragraph(
            f"Trên đây là báo cáo kết quả giải quyết kiến nghị của {round_.organisation.name}./."
        )
    )
    parent = round_.unit.parent
    return OfficialDocument(
        family="state",
        parent_body=f"UBND {parent.name}" if parent else "",
        issuing_body=round_.organisation.name,
        number=number or format_number(1, "BC", round_.organisation.short_name or "UBND"),
        place=_place(round_),
        date=date or datetime.datetime.now(tz=HCM).date(),
        kind_label="Báo cáo",
        summary="Kết quả giải quyết kiến nghị " + round_.title[:1].lower() + round_.title[1:],
        blocks=blocks,
        signature=Signature(
            authority_prefix="TM.", authority_body="Ủy ban nhân dân", title="Chủ tịch", name=""
        ),
        recipients=[
            "Thường trực Thành ủy, HĐND",
            "Ủy ban MTTQ Việt Nam cùng cấp",
            "Các cơ quan, đơn vị",
        ],
    )
