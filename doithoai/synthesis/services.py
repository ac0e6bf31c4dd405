"""Officers' decisions on issues. Each is a transaction with an event; re-runs keep them."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.core.events import event_record
from doithoai.dialogues.models import Round
from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis import policies
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation


def _require_review(actor: Any, round_: Round | None) -> None:
    if not policies.can_review(actor, round_):
        raise PermissionDenied(_("Bạn không có quyền rà soát các vấn đề của kỳ đối thoại này."))


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
    actor: Any,
    round_: Round | None,
    title: str,
    petition_ids: list[int],
    topic: Topic | None = None,
) -> Issue:
    _require_review(actor, round_)
    title = title.strip()
    if not 3 <= len(title) <= 300:
        raise ValidationError({"title": [_("Tiêu đề phải có từ 3 đến 300 ký tự.")]})
    petitions = _round_petitions(round_, petition_ids)
    issue = Issue.objects.create(
        round=round_, title=title, topic=topic, topic_confirmed=topic is not None, locked=True
    )
    _pin(petitions, issue)
    event_record(
        actor=actor,
        obj=issue,
        action="issue.created",
        after={"title": title, "petitions": [p.code for p in petitions]},
    )
    return issue


@transaction.atomic
def issue_merge(*, actor: Any, target: Issue, sources: list[Issue]) -> Issue:
    _require_review(actor, target.round)
    sources = [s for s in sources if s.pk != target.pk]
    if not sources:
        raise ValidationError(_("Hãy chọn ít nhất một vấn đề khác để gộp."))
    if any(s.round_id != target.round_id for s in sources):
        raise ValidationError(_("Chỉ gộp được các vấn đề của cùng một kỳ đối thoại."))
    moved = list(Petition.objects.filter(issue_link__issue__in=sources))
    _pin(moved, target)
    target.locked = True
    target.save(update_fields=["locked", "updated_at"])
    for source in sources:
        event_record(
            actor=actor, obj=source, action="issue.merged_into", after={"issue": target.pk}
        )
    event_record(
        actor=actor,
        obj=target,
        action="issue.merged",
        after={"from": [s.pk for s in sources], "petitions": [p.code for p in moved]},
    )
    Issue.objects.filter(pk__in=[s.pk for s in sources]).delete()
    return target


@transaction.atomic
def issue_split(*, actor: Any, issue: Issue, petition_ids: list[int], title: str = "") -> Issue:
    """Move some petitions of `issue` into a new issue."""
    _require_review(actor, issue.round)
    members = set(issue.memberships.values_list("petition_id", flat=True))
    chosen = set(petition_ids)
    if not chosen or not chosen <= members:
        raise ValidationError(_("Hãy chọn các kiến nghị thuộc vấn đề này để tách."))
    if chosen == members:
        raise ValidationError(_("Không thể tách toàn bộ kiến nghị ra khỏi vấn đề."))
    new = Issue.objects.create(
        round=issue.round,
        title=(title.strip() or issue.title)[:300],
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
        action="issue.split",
        after={"new_issue": new.pk, "petitions": sorted(chosen)},
    )
    event_record(actor=actor, obj=new, action="issue.created", after={"split_from": issue.pk})
    return new


@transaction.atomic
def petition_move(*, actor: Any, petition: Petition, to_issue: Issue) -> IssueMembership:
    _require_review(actor, to_issue.round)
    if petition.round_id != to_issue.round_id:
        raise ValidationError(_("Kiến nghị và vấn đề phải thuộc cùng một kỳ đối thoại."))
    old = IssueMembership.objects.filter(petition=petition).select_related("issue").first()
    _pin([petition], to_issue)
    to_issue.locked = True
    to_issue.save(update_fields=["locked", "updated_at"])
    event_record(
        actor=actor,
        obj=petition,
        action="petition.moved",
        before={"issue": old.issue_id if old else None},
        after={"issue": to_issue.pk},
    )
    if old and old.issue_id != to_issue.pk and not old.issue.memberships.exists():
        event_record(actor=actor, obj=old.issue, action="issue.emptied")
        old.issue.delete()
    return IssueMembership.objects.get(petition=petition)


@transaction.atomic
def issue_set_topic(*, actor: Any, issue: Issue, topic: Topic) -> Issue:
    """Confirm the suggested topic or change it; the petitions' topics follow."""
    _require_review(actor, issue.round)
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
        action="issue.topic_confirmed",
        before=before,
        after={"topic": topic.code},
    )
    return issue


@transaction.atomic
def issue_set_department(*, actor: Any, issue: Issue, organisation: Organisation) -> Issue:
    _require_review(actor, issue.round)
    before = {"department": issue.department_id}
    issue.department = organisation
    issue.save(update_fields=["department", "updated_at"])
    event_record(
        actor=actor,
        obj=issue,
        action="issue.department_set",
        before=before,
        after={"department": organisation.code},
    )
    return issue


@transaction.atomic
def issue_rename(*, actor: Any, issue: Issue, title: str) -> Issue:
    _require_review(actor, issue.round)
    title = title.strip()
    if not 3 <= len(title) <= 300:
        raise ValidationError({"title": [_("Tiêu đề phải có từ 3 đến 300 ký tự.")]})
    before = {"title": issue.title}
    issue.title = title
    issue.locked = True
    issue.save(update_fields=["title", "locked", "updated_at"])
    event_record(
        actor=actor, obj=issue, action="issue.renamed", before=before, after={"title": title}
    )
    return issue
