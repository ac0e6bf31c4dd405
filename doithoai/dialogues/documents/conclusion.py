"""The conclusion notice (TB) of a round, as the chair signs it.

An opening paragraph; I. each key issue discussed at the conference with the chair's conclusion,
the directive, the assignee and the deadline; II. general directives to departments and wards;
then the appendix: every other issue in a table per department (short title, assignee,
deadline). The texts are the chair's (`services.notice`), drafted until saved."""

from itertools import groupby

from django.utils.translation import gettext as _

from doithoai.core.rendering import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Table,
)
from doithoai.dialogues.documents.common import (
    base,
    lines,
    lower_first,
    main_signature,
    today,
)
from doithoai.dialogues.models import Directive, Round, RoundState, Statement
from doithoai.dialogues.selectors import statements
from doithoai.dialogues.selectors_notice import KeyIssue, key_issues, notice_of, other_issues
from doithoai.dialogues.services.notice import notice_texts
from doithoai.synthesis.models import Issue

# The heading that opens the appendix: tests and the register find where it starts by it.
APPENDIX_HEADING = "Phụ lục: Các ý kiến, kiến nghị giao cơ quan chuyên môn trả lời bằng văn bản"
SHORT_TITLE = 160


def conclusion_issue_problem(round_: Round) -> str | None:
    """Why the notice may not be issued yet (in Vietnamese), or None when it may."""
    if round_.state not in (RoundState.HELD, RoundState.CONCLUDED):
        return _("Hội nghị chưa được tổ chức, chưa thể ban hành thông báo kết luận")
    notice = notice_of(round_)
    if notice is None or not notice.approved:
        return _("Lãnh đạo chưa duyệt thông báo kết luận")
    return None


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rstrip() + "…"


def _due(value: object) -> str:
    return f"{value:%d/%m/%Y}" if value else "…"


def _key_blocks(key: KeyIssue, point: str, due: str) -> list[Block]:
    issue = key.issue
    blocks: list[Block] = [Paragraph(point)]
    for directive in key.directives:
        blocks.append(
            Paragraph(
                f"Chỉ đạo: {directive.text.strip()} Cơ quan thực hiện: "
                f"{directive.assignee.name}; thời hạn: {directive.deadline:%d/%m/%Y}.",
                italic=True,
            )
        )
    if not key.directives:
        who = issue.department.name if issue.department else "Cơ quan chuyên môn"
        blocks.append(
            Paragraph(
                "Chỉ đạo: giải quyết dứt điểm, trả lời Nhân dân bằng văn bản. "
                f"Cơ quan thực hiện: {who}; thời hạn: {due}.",
                italic=True,
            )
        )
    return blocks


def _appendix(round_: Round, exclude: set[int], due: str) -> list[Block]:
    issues = list(other_issues(round_, exclude))
    if not issues:
        return []
    blocks: list[Block] = [
        Heading(APPENDIX_HEADING),
        Paragraph(
            f"Gồm {len(issues)} vấn đề (tổng hợp từ các ý kiến, kiến nghị của cử tri và Nhân "
            "dân), xếp theo cơ quan được giao.",
            italic=True,
        ),
    ]
    n = 0
    groups = groupby(issues, key=lambda i: i.department)
    for number, (department, members) in enumerate(groups, start=1):
        # The heading names the department in full; the column by its short name, to keep
        # each row on one or two lines.
        who = (department.short_name or department.name) if department else "Chưa phân công"
        rows = []
        for issue in members:
            n += 1
            rows.append([str(n), _short(issue.title), who, due])
        label = department.name if department else "Chưa phân công cơ quan"
        blocks.append(Heading(f"{number}. {label} ({len(rows)} vấn đề)", level=2))
        blocks.append(
            Table(
                header=["STT", "Nội dung kiến nghị", "Cơ quan thực hiện", "Thời hạn"],
                rows=rows,
                widths_mm=[12, 108, 23, 22],
                center_columns=(0, 3),
            )
        )
    return blocks


def build_conclusion(round_: Round) -> OfficialDocument:
    keys = key_issues(round_)
    texts = notice_texts(round_, keys)
    due = _due(texts.answers_due_on)
    blocks: list[Block] = [Paragraph(texts.opening)]
    blocks.append(Heading("I. Về các nội dung đã thảo luận tại hội nghị"))
    if not keys:
        blocks.append(Paragraph("Hội nghị không thảo luận riêng vấn đề nào."))
    for n, key in enumerate(keys, start=1):
        blocks.append(Heading(f"{n}. {key.issue.title}", level=2))
        blocks += _key_blocks(key, texts.points[key.issue.pk], due)
    blocks.append(Heading("II. Chỉ đạo chung đối với các phòng, ban và xã, phường"))
    blocks += [Bullet(line) for line in lines(texts.general_directives)]
    blocks += _appendix(round_, {k.issue.pk for k in keys}, due)
    blocks.append(
        Paragraph(
            f"Trên đây là kết luận tại Hội nghị {lower_first(round_.title)}. "
            f"{round_.organisation.name} thông báo để các cơ quan, đơn vị biết, thực hiện./."
        )
    )
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
        recipients=[
            "Thường trực Thành ủy, HĐND thành phố",
            "Ủy ban MTTQ Việt Nam thành phố",
            "Các cơ quan, đơn vị có tên trên",
            "UBND các xã, phường",
        ],
    )


def conclusion_rows(round_: Round) -> list[list[str]]:
    """One row per issue of the round: number, title, answer at the conference, directive,
    assignee, deadline (a flat list for exports; the notice itself groups them)."""
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
                st.answer if st and st.answer else "",
                d.text if d else "",
                assignee,
                f"{d.deadline:%d/%m/%Y}" if d else "",
            ]
        )
    return rows
