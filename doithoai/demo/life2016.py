"""The 2016 round of Bắc Kạn city lived to its end, through the services the pages call.

Synthesis, topics and public titles confirmed; the agenda, invitations, check-ins, speakers,
statements with answers and directives, press questions, minutes; the round held and concluded;
every issue assigned to its suggested department; answers drafted, approved by the head and the
leader, published; directives reported, done and verified by the MTTQ; issues resolved, verified
and closed. Not everything is finished, as in a real round: some departments still draft, heads
and the leader have answers waiting, the MTTQ has results to verify, two directives run late.
Idempotent: a concluded round is left as it is.
"""

import datetime
import random
from collections import defaultdict
from typing import Any

from django.db.models import Count
from django.test.utils import override_settings
from django.utils import timezone

from doithoai.accounts.models import User
from doithoai.core.privacy import title_findings
from doithoai.demo import life2016_data as words
from doithoai.demo.people import demo_department_staff
from doithoai.demo.petitions import HCM, demo_round
from doithoai.dialogues import services as dialogues
from doithoai.dialogues.models import (
    AgendaItem,
    Directive,
    Invitee,
    InviteeState,
    Round,
    RoundState,
    SpeakerState,
    TaskState,
)
from doithoai.dialogues.services.notice import conclusion_notice_approve
from doithoai.followup import services as followup
from doithoai.followup.models import Answer, Assignment, ExtensionRequest
from doithoai.notify.models import Message, MessageState
from doithoai.notify.services import message_deliver
from doithoai.synthesis import services as synthesis
from doithoai.synthesis import services_report
from doithoai.synthesis.models import Issue, SynthesisRun
from doithoai.synthesis.runs import synthesis_run_execute
from doithoai.units.models import Organisation, Scheme, Unit

CONFERENCE_DAY = datetime.date(2016, 9, 23)

# What becomes of the issues of Phòng Quản lý đô thị still in its hands (the demo's department):
# each role's queue (chuyenvien, truongphong, lanhdao, vanphong) has a few.
QLDT_PENDING = (
    ["none"] * 6
    + ["draft"] * 2
    + ["returned"] * 2
    + ["submitted"] * 4
    + ["head_approved"] * 4
    + ["approved"] * 3
)
OTHER_PENDING_SHARE = 0.08  # other departments' issues still being answered
ANSWERED_ONLY = 24  # published, not yet recorded as resolved
AWAITING_MTTQ = 12  # resolved, waiting for the MTTQ's verification
NOT_VERIFIED = 2  # the MTTQ found them not resolved: back to the department
# What became of the conference's directives, by the topic of their issue.
DIRECTIVE_OUTCOMES = {
    "gpmb": "verified",
    "dat_dai": "extension",  # an extension waiting for the leader's decision
    "quy_hoach": "done",  # done, waiting for the MTTQ's verification
    "do_thi": "verified",
    "moi_truong": "verified",
    "giao_thong": "late",  # in progress, past its deadline
    "kinh_doanh": "extended",  # extension granted, in progress
}


def synthesise(round_: Round, actor: User) -> SynthesisRun:
    """Run the engine on the round now, as the worker runs a queued run (the demo has no worker
    while it loads)."""
    run = SynthesisRun.objects.create(round=round_, started_by=actor)
    return synthesis_run_execute(run_id=run.pk)


def _users() -> dict[str, User]:
    names = ["vanphong", "lanhdao", "mttq", "baochi", "phuong", "chuyenvien", "truongphong"]
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _review(round_: Round, users: dict[str, User]) -> None:
    """The secretariat confirms the suggested topics and the public titles, rewording the few
    titles the personal-data check refuses."""
    actor = users["vanphong"]
    issues = list(Issue.objects.filter(round=round_).select_related("topic", "area").order_by("id"))
    suggested = [i for i in issues if i.topic_id is not None and not i.topic_confirmed]
    if suggested:
        synthesis.issues_topic_confirm(actor=actor, issues=suggested)
    fit = [i for i in issues if not i.title_confirmed and not title_findings(i.title)]
    if fit:
        synthesis.issues_title_confirm(actor=actor, issues=fit)
    for issue in issues:
        if issue.title_confirmed or issue in fit:
            continue
        topic = issue.topic.name if issue.topic else "Kiến nghị khác"
        place = issue.area.name if issue.area else round_.unit.name
        synthesis.issue_title_set(
            actor=actor, issue=issue, title=f"{topic} tại {place}", confirm=True
        )


