"""Officers' decisions on issues. Each is a transaction with an event; re-runs keep them.

Single issue: `issue_create`, `issue_merge`, `issue_split`, `petition_move`, `issue_set_topic`,
`issue_set_department`, `issue_title_set` (edit, optionally confirm), `issue_title_confirm`.
Many issues at once (a selection or a whole theme), in a few statements each:
`issues_topic_confirm` (confirm each suggested topic, or set one topic for all),
`issues_title_confirm`, `issues_merge`. A title is confirmed only when
`core.privacy.title_findings` finds nothing in it; only a confirmed title is public.
"""

from collections import defaultdict
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, ProtectedError, QuerySet
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_new, event_record
from doithoai.core.models import Event
from doithoai.core.privacy import title_findings
from doithoai.core.text import fold
from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import Round
from doithoai.synthesis import policies
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import Issue, IssueMembership, IssueState
from doithoai.units.models import Organisation, Unit


def _denied() -> PermissionDenied:
    return PermissionDenied(_("Bạn không có quyền rà soát các vấn đề của kỳ đối thoại này."))


def _require_review(actor: Actor, round_: Round | None) -> None:
    if not policies.can_review(actor, round_):
        raise _denied()


def _require_issue(actor: Actor, issue: Issue) -> None:
    if not policies.can_review_issue(actor, issue):
        raise _denied()


def _require_issues(actor: Actor, issues: Sequence[Issue]) -> None:
    if not issues:
        raise ValidationError(_("Hãy chọn ít nhất một vấn đề."))
    units = {policies.issue_unit_id(i) for i in issues}
    if None in units or not all(policies.can_review_unit(actor, u) for u in units if u):
        raise _denied()


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not 3 <= len(title) <= 300:
        raise ValidationError({"title": [_("Tiêu đề phải có từ 3 đến 300 ký tự.")]})
    findings = title_findings(title)
    if findings:
        raise ValidationError(
            {
                "title": [
                    _("Tiêu đề sẽ được công khai nên không được chứa thông tin cá nhân:")
                    + " "
                    + " ".join(f.message for f in findings)
                ]
            }
        )
    return title


def _pin(petitions: list[Petition], issue: Issue) -> None:
    """Put petitions into `issue` as an officer's decision; the issue's other members become
    decisions too, so a re-run keeps the issue exactly as the officer left it."""
    IssueMembership.objects.filter(issue=issue).update(pinned=True)
    for petition in petitions:
        IssueMembership.objects.update_or_create(
            petition=petition, defaults={"issue": issue, "pinned": True}
        )
    Petition.objects.filter(
        pk__in=[p.pk for p in petitions], state__in=[PetitionState.RECEIVED, PetitionState.ACCEPTED]
    ).update(state=PetitionState.GROUPED)


def _round_petitions(round_: Round | None, ids: list[int]) -> list[Petition]:
    petitions = list(Petition.objects.filter(pk__in=ids, round=round_))
    if len(petitions) != len(set(ids)):
        raise ValidationError(_("Có kiến nghị không thuộc kỳ đối thoại này."))
    return petitions


@transaction.atomic
def issue_create(
    *,
    actor: Actor,
    round_: Round | None,
    title: str,
    petition_ids: list[int],
    topic: Topic | None = None,
    unit: Unit | None = None,
) -> Issue:
    """An issue made by hand from petitions of a round (or, with ``unit`` and no round, from
    petitions of the unit outside every round)."""
    unit = round_.unit if round_ is not None else unit
    if unit is None:
        raise ValidationError(_("Hãy chọn một kỳ đối thoại hoặc một đơn vị."))
    if not policies.can_review_unit(actor, unit.pk):
        raise _denied()
    title = _check_title(title)
    petitions = _round_petitions(round_, petition_ids)
    issue = Issue.objects.create(
        round=round_,
        unit=unit,
        title=title,
        title_folded=fold(title)[:300],
        title_confirmed=True,
        topic=topic,
        topic_confirmed=topic is not None,
        locked=True,
    )
    _pin(petitions, issue)
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_CREATED,
        after={"title": title, "petitions": [p.code for p in petitions]},
    )
    return issue


def delete_empty_issues(issues: QuerySet[Issue]) -> None:
    """Delete issues left without petitions, except those the conference or the follow-up refer
    to (an agenda item, a statement, a directive, an assignment): those stay, empty, for an
    officer to see."""
    try:
        with transaction.atomic():
            issues.delete()
    except ProtectedError:
        for issue in issues:
            try:
                with transaction.atomic():
                    issue.delete()
            except ProtectedError:
                continue


