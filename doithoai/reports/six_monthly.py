"""The six-monthly report (báo cáo 6 tháng) a People's Committee sends to the level above.

Counts only, drawn from the same selectors as the statistics page: how many petitions came in, by
which channel, of which kind and topic, how many were resolved and how many on time per
department, and how the directives stand. No petitioner, no petition text, no officer's name.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from doithoai.accounts.models import User
from doithoai.accounts.policies import active_memberships
from doithoai.accounts.types import Actor
from doithoai.core.document_kinds import render_as
from doithoai.core.events import event_record
from doithoai.core.rendering import (
    Block,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
)
from doithoai.reports import policies
from doithoai.reports.events import ReportEvents
from doithoai.reports.selectors import (
    ReportFilters,
    Row,
    directive_breakdown,
    petition_breakdown,
    totals,
)
from doithoai.units.models import Organisation, OrganisationKind, Unit

# An official document is written in Vietnamese whatever the reader's interface language.


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%" if whole else "—"


def _count_table(title: str, rows: list[Row]) -> Table:
    body = [[str(i), r.label, str(r.total)] for i, r in enumerate(rows, 1)]
    total = sum(r.total for r in rows)
    body.append(["", "Tổng cộng", str(total)])
    return Table(
        header=["STT", title, "Số lượng"], rows=body, widths_mm=[15, 115, 35], center_columns=(0, 2)
    )


def _reporting_unit(user: Actor) -> Unit | None:
    for m in active_memberships(user):
        if m.role in policies.UPWARD_REPORT_ROLES:
            unit: Unit = m.organisation.unit
            return unit
    return None


def _bodies(unit: Unit | None) -> tuple[str, str, str]:
    """(parent body, issuing body, place) of the report."""
    if unit is None:
        return "", "Ủy ban nhân dân", ""
    committee = Organisation.objects.filter(
        unit=unit, kind=OrganisationKind.PEOPLES_COMMITTEE
    ).first()
    issuing = committee.name if committee else f"Ủy ban nhân dân {unit.name}"
    parent = f"UBND {unit.parent.name}" if unit.parent_id and unit.parent else ""
    return parent, issuing, _place(unit.name)


KIND_PREFIXES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Tỉnh ", "Huyện ", "Quận ", "Phường ", "Xã ")


def _place(name: str) -> str:
    """'Thành phố Bắc Kạn' → 'Bắc Kạn' for the place-and-date line."""
    for prefix in KIND_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def six_monthly_document(
    *, user: Actor, year: int, half: int, today: datetime.date | None = None
) -> OfficialDocument:
    if not policies.can_make_upward_report(user):
        raise PermissionDenied
    start = datetime.date(year, 1 if half == 1 else 7, 1)
    end = datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)
    filters = ReportFilters(date_from=start, date_to=end)
    period = "6 tháng đầu năm" if half == 1 else "6 tháng cuối năm"
    channels = petition_breakdown(user=user, filters=filters, dimension="channel")
    kinds = petition_breakdown(user=user, filters=filters, dimension="legal_kind")
    topics = petition_breakdown(user=user, filters=filters, dimension="topic")
    departments = [
        r
        for r in petition_breakdown(user=user, filters=filters, dimension="department")
        if r.key is not None
    ]
    directives = directive_breakdown(user=user, filters=filters)
    all_rows = totals(channels)
    parent, issuing, place = _bodies(_reporting_unit(user))
    blocks: list[Block] = [
        Paragraph(
            f"Thực hiện chế độ báo cáo định kỳ, {issuing} báo cáo kết quả tiếp nhận, giải quyết "
            f"kiến nghị, phản ánh của Nhân dân {period} {year} "
            f"(từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}) như sau:"
        ),
        Heading("I. Tình hình tiếp nhận kiến nghị, phản ánh"),
        Paragraph(f"Tổng số kiến nghị, phản ánh đã tiếp nhận: {all_rows.total}."),
        Heading("1. Theo kênh tiếp nhận", level=2),
        _count_table("Kênh tiếp nhận", channels),
        Heading("2. Theo loại đơn", level=2),
        _count_table("Loại đơn", kinds),
        Heading("3. Theo lĩnh vực", level=2),
        _count_table("Lĩnh vực", topics),
        Heading("II. Kết quả giải quyết"),
        Paragraph(
            f"Đã giải quyết {all_rows.resolved}/{all_rows.total} kiến nghị, phản ánh "
            f"({_percent(all_rows.resolved, all_rows.total)}); trong số {all_rows.with_due} "
            f"kiến nghị có thời hạn giải quyết, {all_rows.on_time} được giải quyết đúng hạn "
            f"({_percent(all_rows.on_time, all_rows.with_due)}), {all_rows.late} giải quyết "
            f"trễ hạn, {all_rows.overdue} quá hạn chưa giải quyết."
        ),
        Table(
            header=["STT", "Cơ quan giải quyết", "Tổng số", "Đã giải quyết", "Đúng hạn", "Quá hạn"],
            rows=[
                [
                    str(i),
                    r.label,
                    str(r.total),
                    str(r.resolved),
                    f"{r.on_time} ({_percent(r.on_time, r.with_due)})",
                    str(r.overdue),
                ]
                for i, r in enumerate(departments, 1)
            ]
            or [["", "Chưa giao cơ quan giải quyết", "0", "0", "0", "0"]],
            widths_mm=[12, 58, 22, 25, 28, 20],
            center_columns=(0, 2, 3, 4, 5),
        ),
        Heading("III. Thực hiện các nội dung chỉ đạo"),
        Paragraph(
            f"Số nội dung chỉ đạo có thời hạn trong kỳ: {sum(r.total for r in directives)}; "
            f"đã hoàn thành {sum(r.done for r in directives)}; "
            f"quá hạn chưa hoàn thành {sum(r.overdue for r in directives)}."
        ),
        Heading("IV. Đánh giá chung, phương hướng và kiến nghị"),
        Paragraph(
            "(Đơn vị bổ sung nhận xét, đánh giá và kiến nghị với cấp trên trước khi ký ban hành.)",
            italic=True,
        ),
    ]
    return OfficialDocument(
        family="state",
        parent_body=parent,
        issuing_body=issuing,
        number="      /BC-UBND",
        place=place,
        date=today or timezone.localdate(),
        kind_label="Báo cáo",
        summary=f"Kết quả tiếp nhận, giải quyết kiến nghị, phản ánh của Nhân dân\n{period} {year}",
        blocks=blocks,
        signature=Signature(
            authority_prefix="TM.", authority_body="Ủy ban nhân dân", title="Chủ tịch", name=" "
        ),
        recipients=["Cơ quan cấp trên", "Thường trực cấp ủy, HĐND", "Ủy ban MTTQ cùng cấp"],
        archive="VT",
    )


@transaction.atomic
def six_monthly_render(*, user: User, year: int, half: int, fmt: str) -> bytes:
    """DOCX or PDF bytes of the report; its making is recorded as an event on the user."""
    document = six_monthly_document(user=user, year=year, half=half)
    data = render_as(document, fmt)
    event_record(
        actor=user,
        obj=user,
        action=ReportEvents.REPORTS_SIX_MONTHLY_MADE,
        after={"year": year, "half": half, "format": fmt},
    )
    return data