def _front_report(round_: Round, users: dict[str, User]) -> None:
    """The Front's synthesis report, drafted from the synthesis, signed and approved before the
    plan's deadline for it (10 September 2016)."""
    mttq = users["mttq"]
    report = services_report.synthesis_report_draft(
        actor=mttq, round_=round_, report_date=datetime.date(2016, 9, 8)
    )
    services_report.synthesis_report_update(
        actor=mttq,
        report=report,
        opening=report.opening,
        proposals=report.proposals,
        report_date=report.report_date,
        signer_title="Chủ tịch",
        signer_name="Hà Văn Quang",
    )
    services_report.synthesis_report_approve(actor=mttq, report=report)


def _biggest_issue(round_: Round, topic_code: str, taken: set[int]) -> Issue | None:
    return (
        Issue.objects.filter(round=round_, topic__code=topic_code)
        .exclude(pk__in=taken)
        .annotate(n=Count("memberships"))
        .order_by("-n", "id")
        .first()
    )


def _tasks_done(round_: Round, users: dict[str, User]) -> None:
    """The plan's tasks were carried out: the secretariat records each one done."""
    for task in round_.tasks.exclude(state__in=[TaskState.DONE, TaskState.CANCELLED]):
        dialogues.task_report(
            actor=users["vanphong"], task=task, text=words.TASK_DONE, state=TaskState.DONE
        )


def _invitations(round_: Round, users: dict[str, User]) -> list[Invitee]:
    wards = {u.code: u for u in Unit.objects.filter(scheme=Scheme.LEGACY_2004, parent=round_.unit)}
    for name, group, title, ward in words.EXTRA_INVITEES:
        dialogues.invitee_add(
            actor=users["vanphong"],
            round_=round_,
            name=name,
            group=group,
            unit=wards[ward],
            title=title,
        )
    invitees = list(round_.invitees.order_by("id"))
    present = []
    for n, invitee in enumerate(invitees):
        if n == 3:  # one sent apologies
            dialogues.invitee_transition(
                actor=users["vanphong"], invitee=invitee, to_state=InviteeState.DECLINED
            )
            continue
        if n % 2:
            dialogues.invitee_transition(
                actor=users["vanphong"], invitee=invitee, to_state=InviteeState.REGISTERED
            )
        present.append(
            dialogues.invitee_transition(
                actor=users["vanphong"], invitee=invitee, to_state=InviteeState.PRESENT
            )
        )
    return present


def _conference(round_: Round, users: dict[str, User]) -> list[Directive]:
    """The agenda, the check-ins, the speakers and their statements, the press, the minutes."""
    vanphong, lanhdao = users["vanphong"], users["lanhdao"]
    _tasks_done(round_, users)
    present = _invitations(round_, users)
    dialogues.agenda_build(actor=vanphong, round_=round_)
    orgs = {o.code: o for o in Organisation.objects.filter(unit=round_.unit)}
    statements = {entry[0]: entry for entry in words.CONFERENCE}
    directives: list[Directive] = []

    def speak(item: AgendaItem, issue: Issue, entry: tuple[Any, ...]) -> None:
        _topic, department, raised, answer, directive, days = entry
        invitee = present[len(directives) * 2 % len(present)]
        speaker = dialogues.speaker_request(
            actor=vanphong, round_=round_, name=invitee.name, invitee=invitee
        )
        dialogues.speaker_transition(
            actor=vanphong, speaker=speaker, to_state=SpeakerState.SPEAKING
        )
        statement = dialogues.statement_record(
            actor=lanhdao,
            round_=round_,
            speaker=speaker,
            text=raised,
            issue=issue,
            answer=answer,
            answered_by=orgs[department],
            directive_text=directive,
            directive_assignee=orgs[department] if directive else None,
            directive_deadline=CONFERENCE_DAY + datetime.timedelta(days=days)
            if directive
            else None,
        )
        dialogues.speaker_transition(actor=vanphong, speaker=speaker, to_state=SpeakerState.DONE)
        if statement.directive is not None:
            directives.append(statement.directive)

    # The agenda is held in order; a speaker takes the floor on the first issue of each topic
    # the conference's statements are about.
    for item in round_.agenda_items.select_related("issue__topic").order_by("position", "id"):
        dialogues.agenda_item_open(actor=vanphong, item=item)
        issue = item.issue
        code = issue.topic.code if issue is not None and issue.topic is not None else ""
        if issue is not None and code in statements:
            speak(item, issue, statements.pop(code))
    # Topics the proposal left out are raised from the floor: the chair adds the issue.
    taken = set(round_.statements.values_list("issue_id", flat=True))
    for code, entry in list(statements.items()):
        issue = _biggest_issue(round_, code, taken)
        if issue is None:
            continue
        taken.add(issue.pk)
        item = dialogues.agenda_item_add(actor=vanphong, round_=round_, issue=issue)
        dialogues.agenda_item_open(actor=vanphong, item=item)
        speak(item, issue, entry)
    for question, answer in zip(words.PRESS, words.PRESS_ANSWERS, strict=True):
        asked = dialogues.press_question_submit(
            actor=users["baochi"], round_=round_, question=question, outlet="Báo Bắc Kạn"
        )
        dialogues.press_question_answer(actor=lanhdao, question=asked, answer=answer)
    dialogues.minutes_update(
        actor=vanphong,
        round_=round_,
        started_at=datetime.datetime.combine(CONFERENCE_DAY, datetime.time(8, 0), tzinfo=HCM),
        ended_at=datetime.datetime.combine(CONFERENCE_DAY, datetime.time(11, 30), tzinfo=HCM),
        chair_name="Hoàng Văn Minh",
        secretary_name="Nguyễn Thị Hoa",
        notes=words.MINUTES_NOTES,
    )
    dialogues.round_transition(actor=vanphong, round_=round_, to_state=RoundState.HELD)
    return directives


