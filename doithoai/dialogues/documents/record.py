"""The minutes (BB) and the conclusion notice (TB) of a round."""

import datetime

from doithoai.dialogues.documents.common import (
    HCM,
    base,
    chairs,
    lower_first,
    main_signature,
    to_local,
    today,
    when,
)
from doithoai.dialogues.models import Directive, Minutes, Round, Statement
from doithoai.dialogues.selectors import attendance_by_group, statements
from doithoai.documents.rendering import (
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
)


def build_minutes(round_: Round) -> OfficialDocument:
    minutes = Minutes.objects.filter(round=round_).first() or Minutes(round=round_)
    start = minutes.started_at or round_.starts_at
    blocks: list = [
        Paragraph(f"Thời gian bắt đầu: {when(start)}."),
        Paragraph(f"Địa điểm: {round_.venue}."),
        Paragraph(f"Chủ trì: {minutes.chair_name or ', '.join(c.name for c in chairs(round_))}."),
        Paragraph(f"Thư ký: {minutes.secretary_name}."),
        Heading("I. Thành phần tham dự"),
    ]
    for row in attendance_by_group(round_):
        if row["invited"]:
            blocks.append(
                Bullet(f"{row['label']}: {row['present']}/{row['invited']} đại biểu có mặt.")
            )
    blocks.append(Heading("II. Nội dung hội nghị"))
    for n, st in enumerate(statements(round_), start=1):
        blocks.append(Heading(f"{n}. Ý kiến của {st.speaker_name}", level=2))
        blocks.append(Paragraph(st.text))
        if st.answer:
            who = f" ({st.answered_by.name})" if st.answered_by else ""
            blocks.append(Paragraph(f"Trả lời{who}: {st.answer}"))
        if st.directive:
            d = st.directive
            blocks.append(
                Paragraph(
                    f"Chỉ đạo: {d.text} Giao {d.assignee.name}, thời hạn {d.deadline:%d/%m/%Y}.",
                    italic=True,
                )
            )
    if minutes.notes:
        blocks.append(Paragraph(minutes.notes))
    blocks.append(
        Paragraph(
            f"Cuộc họp kết thúc vào {when(minutes.ended_at)}."
            if minutes.ended_at
            else "Cuộc họp kết thúc vào … giờ …, ngày …."
        )
    )
    return OfficialDocument(
        **base(
            round_,
            kind_label="Biên bản",
            number=round_.minutes_number,
            date=(to_local(start) or datetime.datetime.now(tz=HCM)).date(),
            summary="Hội nghị " + lower_first(round_.title),
        ),
        blocks=blocks,
        signature=Signature(title="Chủ tọa", name=minutes.chair_name),
        second_signature=Signature(title="Thư ký", name=minutes.secretary_name),
        recipients=["Thường trực Thành ủy, HĐND thành phố"],
        show_place_date=False,
    )


def conclusion_rows(round_: Round) -> list[list[str]]:
    """One row per issue of the round: title, answer, directive, assignee, deadline."""
    from doithoai.synthesis.models import Issue

    said: dict[int, Statement] = {}
    for statement in statements(round_).filter(issue__isnull=False):
        said.setdefault(statement.issue_id or 0, statement)
    directives: dict[int, Directive] = {}
    for directive in round_.directives.select_related("assignee").filter(issue__isnull=False):
        directives.setdefault(directive.issue_id or 0, directive)
    rows = []
    issues = Issue.objects.filter(round=round_).select_related("department").order_by("id")
    for n, issue in enumerate(issues, start=1):
        st = said.get(issue.pk)
        d = directives.get(issue.pk)
        assignee = d.assignee.name if d else (issue.department.name if issue.department else "")
        rows.append(
            [
                str(n),
                issue.title,
                st.answer if st and st.answer else "Giao cơ quan chuyên môn tham mưu trả lời.",
                d.text if d else "",
                assignee,
                f"{d.deadline:%d/%m/%Y}" if d else "",
            ]
        )
    return rows


def build_conclusion(round_: Round) -> OfficialDocument:
    chair = next(iter(chairs(round_)), None)
    blocks: list = [
        Paragraph(
            f"Ngày {when(round_.starts_at).split('ngày ')[-1]}, tại {round_.venue}, "
            f"{'đồng chí ' + chair.position_title if chair else 'Lãnh đạo'} chủ trì Hội nghị "
            "tiếp xúc, đối thoại. Sau khi nghe ý kiến của Nhân dân và các cơ quan, đơn vị, "
            "kết luận như sau:"
        ),
        Heading("Các nội dung giao thực hiện", level=2),
        Table(
            header=["STT", "Nội dung kiến nghị", "Trả lời", "Chỉ đạo", "Đơn vị", "Thời hạn"],
            rows=conclusion_rows(round_),
            widths_mm=[10, 37, 34, 36, 24, 24],
            center_columns=(0, 5),
        ),
        Paragraph(
            f"{round_.organisation.name} thông báo để các cơ quan, đơn vị biết, thực hiện./."
        ),
    ]
    return OfficialDocument(
        **base(
            round_,
            kind_label="Thông báo",
            number=round_.conclusion_number,
            date=round_.conclusion_on or today(),
            summary="Kết luận tại Hội nghị " + lower_first(round_.title),
        ),
        blocks=blocks,
        signature=main_signature(round_),
        recipients=["Thường trực Thành ủy, HĐND thành phố", "Các cơ quan, đơn vị có tên trên"],
    )
