"""Running the engine on a round's petitions (or a unit's petitions outside every round) and
applying its suggestions without undoing officers' decisions (pinned memberships, locked
issues, confirmed topics, confirmed titles)."""

from collections import Counter, defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.privacy import title_findings
from doithoai.core.text import fold
from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import Round
from doithoai.synthesis import engine_adapter, policies
from doithoai.synthesis.engine.public_titles import fallback_title
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import Issue, IssueMembership, RunState, Suggestion, SynthesisRun
from doithoai.synthesis.services import delete_empty_issues
from doithoai.units.models import Organisation, Unit
from doithoai.units.selectors import unit_covered_ids

BATCH = 500


def _scope_label(round_: Round | None, unit: Unit | None) -> Any:
    return round_ if round_ is not None else unit


@transaction.atomic
def synthesis_run_request(
    *, actor: Actor, round_: Round | None = None, unit: Unit | None = None
) -> SynthesisRun:
    """Queue a run over a round's petitions, or (``round_`` None) over the petitions of ``unit``
    that belong to no round ("kiến nghị ngoài kỳ đối thoại")."""
    if (round_ is None) == (unit is None):
        raise ValidationError(_("Hãy chọn một kỳ đối thoại hoặc một đơn vị."))
    unit = unit if round_ is None else round_.unit
    assert unit is not None
    if not policies.can_run_unit(actor, unit.pk):
        raise PermissionDenied(_("Bạn không có quyền chạy tổng hợp cho kỳ đối thoại này."))
    if SynthesisRun.objects.filter(
        round=round_, unit=unit, state__in=[RunState.QUEUED, RunState.RUNNING]
    ).exists():
        raise ValidationError(_("Đang có một lần tổng hợp chưa xong cho kỳ này."))
    run = SynthesisRun.objects.create(round=round_, unit=unit, started_by=acting_user(actor))
    event_record(
        actor=actor,
        obj=_scope_label(round_, unit),
        action=SynthesisEvents.SYNTHESIS_REQUESTED,
        after={"run": run.pk},
    )
    transaction.on_commit(lambda: synthesis_run_task.enqueue(run.pk))
    return run


@task()
def synthesis_run_task(run_id: int) -> None:
    synthesis_run_execute(run_id=run_id)


def run_petitions(run: SynthesisRun) -> QuerySet[Petition]:
    """Every petition the run covers: all of its round (those added since the last run too), or
    the petitions of its unit's area outside every round; never those not accepted."""
    if run.round_id is not None:
        qs = Petition.objects.filter(round_id=run.round_id)
    else:
        assert run.unit_id is not None
        qs = Petition.objects.filter(
            round__isnull=True, unit_id__in=unit_covered_ids([run.unit_id])
        )
    return qs.exclude(state=PetitionState.NOT_ACCEPTED)


def synthesis_run_execute(*, run_id: int) -> SynthesisRun:
    run = SynthesisRun.objects.select_related("round", "unit").get(pk=run_id)
    if run.unit_id is None and run.round is not None:
        run.unit = run.round.unit
        run.save(update_fields=["unit"])
    petitions = list(run_petitions(run).select_related("unit"))
    run.state, run.total = RunState.RUNNING, len(petitions)
    run.save(update_fields=["state", "total"])
    try:
        pinned = dict(
            IssueMembership.objects.filter(petition__in=petitions, pinned=True).values_list(
                "petition_id", "issue_id"
            )
        )
        result = engine_adapter.suggest(
            petitions,
            fixed_groups={pid: f"issue-{iid}" for pid, iid in pinned.items()},
            progress=lambda n: _progress(run, n),
        )
        with transaction.atomic():
            created = _apply(run, petitions, result, pinned)
    except Exception as error:
        run.state, run.error = RunState.FAILED, str(error)[:2000]
        run.finished_at = timezone.now()
        run.save(update_fields=["state", "error", "finished_at"])
        raise
    run.state, run.done, run.issues_created = RunState.DONE, len(petitions), created
    run.model_version, run.finished_at = result.model_version, timezone.now()
    run.save(update_fields=["state", "done", "issues_created", "model_version", "finished_at"])
    return run


def _progress(run: SynthesisRun, done: int) -> None:
    SynthesisRun.objects.filter(pk=run.pk).update(done=done)


def _safe_title(title: str, unit_name: str, topic: str) -> str:
    """The engine's title, or one that carries nothing a petitioner wrote when the public-words
    check finds anything in it."""
    title = title.strip()[:300]
    if title and not title_findings(title):
        return title
    return fallback_title(unit_name, topic)[:300]