def _answer(
    assignment: Assignment, stage: str, text: str, officer: User, head: User, users: dict[str, User]
) -> Answer | None:
    """Take the answer of `assignment` as far as `stage`."""
    if stage == "none":
        return None
    answer = followup.answer_draft(actor=officer, assignment=assignment, text=text)
    if stage == "draft":
        return answer
    followup.answer_submit(actor=officer, answer=answer)
    if stage == "returned":
        followup.answer_decide(actor=head, answer=answer, approve=False, remark=words.RETURN_REMARK)
        return answer
    if stage == "submitted":
        return answer
    followup.answer_decide(actor=head, answer=answer, approve=True)
    answer.refresh_from_db()
    if stage == "head_approved":
        return answer
    if answer.state == "head_approved":
        followup.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
        answer.refresh_from_db()
    if stage == "approved":
        return answer
    followup.answer_publish(actor=users["vanphong"], answer=answer)
    return answer


def _stages(issues: list[Issue], rng: random.Random) -> dict[int, str]:
    """How far each issue's answer has gone."""
    stages: dict[int, str] = {}
    qldt = [i for i in issues if i.department is not None and i.department.code == "qldt"]
    for issue, stage in zip(qldt, QLDT_PENDING, strict=False):
        stages[issue.pk] = stage
    for issue in issues:
        if issue.pk not in stages:
            late = issue.department_id and rng.random() < OTHER_PENDING_SHARE
            if late and issue.department is not None and issue.department.code != "qldt":
                stages[issue.pk] = rng.choice(["none", "none", "draft", "submitted"])
            else:
                stages[issue.pk] = "published"
    return stages


def _directives(directives: list[Directive], users: dict[str, User], staff: Any) -> None:
    """Progress on the conference's directives: most done and verified, one done and waiting for
    the MTTQ, one with an extension waiting for the leader, one extended, one late."""
    today = timezone.localdate()
    for directive in directives:
        topic = directive.issue.topic if directive.issue is not None else None
        outcome = DIRECTIVE_OUTCOMES.get(topic.code if topic is not None else "", "verified")
        officer = staff[directive.assignee.code][0]
        followup.directive_progress_add(
            actor=officer, directive=directive, text=words.DIRECTIVE_PROGRESS, percent=40
        )
        if outcome in ("verified", "done"):
            followup.directive_complete(
                actor=officer, directive=directive, text=words.DIRECTIVE_DONE
            )
            if outcome == "verified":
                followup.directive_verify(actor=users["mttq"], directive=directive, agree=True)
        elif outcome in ("extension", "extended"):
            followup.directive_extension_request(
                actor=officer,
                directive=directive,
                until=today + datetime.timedelta(days=45),
                reason=words.EXTENSION_REASON,
            )
            if outcome == "extended":
                request = ExtensionRequest.objects.filter(directive=directive).latest("id")
                followup.directive_extension_decide(
                    actor=users["lanhdao"], request=request, approve=True
                )


