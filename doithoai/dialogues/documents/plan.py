"""The plan (KH) and the invitation (GM) of a round."""

from doithoai.core.rendering import Bullet, Heading, OfficialDocument, Paragraph, Table
from doithoai.dialogues.documents.common import (
    base,
    chairs,
    lines,
    lower_first,
    main_signature,
    today,
    when,
)
from doithoai.dialogues.models import ChairRole, Round


def build_plan(round_: Round) -> OfficialDocument:
    blocks: list = [Heading("I. Mục đích, yêu cầu")]
    blocks += [Bullet(line) for line in lines(round_.purposes)]
    blocks += [
        Heading("II. Nội dung, hình thức"),
        Heading("1. Đối tượng tiếp xúc, đối thoại", level=2),
    ]
    blocks += [Paragraph(line) for line in lines(round_.participants)]
    blocks.append(Heading("2. Nội dung tiếp xúc, đối thoại", level=2))
    blocks += [Bullet(line) for line in lines(round_.content)]
    focus = [f.label for f in round_.focus_topics.all()]
    if focus:
        blocks.append(Paragraph("Trọng tâm: " + ", ".join(focus) + "."))
    blocks.append(Heading("3. Hình thức tiếp xúc, đối thoại", level=2))
    blocks += [Bullet(line) for line in lines(round_.forms)]
    for chair in chairs(round_):
        verb = "chủ trì" if chair.role == ChairRole.CHAIR else "đồng chủ trì"
        blocks.append(Bullet(f"Đồng chí {chair.name}, {chair.position_title}, {verb}.", marker="+"))
    blocks.append(Heading("4. Thời gian, địa điểm", level=2))
    blocks.append(Paragraph(f"Thời gian: từ {when(round_.starts_at)}."))
    blocks.append(Paragraph(f"Địa điểm: {round_.venue}."))
    if round_.intake_deadline:
        blocks.append(
            Paragraph(f"Ý kiến, kiến nghị gửi về trước ngày {round_.intake_deadline:%d/%m/%Y}.")
        )
    blocks.append(Heading("III. Tổ chức thực hiện"))
    group = None
    for n, task in enumerate(round_.tasks.select_related("organisation"), start=1):
        if task.group != group:
            group = task.group
            blocks.append(
                Heading(f"{len({t.group for t in round_.tasks.all()[:n]})}. {group}", level=2)
            )
        due = f" Thời hạn: {task.due_on:%d/%m/%Y}." if task.due_on else ""
        blocks.append(Bullet(f"{task.text}{due}"))
    blocks.append(Paragraph(f"Trên đây là Kế hoạch {lower_first(round_.title)}./."))
    return OfficialDocument(
        **base(
            round_,
            kind_label="Kế hoạch",
            number=round_.document_number,
            date=round_.issued_on or today(),
            summary=round_.title,
        ),
        blocks=blocks,
        signature=main_signature(round_),
        recipients=[
            "Thường trực Thành ủy, HĐND thành phố",
            "Ủy ban MTTQ Việt Nam thành phố",
            "Các phòng, ban, ngành thành phố",
            "UBND các xã, phường",
        ],
        archive="VT",
    )


def build_invitation(round_: Round) -> OfficialDocument:
    chair_titles = ", ".join(f"đồng chí {c.position_title}" for c in chairs(round_))
    blocks: list = [
        Paragraph(
            f"Thực hiện Kế hoạch số {round_.document_number} về {lower_first(round_.title)}, "
            f"{round_.organisation.name} trân trọng kính mời:",
        ),
        Paragraph(
            "Đại diện các hộ kinh doanh dịch vụ, các tổ trưởng, trưởng thôn và đại diện Nhân dân "
            "(có danh sách kèm theo).",
            bold=True,
        ),
        Paragraph(
            f"Tham dự hội nghị tiếp xúc, đối thoại do {chair_titles} chủ trì."
            if chair_titles
            else "Tham dự hội nghị tiếp xúc, đối thoại."
        ),
        Paragraph(f"Thời gian: {when(round_.starts_at)}."),
        Paragraph(f"Địa điểm: {round_.venue}."),
        Paragraph("Đề nghị đại biểu mang theo giấy mời (có mã QR để điểm danh) và đến đúng giờ./."),
    ]
    invitees = list(round_.invitees.exclude(state="declined").order_by("group", "name"))
    if invitees:
        blocks.append(Heading("Danh sách đại biểu", level=2))
        blocks.append(
            Table(
                header=["STT", "Họ và tên", "Thành phần", "Chức danh, đơn vị"],
                rows=[
                    [
                        str(n),
                        i.name,
                        i.get_group_display(),
                        i.title or (i.unit.name if i.unit else ""),
                    ]
                    for n, i in enumerate(invitees, start=1)
                ],
                widths_mm=[12, 55, 45, 53],
                center_columns=(0,),
            )
        )
    return OfficialDocument(
        **base(
            round_,
            kind_label="Giấy mời",
            number=round_.invitation_number,
            date=round_.issued_on or today(),
            summary="",
        ),
        blocks=blocks,
        signature=main_signature(round_),
        recipients=["Như trên"],
    )
