"""The Front's synthesis report as an official document: "BÁO CÁO Tổng hợp ý kiến, kiến nghị của
cử tri và Nhân dân", under the Fatherland Front's own header (family "front": "MẶT TRẬN TỔ QUỐC
VIỆT NAM" instead of the national title; the Front's committee over its standing board, symbol
"…/BC-MTTQ").

Called by the document registry as `build_synthesis_report(round)` (kind "synthesis"); the
register (`documents.services`) sets the number and date when it issues it, after asking
`synthesis_report_issue_problem(round)`. The figures come from the round's synthesis as it is
now (`selectors_report.report_facts`); the texts from the report the MTTQ officer edited (or, when
there is none yet, the texts a draft would have). Each text is checked again for personal data:
a text with a finding is left out of the document rather than printed.

Size: section II gives each theme one item under its topic (counts and summary: its main issues);
every issue is listed in the appendix, grouped by topic.
"""

import datetime

from django.utils import timezone

from doithoai.core.privacy import personal_data_findings
from doithoai.core.rendering import (
    Block,
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
)
from doithoai.petitions.round_model import Round
from doithoai.synthesis.models import ReportState, SynthesisReport
from doithoai.synthesis.selectors_report import (
    CountRow,
    ReportFacts,
    ReportTheme,
    draft_opening,
    draft_proposals,
    draft_summary,
    front_name,
    report_facts,
    report_of,
    unit_phrase,
)

KIND_LABEL = "Báo cáo"
SUMMARY = "Tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân"
ISSUING_BODY = "Ban Thường trực"
SYMBOL = "BC-MTTQ"
# The heading that opens the appendix: tests find where it starts by it.
APPENDIX_HEADING = "Phụ lục: Danh sách vấn đề theo lĩnh vực"


def synthesis_report_issue_problem(round_: Round) -> str | None:
    """None when the report may be issued (numbered), else why not, in Vietnamese."""
    report = SynthesisReport.objects.filter(round=round_).first()
    if report is None:
        return "Mặt trận chưa lập báo cáo tổng hợp."
    if report.state != ReportState.APPROVED:
        return "Mặt trận chưa duyệt báo cáo tổng hợp."
    return None


def _place(round_: Round) -> str:
    name = round_.unit.name
    for prefix in ("Thành phố ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã ", "Tỉnh "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :]
    return name


def _safe(text: str) -> str:
    """The text when it holds no personal data, else nothing."""
    return text if text.strip() and not personal_data_findings(text) else ""


def _text_blocks(text: str) -> list[Block]:
    """Lines starting with a dash become dashed items, other lines paragraphs."""
    blocks: list[Block] = []
    for line in _safe(text).splitlines():
        line = line.strip()
        if not line:
            continue
        if line[0] in "-–+":
            blocks.append(Bullet(line.lstrip("-–+ ").strip()))
        else:
            blocks.append(Paragraph(line))
    return blocks


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%".replace(".", ",") if total else "—"


def _count_table(first: str, rows: list[CountRow], total: int) -> Table:
    return Table(
        header=["STT", first, "Số ý kiến, kiến nghị", "Tỷ lệ"],
        rows=[
            *(
                [str(i), r.label, str(r.petitions), _share(r.petitions, total)]
                for i, r in enumerate(rows, 1)
            ),
            ["", "Tổng cộng", str(total), "100%" if total else "—"],
        ],
        widths_mm=[14, 86, 38, 27],
        center_columns=(0, 2, 3),
    )


def _themes_by_topic(facts: ReportFacts) -> list[tuple[str, list[ReportTheme]]]:
    """The themes under their topics, the topic with the most petitions first."""
    by_topic: dict[str, list[ReportTheme]] = {}
    for theme in facts.themes:
        by_topic.setdefault(theme.topic_name, []).append(theme)
    return sorted(by_topic.items(), key=lambda kv: (-sum(t.petitions for t in kv[1]), kv[0]))


def _theme_section(facts: ReportFacts, summaries: dict[str, str]) -> list[Block]:
    """Per topic, each area's theme with its counts and summary (the officer's, else drafted)."""
    blocks: list[Block] = []
    for n, (topic, themes) in enumerate(_themes_by_topic(facts), 1):
        petitions = sum(t.petitions for t in themes)
        issues = sum(len(t.issues) for t in themes)
        blocks.append(Heading(f"{n}. {topic} ({petitions} ý kiến, {issues} vấn đề)", level=2))
        for theme in themes:
            summary = _safe(summaries.get(theme.key, "")) or draft_summary(theme)
            blocks.append(
                Bullet(
                    f"{theme.area_name} ({theme.petitions} ý kiến, {len(theme.issues)} vấn đề): "
                    f"{summary}"
                )
            )
    return blocks