def _apply(
    run: SynthesisRun,
    petitions: list[Petition],
    result: engine_adapter.Result,
    pinned: dict[int, int],
) -> int:
    round_, unit = run.round, run.unit
    assert unit is not None
    by_id = {p.pk: p for p in petitions}
    topics = {t.code: t for t in Topic.objects.all()}
    departments = {o.code: o for o in Organisation.objects.filter(unit=unit)}
    Suggestion.objects.filter(petition__in=petitions).delete()
    Suggestion.objects.bulk_create(
        [
            Suggestion(
                petition_id=s.petition_id,
                topic_code=s.topic,
                confidence=s.confidence,
                top_terms=s.top_terms,
                group_key=s.group,
                department_code=s.department or "",
                model_version=result.model_version,
            )
            for s in result.suggestions
        ],
        batch_size=BATCH,
    )
    groups: dict[str, list[int]] = defaultdict(list)
    for s in result.suggestions:
        if s.petition_id not in pinned:
            groups[s.group].append(s.petition_id)
    current = dict(
        IssueMembership.objects.filter(petition__in=petitions).values_list(
            "petition_id", "issue_id"
        )
    )
    scope = (
        Issue.objects.filter(round=round_)
        if round_ is not None
        else Issue.objects.filter(round__isnull=True, unit=unit)
    )
    reusable = scope.filter(locked=False).in_bulk()
    used: set[int] = set()
    created = 0
    suggestion_of = {s.petition_id: s for s in result.suggestions}
    to_update: list[Issue] = []
    new_members: dict[int, list[int]] = {}
    pending: list[tuple[Issue, list[int]]] = []
    for key, members in groups.items():
        overlap = Counter(
            current[m] for m in members if current.get(m) in reusable and current[m] not in used
        )
        first = suggestion_of[members[0]]
        votes = Counter(suggestion_of[m].topic for m in members)
        topic_code = votes.most_common(1)[0][0]
        topic = topics.get(topic_code)
        department = departments.get(first.department or "")
        title = _safe_title(result.titles.get(key, ""), by_id[members[0]].unit.name, topic_code)
        if overlap:
            issue = reusable[overlap.most_common(1)[0][0]]
            if not issue.title_confirmed:
                issue.title, issue.title_folded = title, fold(title)[:300]
            if not issue.topic_confirmed:
                issue.topic = topic
                issue.topic_confidence = first.confidence
            issue.department = issue.department or department
            issue.engine_key, issue.unit = key, unit
            to_update.append(issue)
            used.add(issue.pk)
            new_members[issue.pk] = members
        else:
            issue = Issue(
                round=round_,
                unit=unit,
                title=title,
                title_folded=fold(title)[:300],
                topic=topic,
                topic_confidence=first.confidence,
                department=department,
                engine_key=key,
            )
            pending.append((issue, members))
    Issue.objects.bulk_update(
        to_update,
        ["title", "title_folded", "topic", "topic_confidence", "department", "engine_key", "unit"],
        batch_size=BATCH,
    )
    Issue.objects.bulk_create([issue for issue, _m in pending], batch_size=BATCH)
    created = len(pending)
    for issue, members in pending:
        new_members[issue.pk] = members
    _set_memberships(new_members, current)
    delete_empty_issues(scope.filter(locked=False, memberships__isnull=True))
    _set_areas(scope)
    Petition.objects.filter(
        pk__in=by_id, state__in=[PetitionState.RECEIVED, PetitionState.ACCEPTED]
    ).update(state=PetitionState.GROUPED)
    for s in result.suggestions:
        p = by_id[s.petition_id]
        if p.topic_id is None and s.topic in topics:
            p.topic = topics[s.topic]
    Petition.objects.bulk_update([p for p in petitions if p.topic_id], ["topic"], batch_size=BATCH)
    event_record(
        actor=None,
        obj=_scope_label(round_, unit),
        action=SynthesisEvents.SYNTHESIS_APPLIED,
        after={
            "petitions": len(petitions),
            "groups": len(groups),
            "issues_created": created,
            "model_version": result.model_version,
        },
    )
    return created


def _set_memberships(new_members: dict[int, list[int]], current: dict[int, int]) -> None:
    """Each grouped petition in its issue (unpinned), in a few statements."""
    existing = IssueMembership.objects.filter(
        petition_id__in=[pid for pids in new_members.values() for pid in pids]
    ).in_bulk(field_name="petition_id")
    changed, fresh = [], []
    for issue_id, pids in new_members.items():
        for pid in pids:
            link = existing.get(pid)
            if link is None:
                fresh.append(IssueMembership(petition_id=pid, issue_id=issue_id, pinned=False))
            elif link.issue_id != issue_id or link.pinned:
                link.issue_id, link.pinned = issue_id, False
                changed.append(link)
    IssueMembership.objects.bulk_update(changed, ["issue", "pinned"], batch_size=BATCH)
    IssueMembership.objects.bulk_create(fresh, batch_size=BATCH)


def _set_areas(scope: QuerySet[Issue]) -> None:
    """Every issue's area: the unit most of its petitions come from (ties: the lower id)."""
    counts = (
        IssueMembership.objects.filter(issue__in=scope)
        .values_list("issue_id", "petition__unit_id")
        .annotate(n=Count("id"))
        .order_by("issue_id", "-n", "petition__unit_id")
    )
    area: dict[int, int] = {}
    for issue_id, unit_id, _n in counts:
        area.setdefault(issue_id, unit_id)
    issues = list(scope.only("id", "area_id"))
    changed = [i for i in issues if i.pk in area and i.area_id != area[i.pk]]
    for issue in changed:
        issue.area_id = area[issue.pk]
    Issue.objects.bulk_update(changed, ["area"], batch_size=BATCH)
