"""Reads of the Front's synthesis report: the figures drafted from a round's synthesis and the
report page's round, always through the report policy.

The figures count the round's petitions that were accepted for consideration (not "not
accepted") and are not denunciations (tố cáo: the denouncer's matters stay out of every report),
by channel, ward and topic; then the themes (topic × area, as on the issues board) with their
issues, petition counts and wards. Titles pass `core.privacy.title_findings`: a title with
anything personal is replaced by the theme's neutral name.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.core.privacy import title_findings
from doithoai.petitions.choices import Channel
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import Round
from doithoai.synthesis import policies
from doithoai.synthesis.models import Issue, IssueMembership, SynthesisReport
from doithoai.units.models import Organisation, OrganisationKind, Unit

EXCLUDED_STATES = ("not_accepted",)
EXCLUDED_KINDS = ("to_cao",)
NO_TOPIC = "Chưa xác định lĩnh vực"
NO_AREA = "Chưa xác định địa bàn"


def report_round_for(*, user: Actor, round_id: int) -> Round:
    """The round whose report the user may read (404 alike for missing and not theirs)."""
    round_ = Round.objects.select_related("unit", "organisation").filter(pk=round_id).first()
    if round_ is None or not policies.can_view_report(user, round_):
        raise Http404
    return round_


def report_of(round_: Round) -> SynthesisReport | None:
    return (
        SynthesisReport.objects.select_related("approved_by")
        .prefetch_related("themes")
        .filter(round=round_)
        .first()
    )


def counted_petitions(round_: Round) -> QuerySet[Petition]:
    """The round's petitions the report counts."""
    return Petition.objects.filter(round=round_).exclude(
        Q(state__in=EXCLUDED_STATES) | Q(legal_kind__in=EXCLUDED_KINDS)
    )


@dataclass(frozen=True)
class CountRow:
    label: str
    petitions: int


@dataclass(frozen=True)
class ReportIssue:
    pk: int
    title: str
    petitions: int
    wards: list[str]
    title_confirmed: bool


