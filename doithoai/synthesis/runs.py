"""Running the engine on a round's petitions; applying its suggestions without undoing officers."""

from collections import Counter, defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.core.events import event_record
from doithoai.dialogues.models import Round
from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis import engine_adapter, policies
from doithoai.synthesis.models import Issue, IssueMembership, RunState, Suggestion, SynthesisRun
from doithoai.units.models import Organisation

BATCH = 500


@transaction.atomic
def synthesis_run_request(*, actor: Any, round_: Round) -> SynthesisRun:
    if not policies.can_run(actor, round_):
        raise PermissionDenied(_("Bạn không có quyền chạy tổng hợp cho kỳ đối thoại này."))
    if SynthesisRun.objects.filter(
        round=round_, state__in=[RunState.QUEUED, RunState.RUNNING]
    ).exists():
        raise ValidationError(_("Đang có một lần tổng hợp chưa xong cho kỳ này."))
    run = SynthesisRun.objects.create(round=round_, started_by=actor)
    event_record(actor=actor, obj=round_, action="synthesis.requested", after={"run": run.pk})
    transaction.on_commit(lambda: synthesis_run_task.enqueue(run.pk))
    return run


@task()
def synthesis_run_task(run_id: int) -> None:
    synthesis_run_execute(run_id=run_id)


def synthesis_run_execute(*, run_id: int) -> SynthesisRun:
    run = SynthesisRun.objects.select_related("round").get(pk=run_id)
    petitions = list(
        Petition.objects.filter(round=run.round)
        .exclude(state=PetitionState.NOT_ACCEPTED)
        .select_related("unit")
    )
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
            created = _apply(run.round, petitions, result, pinned)
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


def _apply(
    round_: Round, petitions: list[Petition], result: engine_adapter.Result, pinned: dict[int, int]
) -> int:
    by_id = {p.pk: p for p in petitions}
    topics = {t.code: t for t in Topic.objects.all()}
    departments = {o.code: o for o in Organisation.objects.filter(unit=round_.unit)}
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
        ]
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
    reusable = set(Issue.objects.filter(round=round_, locked=False).values_list("pk", flat=True))
    used: set[int] = set()
    created = 0
    suggestion_of = {s.petition_id: s for s in result.suggestions}
    for key, members in groups.items():
        overlap = Counter(
            current[m] for m in members if current.get(m) in reusable and current[m] not in used
        )
        first = suggestion_of[members[0]]
        votes = Counter(suggestion_of[m].topic for m in members)
        topic = topics.get(votes.most_common(1)[0][0])
        department = departments.get(first.department or "")
        if overlap:
            issue = Issue.objects.get(pk=overlap.most_common(1)[0][0])
            issue.title = result.titles.get(key, issue.title)[:300]
            if not issue.topic_confirmed:
                issue.topic = topic
                issue.topic_confidence = first.confidence
            issue.department = issue.department or department
            issue.engine_key = key
            issue.save(
                update_fields=[
                    "title",
                    "topic",
                    "topic_confidence",
                    "department",
                    "engine_key",
                    "updated_at",
                ]
            )
        else:
            issue = Issue.objects.create(
                round=round_,
                title=result.titles.get(key, "")[:300] or by_id[members[0]].text[:120],
                topic=topic,
                topic_confidence=first.confidence,
                department=department,
                engine_key=key,
            )
            created += 1
        used.add(issue.pk)
        for pid in members:
            IssueMembership.objects.update_or_create(
                petition_id=pid, defaults={"issue": issue, "pinned": False}
            )
    Issue.objects.filter(round=round_, locked=False, memberships__isnull=True).delete()
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
        obj=round_,
        action="synthesis.applied",
        after={
            "petitions": len(petitions),
            "groups": len(groups),
            "issues_created": created,
            "model_version": result.model_version,
        },
    )
    return created