def _appendix(facts: ReportFacts) -> list[Block]:
    """Every issue, per topic: one row per theme (its area and count), its issues listed with
    their counts (one row per theme keeps the PDF quick to typeset)."""
    blocks: list[Block] = [
        Heading(APPENDIX_HEADING),
        Paragraph(
            "(Kèm theo báo cáo; mỗi vấn đề gom các ý kiến, kiến nghị cùng nội dung; số trong "
            "ngoặc là số ý kiến, kiến nghị.)",
            italic=True,
        ),
    ]
    for n, (topic, themes) in enumerate(_themes_by_topic(facts), 1):
        rows = [
            [
                str(number),
                f"{theme.area_name}\n({theme.petitions} ý kiến)",
                "\n".join(f"- {issue.title} ({issue.petitions})" for issue in theme.issues),
            ]
            for number, theme in enumerate(themes, 1)
        ]
        blocks.append(Heading(f"{n}. {topic}", level=2))
        blocks.append(
            Table(
                header=["STT", "Địa bàn", "Vấn đề (số ý kiến, kiến nghị)"],
                rows=rows,
                widths_mm=[12, 38, 115],
                center_columns=(0,),
            )
        )
    return blocks


def build_synthesis_report(
    round_: Round, *, number: str = "", date: datetime.date | None = None
) -> OfficialDocument:
    report = report_of(round_)
    facts = report_facts(round_)
    summaries = {t.key: t.summary for t in report.themes.all()} if report else {}
    opening = report.opening if report else draft_opening(round_, facts)
    proposals = report.proposals if report else draft_proposals(round_, facts)
    total = facts.total
    blocks: list[Block] = _text_blocks(opening)
    blocks += [
        Heading("I. Tình hình tiếp nhận ý kiến, kiến nghị"),
        Paragraph(
            f"Tổng số ý kiến, kiến nghị tổng hợp: {total}; trong đó {facts.grouped} ý kiến "
            f"được gom thành {facts.issues} vấn đề thuộc {len(facts.themes)} nhóm nội dung "
            "(theo lĩnh vực và địa bàn)."
        ),
        Heading("1. Theo kênh tiếp nhận", level=2),
        _count_table("Kênh tiếp nhận", facts.by_channel, total),
        Heading("2. Theo địa bàn", level=2),
        _count_table("Phường, xã", facts.by_ward, total),
        Heading("3. Theo lĩnh vực", level=2),
        _count_table("Lĩnh vực", facts.by_topic, total),
        Heading("II. Nội dung ý kiến, kiến nghị theo nhóm vấn đề"),
    ]
    blocks += _theme_section(facts, summaries)
    if not facts.themes:
        blocks.append(Paragraph("Chưa có vấn đề nào được tổng hợp."))
    blocks.append(Heading("III. Kiến nghị, đề xuất"))
    blocks += _text_blocks(proposals) or [Paragraph("Không có kiến nghị, đề xuất thêm.")]
    blocks.append(
        Paragraph(
            f"Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân của Ban "
            f"Thường trực {front_name(round_)}./."
        )
    )
    if facts.themes:
        blocks += _appendix(facts)
    committee = round_.organisation.name
    return OfficialDocument(
        family="front",
        parent_body=front_name(round_),
        issuing_body=ISSUING_BODY,
        number=number or f"…/{SYMBOL}",
        place=_place(round_),
        date=date or (report.report_date if report else timezone.localdate()),
        kind_label=KIND_LABEL,
        summary=f"{SUMMARY} trước Hội nghị {round_.title[:1].lower()}{round_.title[1:]}",
        blocks=blocks,
        signature=Signature(
            authority_prefix="TM.",
            authority_body=ISSUING_BODY,
            title=(report.signer_title if report else "") or "Chủ tịch",
            name=report.signer_name if report else "",
        ),
        recipients=[
            committee,
            f"Thường trực HĐND {unit_phrase(round_.unit)}",
            "Ủy ban MTTQ các phường, xã",
        ],
    )
