"""Writes to the plan of a round: its lifecycle and its tasks."""

import datetime
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import (
    ROUND_TRANSITIONS,
    TASK_TRANSITIONS,
    Round,
    RoundState,
    Task,
    TaskState,
)
from doithoai.dialogues.services.common import deny, required
from doithoai.petitions.rounds import rounds_changed
from doithoai.units.models import Organisation

logger = logging.getLogger("doithoai.dialogues")


@transaction.atomic
def round_create(*, actor: Actor, organisation: Organisation, title: str) -> Round:
    """Open a new round (a draft plan) issued by `organisation` for its unit."""
    deny(policies.can_create_round(actor, organisation.unit_id))
    required(title, _("Vui lòng nhập tên kỳ đối thoại."))
    round_ = Round.objects.create(
        unit_id=organisation.unit_id, organisation=organisation, title=title.strip()[:300]
    )
    event_record(
        actor=actor, obj=round_, action=DialogueEvents.ROUND_CREATE, after={"title": round_.title}
    )
    transaction.on_commit(rounds_changed)  # the list filters offer it
    return round_


@transaction.atomic
def round_transition(*, actor: Actor, round_: Round, to_state: str, reason: str = "") -> Round:
    """Move a round along draft → approved → announced → held → concluded (table in models)."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    deny(policies.can_transition(actor, round_, to_state))
    ROUND_TRANSITIONS.check(round_.state, to_state)
    if to_state == RoundState.ANNOUNCED and not (round_.starts_at and round_.venue):
        raise ValidationError(_("Cần có thời gian và địa điểm trước khi thông báo."))
    transition(
        round_,
        to_state,
        actor=actor,
        table=ROUND_TRANSITIONS,
        action=DialogueEvents.ROUND_TRANSITION,
        reason=reason,
    )
    transaction.on_commit(rounds_changed)
    return round_


PLAN_FIELDS = (
    "title",
    "document_number",
    "issued_on",
    "starts_at",
    "venue",
    "intake_deadline",
    "purposes",
    "participants",
    "content",
    "forms",
    "online_link",
    "open_seats",
    "invitation_number",
    "minutes_number",
    "conclusion_number",
    "conclusion_on",
)


@transaction.atomic
def round_update_plan(*, actor: Actor, round_: Round, changes: dict[str, Any]) -> Round:
    """Edit the plan's fields; the content is frozen once the round is held."""
    deny(policies.can_edit_plan(actor, round_))
    if round_.state in (RoundState.HELD, RoundState.CONCLUDED) and set(changes) - {
        "minutes_number",
        "conclusion_number",
        "conclusion_on",
    }:
        raise ValidationError(_("Kỳ đối thoại đã tổ chức, không sửa được kế hoạch."))
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise ValidationError(_("Trường không hợp lệ: %(f)s") % {"f": ", ".join(sorted(unknown))})
    required(changes.get("title", round_.title), _("Vui lòng nhập tên kỳ đối thoại."))
    before = {k: str(getattr(round_, k)) for k in changes}
    for key, value in changes.items():
        setattr(round_, key, value)
    round_.full_clean(exclude=["unit", "organisation"])
    round_.save(update_fields=list(changes))
    transaction.on_commit(rounds_changed)
    event_record(
        actor=actor,
        obj=round_,
        action=DialogueEvents.ROUND_PLAN_UPDATE,
        before=before,
        after={k: str(v) for k, v in changes.items()},
    )
    return round_


@transaction.atomic
def task_create(
    *,
    actor: Actor,
    round_: Round,
    group: str,
    organisation: Organisation,
    text: str,
    due_on: datetime.date | None = None,
    remind_days: int = 3,
) -> Task:
    deny(policies.can_edit_plan(actor, round_))
    required(text, _("Vui lòng nhập nội dung nhiệm vụ."))
    required(group, _("Vui lòng nhập nhóm nhiệm vụ."))
    task = Task.objects.create(
        round=round_,
        group=group.strip(),
        organisation=organisation,
        text=text.strip(),
        due_on=due_on,
        remind_days=remind_days,
        position=round_.tasks.count(),
    )
    event_record(
        actor=actor, obj=task, action=DialogueEvents.TASK_CREATE, after={"text": task.text[:200]}
    )
    return task


@transaction.atomic
def task_transition(*, actor: Actor, task: Task, to_state: str) -> Task:
    task = Task.objects.select_for_update().select_related("round").get(pk=task.pk)
    deny(policies.can_update_task(actor, task.round, task.organisation_id))
    transition(
        task, to_state, actor=actor, table=TASK_TRANSITIONS, action=DialogueEvents.TASK_TRANSITION
    )
    return task


@transaction.atomic
def tasks_remind(*, actor: Actor, today: datetime.date | None = None) -> list[Task]:
    """Mark open tasks whose due date is within their reminder window and log a reminder after
    commit (once per task). Run by the scheduler or the secretariat."""
    today = today or timezone.localdate()
    due = []
    for task in (
        Task.objects.select_for_update()
        .filter(state__in=[TaskState.OPEN, TaskState.IN_PROGRESS], due_on__isnull=False)
        .filter(reminded_at__isnull=True)
        .select_related("organisation")
    ):
        assert task.due_on is not None
        if (task.due_on - today).days <= task.remind_days:
            task.reminded_at = timezone.now()
            task.save(update_fields=["reminded_at"])
            event_record(
                actor=actor,
                obj=task,
                action=DialogueEvents.TASK_REMIND,
                after={"due_on": str(task.due_on)},
            )
            due.append(task)
    names = [f"{t.organisation.name}: {t.text[:60]}" for t in due]

    def log() -> None:
        for name in names:
            logger.info("task reminder %s", name)

    transaction.on_commit(log)
    return due
