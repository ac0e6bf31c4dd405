"""The minutes (BB) of a round's conference (Decree 30, form 1.9): time and place, who chaired
and who took the minutes, attendance by group, the agenda's statements in order with the answers
and directives, the press questions with their answers, the end time and two signatures."""

import datetime

from doithoai.core.rendering import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
)
from doithoai.dialogues.documents.common import (
    HCM,
    base,
    chairs,
    lower_first,
    to_local,
    when,
)
from doithoai.dialogues.models import Minutes, Round
from doithoai.dialogues.selectors import attendance_by_group, statements


def _attendance(round_: Round) -> list[Block]:
    blocks: list[Block] = [Heading("I. Thành phần tham dự")]
    leaders = chairs(round_)
    if leaders:
        blocks.append(Paragraph("Chủ trì hội nghị:"))
        blocks += [Bullet(f"Đồng chí {c.name}, {c.position_title}.", marker="+") for c in leaders]
    rows = [row for row in attendance_by_group(round_) if row["invited"]]
    if rows:
        invited = sum(row["invited"] for row in rows)
        present = sum(row["present"] for row in rows)
        blocks.append(Paragraph(f"Đại biểu được mời: {invited}; có mặt: {present} đại biểu, gồm:"))
        blocks += [
            Bullet(f"{row['label']}: {row['present']}/{row['invited']} đại biểu có mặt.")
            for row in rows
        ]
    press = " và đại diện các cơ quan báo chí" if round_.press_questions.exists() else ""
    blocks.append(
        Paragraph(
            "Cùng dự có lãnh đạo các phòng, ban chuyên môn, Ủy ban MTTQ Việt Nam, các tổ chức "
            f"chính trị - xã hội{press}."
        )
    )
    return blocks


def _statements(round_: Round) -> list[Block]:
    blocks: list[Block] = [Heading("II. Ý kiến phát biểu, trả lời và chỉ đạo tại hội nghị")]
    said = list(statements(round_).select_related("issue"))
    if not said:
        blocks.append(Paragraph("Không có ý kiến phát biểu."))
    for n, st in enumerate(said, start=1):
        about = f" về {lower_first(st.issue.title)}" if st.issue else ""
        blocks.append(Heading(f"{n}. Ý kiến của {st.speaker_name}{about}", level=2))
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
    return blocks


def _press(round_: Round) -> list[Block]:
    questions = list(round_.press_questions.order_by("created_at", "id"))
    if not questions:
        return []
    blocks: list[Block] = [Heading("III. Câu hỏi của báo chí")]
    for n, q in enumerate(questions, start=1):
        outlet = f" ({q.outlet})" if q.outlet else ""
        blocks.append(Heading(f"{n}. Câu hỏi{outlet}", level=2))
        blocks.append(Paragraph(q.question))
        blocks.append(
            Paragraph(f"Trả lời: {q.answer}" if q.answer else "Chưa trả lời tại hội nghị.")
        )
    return blocks


def build_minutes(round_: Round) -> OfficialDocument:
    minutes = Minutes.objects.filter(round=round_).first() or Minutes(round=round_)
    start = minutes.started_at or round_.starts_at
    blocks: list[Block] = [
        Paragraph(f"Thời gian bắt đầu: {when(start)}."),
        Paragraph(f"Địa điểm: {round_.venue}."),
        Paragraph(f"Chủ trì: {minutes.chair_name or ', '.join(c.name for c in chairs(round_))}."),
        Paragraph(f"Thư ký: {minutes.secretary_name}."),
    ]
    blocks += _attendance(round_)
    blocks += _statements(round_)
    blocks += _press(round_)
    if minutes.notes:
        blocks.append(Heading("Ghi chú", level=2))
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
