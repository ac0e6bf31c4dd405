"""Progress reports on the plan's tasks, with an optional evidence file."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import TASK_TRANSITIONS, Task, TaskState, TaskUpdate
from doithoai.dialogues.services.common import deny, required
from doithoai.petitions.attachments import check_upload


@transaction.atomic
def task_report(
    *,
    actor: Actor,
    task: Task,
    text: str,
    state: str = "",
    evidence: tuple[str, bytes] | None = None,
) -> TaskUpdate:
    """Record progress on `task`: text, an optional state and an optional evidence file (checked
    by content like a petition's attachment: JPEG, PNG, WebP or PDF, images without metadata).

    The state moves the task itself when the reporter is the secretariat or an officer of the
    task's own organisation; an organisation under it (a ward) reports its own share only."""
    task = Task.objects.select_for_update().select_related("round", "organisation").get(pk=task.pk)
    deny(policies.can_report_task(actor, task))
    required(text, _("Vui lòng nhập tiến độ thực hiện."))
    if state and state not in TaskState.values:
        raise ValidationError(_("Trạng thái nhiệm vụ không hợp lệ."))
    checked = check_upload(evidence[0], evidence[1]) if evidence is not None else None
    organisation_id = policies.task_reporting_organisation_id(actor, task)
    moves_task = (
        bool(state)
        and state != task.state
        and (policies.can_update_task(actor, task.round, task.organisation_id))
    )
    if moves_task:
        TASK_TRANSITIONS.check(task.state, state)
    update = TaskUpdate(
        task=task,
        organisation_id=organisation_id,
        author=acting_user(actor),
        text=text.strip(),
        state=state,
    )
    if checked is not None:
        update.evidence_name = checked.name[:200]
        update.evidence_type = checked.content_type
        update.evidence_size = len(checked.data)
        update.evidence_sha256 = checked.sha256
        update.evidence.save(checked.name, ContentFile(checked.data), save=False)
    update.save()
    if moves_task:
        transition(
            task, state, actor=actor, table=TASK_TRANSITIONS, action=DialogueEvents.TASK_TRANSITION
        )
    event_record(
        actor=actor,
        obj=task,
        action=DialogueEvents.TASK_REPORT,
        after={
            "update": update.pk,
            "organisation": organisation_id,
            "state": state,
            "evidence": update.evidence_name,
        },
    )
    return update