@transaction.atomic
def issue_merge(*, actor: Actor, target: Issue, sources: list[Issue]) -> Issue:
    """Move every petition of `sources` into `target` and delete the sources."""
    _require_issues(actor, [target, *sources])
    sources = [s for s in sources if s.pk != target.pk]
    if not sources:
        raise ValidationError(_("Hãy chọn ít nhất một vấn đề khác để gộp."))
    if any(
        s.round_id != target.round_id or policies.issue_unit_id(s) != policies.issue_unit_id(target)
        for s in sources
    ):
        raise ValidationError(_("Chỉ gộp được các vấn đề của cùng một kỳ đối thoại."))
    if any(s.state != IssueState.OPEN for s in sources):
        raise ValidationError(_("Chỉ gộp được các vấn đề chưa giao; vấn đề đích có thể đã giao."))
    moved = list(
        Petition.objects.filter(issue_link__issue__in=sources).values_list("code", flat=True)
    )
    IssueMembership.objects.filter(issue__in=sources).update(issue=target, pinned=True)
    IssueMembership.objects.filter(issue=target).update(pinned=True)
    target.locked = True
    target.save(update_fields=["locked", "updated_at"])
    Event.objects.bulk_create(
        [
            event_new(
                actor=actor,
                obj=source,
                action=SynthesisEvents.ISSUE_MERGED_INTO,
                after={"issue": target.pk},
            )
            for source in sources
        ]
    )
    event_record(
        actor=actor,
        obj=target,
        action=SynthesisEvents.ISSUE_MERGED,
        after={"from": [s.pk for s in sources], "petitions": moved},
    )
    try:
        Issue.objects.filter(pk__in=[s.pk for s in sources]).delete()
    except ProtectedError as error:
        raise ValidationError(
            _(
                "Không gộp được: vấn đề nguồn đã có trong chương trình hội nghị, ý kiến tại hội "
                "nghị hoặc chỉ đạo. Hãy chọn vấn đề đó làm vấn đề đích."
            )
        ) from error
    return target


@transaction.atomic
def issue_split(*, actor: Actor, issue: Issue, petition_ids: list[int], title: str = "") -> Issue:
    """Move some petitions of `issue` into a new issue."""
    _require_issue(actor, issue)
    members = set(issue.memberships.values_list("petition_id", flat=True))
    chosen = set(petition_ids)
    if not chosen or not chosen <= members:
        raise ValidationError(_("Hãy chọn các kiến nghị thuộc vấn đề này để tách."))
    if chosen == members:
        raise ValidationError(_("Không thể tách toàn bộ kiến nghị ra khỏi vấn đề."))
    new_title = _check_title(title) if title.strip() else issue.title
    new = Issue.objects.create(
        round=issue.round,
        unit_id=policies.issue_unit_id(issue),
        area=issue.area,
        title=new_title,
        title_folded=fold(new_title)[:300],
        title_confirmed=bool(title.strip()) or issue.title_confirmed,
        topic=issue.topic,
        topic_confirmed=issue.topic_confirmed,
        department=issue.department,
        locked=True,
    )
    _pin(list(Petition.objects.filter(pk__in=chosen)), new)
    IssueMembership.objects.filter(issue=issue).update(pinned=True)
    issue.locked = True
    issue.save(update_fields=["locked", "updated_at"])
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_SPLIT,
        after={"new_issue": new.pk, "petitions": sorted(chosen)},
    )
    event_record(
        actor=actor, obj=new, action=SynthesisEvents.ISSUE_CREATED, after={"split_from": issue.pk}
    )
    return new


@transaction.atomic
def petition_move(*, actor: Actor, petition: Petition, to_issue: Issue) -> IssueMembership:
    _require_issue(actor, to_issue)
    if petition.round_id != to_issue.round_id:
        raise ValidationError(_("Kiến nghị và vấn đề phải thuộc cùng một kỳ đối thoại."))
    old = IssueMembership.objects.filter(petition=petition).select_related("issue").first()
    _pin([petition], to_issue)
    to_issue.locked = True
    to_issue.save(update_fields=["locked", "updated_at"])
    event_record(
        actor=actor,
        obj=petition,
        action=SynthesisEvents.PETITION_MOVED,
        before={"issue": old.issue_id if old else None},
        after={"issue": to_issue.pk},
    )
    if old and old.issue_id != to_issue.pk and not old.issue.memberships.exists():
        event_record(actor=actor, obj=old.issue, action=SynthesisEvents.ISSUE_EMPTIED)
        delete_empty_issues(Issue.objects.filter(pk=old.issue_id))
    return IssueMembership.objects.get(petition=petition)


@transaction.atomic
def issue_set_topic(*, actor: Actor, issue: Issue, topic: Topic) -> Issue:
    """Confirm the suggested topic or change it; the petitions' topics follow."""
    _require_issue(actor, issue)
    before = {
        "topic": issue.topic.code if issue.topic else None,
        "confirmed": issue.topic_confirmed,
    }
    issue.topic = topic
    issue.topic_confirmed = True
    issue.save(update_fields=["topic", "topic_confirmed", "updated_at"])
    Petition.objects.filter(issue_link__issue=issue).update(topic=topic)
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_TOPIC_CONFIRMED,
        before=before,
        after={"topic": topic.code},
    )
    return issue


