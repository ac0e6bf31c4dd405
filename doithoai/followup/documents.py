"""The results report of a round: "BÁO CÁO Kết quả giải quyết kiến nghị" (Decree 30, form 1.4).

Called by the document registry as `build_results(round)`. The body is short: the figures first
(answered, on time, resolved, overdue — by lead department, then by theme: topic × area as on the
issues board), the issues not finished in time grouped by theme, what earlier rounds left open and
the next tasks. Every issue, grouped by theme, is listed in the appendix, which begins with the
heading `APPENDIX_MARK`. No personal data: issues by their confirmed title, units, counts, answers
and directives only (`results.IssueFact.listed`). Figures: `followup/results.py`.
"""

import datetime
from zoneinfo import ZoneInfo

from doithoai.core.rendering import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    format_number,
)
from doithoai.dialogues.models import Round
from doithoai.followup.results import (
    IssueFact,
    Tally,
    Theme,
    by_department,
    by_theme,
    carried_over,
    issue_facts,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
APPENDIX_MARK = "PHỤ LỤC"
# Column widths (mm) over the 165 mm of text width; a date needs 25 mm at 12 pt.
DEPARTMENT_WIDTHS: list[float] = [10, 55, 20, 20, 20, 20, 20]
THEME_WIDTHS: list[float] = [10, 38, 33, 16, 18, 16, 17, 17]


PLACE_PREFIXES = ("thành phố ", "thị xã ", "huyện ", "quận ", "phường ", "xã ", "tỉnh ")


def place_name(unit_name: str) -> str:
    """The place of the date line: 'Thành Phố Bắc Kạn' → 'Bắc Kạn' (the kind of unit dropped,
    whatever its capitals, so that the line stays on one line)."""
    for prefix in PLACE_PREFIXES:
        if unit_name.casefold().startswith(prefix):
            return unit_name[len(prefix) :].strip()
    return unit_name.strip()


def _place(round_: Round) -> str:
    return place_name(round_.unit.name)


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _tally_cells(tally: Tally) -> list[str]:
    return [
        str(tally.issues),
        str(tally.answered),
        str(tally.on_time),
        str(tally.resolved),
        str(tally.overdue),
    ]


def department_table(rows: list[Tally], total: Tally) -> Table:
    body = [[str(i), t.name, *_tally_cells(t)] for i, t in enumerate(rows, start=1)]
    body.append(["", total.name, *_tally_cells(total)])
    return Table(
        header=[
            "STT",
            "Cơ quan chủ trì",
            "Số vấn đề",
            "Đã trả lời",
            "Trả lời đúng hạn",
            "Đã giải quyết",
            "Quá hạn",
        ],
        rows=body,
        widths_mm=DEPARTMENT_WIDTHS,
        center_columns=(0, 2, 3, 4, 5, 6),
    )


def theme_table(themes: list[Theme]) -> Table:
    return Table(
        header=[
            "STT",
            "Lĩnh vực",
            "Địa bàn",
            "Số vấn đề",
            "Số kiến nghị",
            "Đã trả lời",
            "Đã giải quyết",
            "Quá hạn",
        ],
        rows=[
            [
                str(i),
                t.topic,
                t.area,
                str(t.tally.issues),
                str(t.tally.petitions),
                str(t.tally.answered),
                str(t.tally.resolved),
                str(t.tally.overdue),
            ]
            for i, t in enumerate(themes, start=1)
        ],
        widths_mm=THEME_WIDTHS,
        center_columns=(0, 3, 4, 5, 6, 7),
    )


def _result(fact: IssueFact) -> str:
    return fact.state_label + (" (quá hạn)" if fact.overdue else "")


def issue_list(themes: list[Theme]) -> list[Block]:
    """Every listed issue, numbered on, under its theme: one line each (title, petitions, lead
    department, deadline, result). Lines rather than a table: a 400-row table is what made the
    report slow to typeset; the figures the reader compares are in the tables of section I."""
    blocks: list[Block] = []
    index = 0
    for theme in themes:
        listed = [f for f in theme.facts if f.listed]
        if not listed:
            continue
        blocks.append(Heading(f"{theme.name} ({len(listed)} vấn đề)", level=3))
        for fact in listed:
            index += 1
            blocks.append(
                Bullet(
                    f"{fact.title} ({fact.petitions} kiến nghị) — {fact.department}; hạn "
                    f"{_date(fact.deadline)}; {_result(fact)}.",
                    marker=f"{index}.",
                )
            )
    return blocks


def _late_blocks(themes: list[Theme]) -> list[Block]:
    """Overdue issues, grouped by theme, one line each."""
    blocks: list[Block] = []
    for theme in themes:
        late = [f for f in theme.facts if f.overdue and f.listed]
        if not late:
            continue
        blocks.append(Heading(f"{theme.name} ({len(late)} vấn đề)", level=3))
        blocks += [
            Bullet(f"{f.title} — {f.department}, hạn {_date(f.deadline)}; {f.state_label}.")
            for f in late
        ]
    return blocks or [Paragraph("Không có vấn đề nào quá hạn.")]


def _appendix(themes: list[Theme], number: str, date: datetime.date, issuer: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(APPENDIX_MARK),
        Paragraph("KẾT QUẢ GIẢI QUYẾT TỪNG VẤN ĐỀ THEO CHỦ ĐỀ", bold=True),
        Paragraph(f"(Kèm theo Báo cáo số {number} ngày {_date(date)} của {issuer})", italic=True),
        Paragraph(
            "Nội dung trả lời đầy đủ của từng vấn đề được công khai tại trang Kết quả giải quyết "
            "kiến nghị trên Cổng đối thoại.",
            italic=True,
        ),
    ]
    return blocks + (issue_list(themes) or [Paragraph("Không có vấn đề nào trong kỳ.")])


def build_results(
    round_: Round, *, number: str = "", date: datetime.date | None = None
) -> OfficialDocument:
    date = date or datetime.datetime.now(tz=HCM).date()
    number = number or format_number(1, "BC", round_.organisation.short_name or "UBND")
    issuer = round_.organisation.name
    facts = issue_facts(round_)
    departments, total = by_department(facts)
    themes = by_theme(facts)
    carried = carried_over(round_)
    hidden = sum(1 for f in facts if not f.listed)
    blocks: list[Block] = [
        Paragraph(
            f"Thực hiện {round_.title}, {issuer} đã tiếp nhận {round_.petitions.count()} ý kiến, "
            f"kiến nghị, tổng hợp thành {total.issues} vấn đề và giao các cơ quan, đơn vị giải "
            "quyết. Kết quả giải quyết như sau:"
        ),
        Heading("I. Kết quả chung"),
        Bullet(
            f"Đã có trả lời công khai: {total.answered}/{total.issues} vấn đề "
            f"({_percent(total.answered, total.issues)}), trong đó trả lời đúng hạn: "
            f"{total.on_time}."
        ),
        Bullet(
            f"Đã giải quyết xong: {total.resolved}/{total.issues} vấn đề "
            f"({_percent(total.resolved, total.issues)})."
        ),
        Bullet(f"Quá hạn chưa giải quyết: {total.overdue} vấn đề."),
        Heading("1. Kết quả theo cơ quan chủ trì", level=2),
        department_table(departments, total),
        Paragraph(
            "Trả lời đúng hạn: trả lời được công khai không muộn hơn hạn giải quyết được giao. "
            "Quá hạn: đã quá hạn giải quyết hoặc hạn thực hiện chỉ đạo mà chưa có kết quả.",
            italic=True,
        ),
        Heading("2. Kết quả theo chủ đề (lĩnh vực, địa bàn)", level=2),
        theme_table(themes) if themes else Paragraph("Không có vấn đề nào trong kỳ."),
        Heading("II. Các vấn đề quá hạn, chưa giải quyết xong"),
        *_late_blocks(themes),
        Heading("III. Các nội dung kỳ trước chưa hoàn thành, tiếp tục theo dõi"),
    ]
    if carried:
        blocks += [
            Bullet(f"{f.title} — {f.department}, hạn {_date(f.deadline)}; {f.state_label}.")
            for f in carried
        ]
    else:
        blocks.append(Paragraph("Không có nội dung kỳ trước chuyển sang."))
    unfinished = total.issues - total.resolved
    blocks += [
        Heading("IV. Nhiệm vụ thời gian tới"),
        Bullet(
            f"Các cơ quan chủ trì tiếp tục giải quyết dứt điểm {unfinished} vấn đề chưa giải "
            f"quyết xong, ưu tiên {total.overdue} vấn đề đã quá hạn; báo cáo kết quả về Văn "
            "phòng để tổng hợp."
        ),
        Bullet(
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp tiếp tục giám sát việc giải "
            "quyết và xác nhận kết quả."
        ),
    ]
    if hidden:
        blocks.append(
            Paragraph(
                f"Ghi chú: {hidden} vấn đề được tính trong số liệu nhưng không nêu tên trong báo "
                "cáo (tiêu đề chưa được xác nhận công khai hoặc có nội dung cần bảo mật).",
                italic=True,
            )
        )
    blocks.append(
        Paragraph(
            "Kết quả giải quyết từng vấn đề theo chủ đề tại Phụ lục kèm theo. Trên đây là báo cáo "
            f"kết quả giải quyết kiến nghị của {issuer}./."
        )
    )
    blocks += _appendix(themes, number, date, issuer)
    parent = round_.unit.parent
    return OfficialDocument(
        family="state",
        parent_body=f"UBND {parent.name}" if parent else "",
        issuing_body=issuer,
        number=number,
        place=_place(round_),
        date=date,
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