def _finish(issue: Issue, n: int, users: dict[str, User], open_directive: bool) -> None:
    """Resolve, verify and close a published issue, or leave it at a realistic step."""
    if open_directive or n < ANSWERED_ONLY:
        return  # answered (or a directive still running): the secretariat's next step
    followup.issue_resolve(actor=users["vanphong"], issue=issue, note=words.RESOLUTION_NOTE)
    if n < ANSWERED_ONLY + AWAITING_MTTQ:
        return
    if n < ANSWERED_ONLY + AWAITING_MTTQ + NOT_VERIFIED:
        followup.issue_verify(
            actor=users["mttq"],
            issue=issue,
            agree=False,
            reason="Kiểm tra thực tế cho thấy vẫn còn tồn tại, đề nghị tiếp tục giải quyết.",
        )
        return
    followup.issue_verify(actor=users["mttq"], issue=issue, agree=True)


def _followup(round_: Round, users: dict[str, User], directives: list[Directive]) -> dict[str, int]:
    staff = demo_department_staff()
    issues = list(Issue.objects.filter(round=round_).select_related("department", "topic"))
    issues.sort(key=lambda i: i.pk)
    followup.issues_assign_suggested(actor=users["vanphong"], issues=issues)
    rng = random.Random(2016)  # noqa: S311 - demo data, reproducible
    stages = _stages(issues, rng)
    assignments = {
        a.issue_id: a
        for a in Assignment.objects.filter(issue__round=round_, state="active").select_related(
            "lead"
        )
    }
    directive_issues = {d.issue_id for d in directives}
    counts: dict[str, int] = defaultdict(int)
    published = []
    for issue in issues:
        assignment = assignments.get(issue.pk)
        if assignment is None or assignment.lead is None:
            counts["unassigned"] += 1
            continue
        officer, head = staff[assignment.lead.code]
        topic = issue.topic.code if issue.topic else words.DEFAULT_TOPIC
        texts = words.ANSWERS.get(topic, words.ANSWERS[words.DEFAULT_TOPIC])
        stage = stages[issue.pk]
        _answer(assignment, stage, texts[issue.pk % len(texts)], officer, head, users)
        counts[stage] += 1
        if stage == "published":
            published.append(issue)
    _directives(directives, users, staff)
    open_directive_issues = set(
        Directive.objects.filter(round=round_)
        .exclude(state__in=["done", "verified"])
        .values_list("issue_id", flat=True)
    )
    for n, issue in enumerate(i for i in published if i.pk not in directive_issues):
        issue.refresh_from_db()
        _finish(issue, n, users, open_directive=False)
    for issue in published:
        if issue.pk in directive_issues:
            issue.refresh_from_db()
            _finish(issue, 10**6, users, open_directive=issue.pk in open_directive_issues)
    return counts


def _deliver_past_messages(after_id: int) -> int:
    """The 2016 round's notifications went out when they happened: deliver them now (through
    notify's own service) to a mailbox in memory, so that the worker `make demo` starts does not
    print hundreds of ten-year-old e-mails. Returns how many."""
    pending = Message.objects.filter(pk__gt=after_id, state=MessageState.PENDING)
    ids = list(pending.values_list("pk", flat=True))
    locmem = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with override_settings(MAILERS=locmem):
        for pk in ids:
            message_deliver(message_id=pk)
    return len(ids)


def demo_life_2016(out: Any) -> None:
    round_ = demo_round()
    if round_.state == RoundState.CONCLUDED:
        return
    last_message = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    users = _users()
    if not Issue.objects.filter(round=round_).exists():
        synthesise(round_, users["vanphong"])
    _review(round_, users)
    _front_report(round_, users)
    directives = _conference(round_, users)
    dialogues.round_transition(actor=users["lanhdao"], round_=round_, to_state=RoundState.CONCLUDED)
    conclusion_notice_approve(actor=users["lanhdao"], round_=round_)  # the drafted notice
    counts = _followup(round_, users, directives)
    _deliver_past_messages(last_message)
    out.write(
        "2016 round: held and concluded; "
        + ", ".join(f"{stage} {n}" for stage, n in sorted(counts.items()))
        + f"; {len(directives)} directives.\n"
    )