@transaction.atomic
def issue_set_department(*, actor: Actor, issue: Issue, organisation: Organisation) -> Issue:
    _require_issue(actor, issue)
    before = {"department": issue.department_id}
    issue.department = organisation
    issue.save(update_fields=["department", "updated_at"])
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_DEPARTMENT_SET,
        before=before,
        after={"department": organisation.code},
    )
    return issue


@transaction.atomic
def issue_title_set(*, actor: Actor, issue: Issue, title: str, confirm: bool = False) -> Issue:
    """Edit an issue's title. The edit resets the confirmation unless ``confirm`` confirms the
    new title in the same step; a title with personal data or a first person is refused."""
    _require_issue(actor, issue)
    title = _check_title(title)
    before = {"title": issue.title, "confirmed": issue.title_confirmed}
    issue.title, issue.title_folded = title, fold(title)[:300]
    issue.title_confirmed = confirm
    issue.save(update_fields=["title", "title_folded", "title_confirmed", "updated_at"])
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_RENAMED,
        before=before,
        after={"title": title, "confirmed": confirm},
    )
    return issue


def issue_rename(*, actor: Actor, issue: Issue, title: str) -> Issue:
    """An edited title, not yet confirmed for the public."""
    return issue_title_set(actor=actor, issue=issue, title=title)


@transaction.atomic
def issue_title_confirm(*, actor: Actor, issue: Issue) -> Issue:
    return issues_title_confirm(actor=actor, issues=[issue])[0]


@transaction.atomic
def issues_title_confirm(*, actor: Actor, issues: Sequence[Issue]) -> list[Issue]:
    """Confirm the titles of `issues` as fit for the public; refuses them all (naming each
    title and what was found) when any title carries personal data or a first person."""
    issues = list(issues)
    _require_issues(actor, issues)
    refused = [(i, title_findings(i.title)) for i in issues]
    refused = [(i, found) for i, found in refused if found]
    if refused:
        raise ValidationError(
            [
                _("Tiêu đề #%(id)s chưa thể công khai: %(found)s")
                % {"id": i.pk, "found": " ".join(f.message for f in found)}
                for i, found in refused
            ]
        )
    todo = [i for i in issues if not i.title_confirmed]
    Issue.objects.filter(pk__in=[i.pk for i in todo]).update(title_confirmed=True)
    for issue in todo:
        issue.title_confirmed = True
    Event.objects.bulk_create(
        [
            event_new(
                actor=actor,
                obj=i,
                action=SynthesisEvents.ISSUE_TITLE_CONFIRMED,
                after={"title": i.title},
            )
            for i in todo
        ]
    )
    return issues


@transaction.atomic
def issues_topic_confirm(
    *, actor: Actor, issues: Sequence[Issue], topic: Topic | None = None
) -> list[Issue]:
    """Confirm each issue's suggested topic, or (with ``topic``) set that topic on them all;
    the petitions' topics follow. A few statements whatever the number of issues."""
    issues = list(issues)
    _require_issues(actor, issues)
    if topic is None and any(i.topic_id is None for i in issues):
        raise ValidationError(_("Có vấn đề chưa có lĩnh vực gợi ý: hãy chọn một lĩnh vực."))
    if topic is not None and not topic.active:
        raise ValidationError(_("Lĩnh vực này đã ngừng sử dụng."))
    events = [
        event_new(
            actor=actor,
            obj=i,
            action=SynthesisEvents.ISSUE_TOPIC_CONFIRMED,
            before={"topic": i.topic.code if i.topic else None, "confirmed": i.topic_confirmed},
            after={"topic": topic.code if topic else (i.topic.code if i.topic else None)},
        )
        for i in issues
    ]
    ids = [i.pk for i in issues]
    by_topic: dict[int, list[int]] = defaultdict(list)
    for issue in issues:
        by_topic[topic.pk if topic else int(issue.topic_id or 0)].append(issue.pk)
        if topic is not None:
            issue.topic = topic
        issue.topic_confirmed = True
    if topic is not None:
        Issue.objects.filter(pk__in=ids).update(topic=topic, topic_confirmed=True)
    else:
        Issue.objects.filter(pk__in=ids).update(topic_confirmed=True)
    for topic_id, members in by_topic.items():
        Petition.objects.filter(issue_link__issue_id__in=members).update(topic_id=topic_id)
    Event.objects.bulk_create(events)
    return issues


@transaction.atomic
def issues_merge(*, actor: Actor, issues: Sequence[Issue]) -> Issue:
    """Merge a selection into one issue: the one with the most petitions (then the oldest)."""
    issues = list(issues)
    _require_issues(actor, issues)
    if len(issues) < 2:
        raise ValidationError(_("Hãy chọn ít nhất hai vấn đề để gộp."))
    sizes = dict(
        IssueMembership.objects.filter(issue__in=issues)
        .values("issue_id")
        .annotate(n=Count("id"))
        .values_list("issue_id", "n")
    )
    target = min(issues, key=lambda i: (i.state == IssueState.OPEN, -sizes.get(i.pk, 0), i.pk))
    return issue_merge(actor=actor, target=target, sources=[i for i in issues if i != target])