@dataclass
class ReportTheme:
    key: str
    topic_name: str
    area_name: str
    issues: list[ReportIssue] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.topic_name} — {self.area_name}"

    @property
    def petitions(self) -> int:
        return sum(i.petitions for i in self.issues)

    @property
    def wards(self) -> list[str]:
        names: Counter[str] = Counter()
        for issue in self.issues:
            names.update({w: issue.petitions for w in issue.wards})
        return [name for name, _n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass
class ReportFacts:
    total: int
    grouped: int
    by_channel: list[CountRow]
    by_ward: list[CountRow]
    by_topic: list[CountRow]
    themes: list[ReportTheme]
    unconfirmed_titles: int

    @property
    def issues(self) -> int:
        return sum(len(t.issues) for t in self.themes)

    def theme(self, key: str) -> ReportTheme | None:
        return next((t for t in self.themes if t.key == key), None)


def theme_key(topic_id: int | None, area_id: int | None) -> str:
    return f"{topic_id or 0}-{area_id or 0}"


def _ward_names(round_: Round, unit_ids: set[int]) -> dict[int, str]:
    """Each unit's ward or commune under the round's unit (a village counts in its ward); a
    unit outside the round's tree keeps its own name."""
    units: dict[int, Unit] = {}
    wanted = set(unit_ids)
    while wanted:
        found = Unit.objects.in_bulk(list(wanted))
        units.update(found)
        wanted = {
            u.parent_id
            for u in found.values()
            if u.parent_id is not None and u.parent_id not in units and u.pk != round_.unit_id
        }
    names: dict[int, str] = {}
    for pk in unit_ids:
        unit = units.get(pk)
        start = unit
        while unit is not None and unit.parent_id not in (None, round_.unit_id):
            unit = units.get(unit.parent_id)
        chosen = unit if unit is not None and unit.parent_id == round_.unit_id else start
        names[pk] = chosen.name if chosen is not None else NO_AREA
    return names


def _rows(counter: Counter[str]) -> list[CountRow]:
    return [
        CountRow(label, n) for label, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def safe_title(title: str, topic_name: str, area_name: str) -> str:
    """The issue's title, or the theme's neutral words when the title holds anything personal."""
    if title.strip() and not title_findings(title):
        return " ".join(title.split())
    return f"Kiến nghị về {topic_name.lower()} tại {in_sentence(area_name)}"


def report_facts(round_: Round) -> ReportFacts:
    """The figures and themes of the round's report, computed from its synthesis (a handful of
    queries whatever the size of the round)."""
    petitions = counted_petitions(round_)
    rows = list(petitions.values_list("pk", "channel", "unit_id", "topic_id"))
    memberships = dict(
        IssueMembership.objects.filter(petition__in=petitions.values("pk")).values_list(
            "petition_id", "issue_id"
        )
    )
    issues = list(
        Issue.objects.filter(round=round_).values_list(
            "pk", "title", "title_confirmed", "topic_id", "area_id"
        )
    )
    issue_topics = {pk: topic_id for pk, _t, _c, topic_id, _a in issues}
    wards = _ward_names(round_, {unit_id for _p, _c, unit_id, _t in rows})
    topic_ids = {t for *_r, t in rows if t} | {t for t in issue_topics.values() if t}
    topics = {t.pk: t.name for t in Topic.objects.filter(pk__in=topic_ids)}
    areas = {u.pk: u.name for u in Unit.objects.filter(pk__in={a for *_r, a in issues if a})}

    def topic_of(petition_id: int, own: int | None) -> str:
        """The topic of the petition's issue (what the officers confirmed), else its own."""
        issue_id = memberships.get(petition_id)
        topic_id = issue_topics.get(issue_id) if issue_id is not None else own
        return topics.get(topic_id, NO_TOPIC) if topic_id else NO_TOPIC

    channel_labels = dict(Channel.choices)
    by_channel = Counter(str(channel_labels.get(c, c)) for _p, c, _u, _t in rows)
    by_ward = Counter(wards.get(u, NO_AREA) for _p, _c, u, _t in rows)
    by_topic = Counter(topic_of(p, t) for p, _c, _u, t in rows)
    unit_of = {p: u for p, _c, u, _t in rows}

    counts: Counter[int] = Counter()
    issue_wards: dict[int, set[str]] = defaultdict(set)
    for petition_id, issue_id in memberships.items():
        counts[issue_id] += 1
        issue_wards[issue_id].add(wards.get(unit_of[petition_id], NO_AREA))

    themes: dict[str, ReportTheme] = {}
    unconfirmed = 0
    for pk, title, confirmed, topic_id, area_id in issues:
        if not counts[pk]:
            continue  # an issue left empty, or holding only petitions the report does not count
        key = theme_key(topic_id, area_id)
        topic_name = topics.get(topic_id, NO_TOPIC) if topic_id else NO_TOPIC
        area_name = areas.get(area_id, NO_AREA) if area_id else NO_AREA
        theme = themes.setdefault(key, ReportTheme(key, topic_name, area_name))
        unconfirmed += not confirmed
        theme.issues.append(
            ReportIssue(
                pk=pk,
                title=safe_title(title, topic_name, area_name),
                petitions=counts[pk],
                wards=sorted(issue_wards[pk]),
                title_confirmed=bool(confirmed),
            )
        )
    for theme in themes.values():
        theme.issues.sort(key=lambda i: (-i.petitions, i.pk))
    ordered = sorted(
        themes.values(), key=lambda t: (-t.petitions, -len(t.issues), t.topic_name, t.area_name)
    )
    return ReportFacts(
        total=len(rows),
        grouped=sum(counts.values()),
        by_channel=_rows(by_channel),
        by_ward=_rows(by_ward),
        by_topic=_rows(by_topic),
        themes=ordered,
        unconfirmed_titles=unconfirmed,
    )


# --- Drafted texts (the officer edits them; every one passes the personal-data check) --------

TOP_ISSUES_IN_SUMMARY = 2


def in_sentence(name: str) -> str:
    """A unit's name inside a sentence: "Phường Đức Xuân" → "phường Đức Xuân"."""
    kind, _sep, rest = name.partition(" ")
    return f"{kind.lower()} {rest}" if rest and kind[:1].isupper() else name


def unit_phrase(unit: Unit) -> str:
    """The round's unit inside a sentence ("thành phố Bắc Kạn")."""
    return in_sentence(unit.name)


def front_name(round_: Round) -> str:
    """The Front committee of the round's unit, by its organisation's name when it has one."""
    name = (
        Organisation.objects.filter(unit_id=round_.unit_id, kind=OrganisationKind.FATHERLAND_FRONT)
        .order_by("pk")
        .values_list("name", flat=True)
        .first()
    )
    return name or f"Ủy ban MTTQ Việt Nam {unit_phrase(round_.unit)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def draft_opening(round_: Round, facts: ReportFacts) -> str:
    plan = ""
    if round_.document_number:
        plan = f"Kế hoạch số {round_.document_number}"
        if round_.issued_on:
            plan += f" ngày {round_.issued_on:%d/%m/%Y}"
        plan += f" của {round_.organisation.name} về "
    else:
        plan = "kế hoạch "
    front = front_name(round_)
    return (
        f"Thực hiện {plan}{_lower_first(round_.title)}, Ban Thường trực {front} đã phối hợp với "
        "các tổ chức chính trị - xã hội và Ủy ban MTTQ các phường, xã nắm bắt tâm tư, nguyện "
        f"vọng của cử tri và Nhân dân; tổng hợp được {facts.total} ý kiến, kiến nghị, trong đó "
        f"{facts.grouped} ý kiến được gom thành {facts.issues} vấn đề thuộc {len(facts.themes)} "
        f"nhóm nội dung. Ban Thường trực {front} báo cáo kết quả tổng hợp như sau:"
    )


def draft_summary(theme: ReportTheme) -> str:
    """What the theme's petitions are about, in neutral words: its main issues with their
    counts, and the other wards its petitions come from."""
    top = theme.issues[:TOP_ISSUES_IN_SUMMARY]
    named = "; ".join(f"{_lower_first(i.title)} ({i.petitions} ý kiến)" for i in top)
    rest = len(theme.issues) - len(top)
    text = f"Tập trung vào {named}" + (f" và {rest} vấn đề khác" if rest > 0 else "")
    others = [in_sentence(w) for w in theme.wards if w != theme.area_name]
    if others:
        shown = ", ".join(others[:3]) + (" và một số địa bàn khác" if len(others) > 3 else "")
        text += f"; có cả ý kiến của cử tri {shown}"
    return text + "."


def draft_proposals(round_: Round, facts: ReportFacts) -> str:
    committee = round_.organisation.name
    topics = [row.label.lower() for row in facts.by_topic[:3] if row.label != NO_TOPIC]
    focus = f", trước hết các lĩnh vực {', '.join(topics)}" if topics else ""
    return "\n".join(
        [
            f"Ban Thường trực {front_name(round_)} đề nghị {committee}:",
            "- Chỉ đạo các cơ quan chuyên môn, Ủy ban nhân dân các phường, xã xem xét, trả lời "
            f"và giải quyết dứt điểm các ý kiến, kiến nghị nêu trên{focus}.",
            "- Đưa các vấn đề được nhiều cử tri và Nhân dân quan tâm vào chương trình hội nghị "
            "tiếp xúc, đối thoại để lãnh đạo trực tiếp trả lời, chỉ đạo giải quyết.",
            "- Thông báo công khai kết quả giải quyết để Mặt trận Tổ quốc và Nhân dân cùng giám "
            "sát việc thực hiện.",
        ]
    )
