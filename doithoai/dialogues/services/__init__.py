"""Every write to dialogue rounds: the plan, tasks, the conference and its record."""

from doithoai.dialogues.services.agenda import (
    agenda_build,
    agenda_item_add,
    agenda_item_move,
    agenda_item_open,
    agenda_item_remove,
    agenda_item_update,
    agenda_settings_update,
)
from doithoai.dialogues.services.conference import (
    invitee_add,
    invitee_register_public,
    invitee_transition,
    speaker_move,
    speaker_request,
    speaker_transition,
)
from doithoai.dialogues.services.plan import (
    round_create,
    round_transition,
    round_update_plan,
    task_create,
    task_transition,
    tasks_remind,
)
from doithoai.dialogues.services.plan_content import (
    chair_add,
    chair_move,
    chair_remove,
    chair_update,
    focus_topic_add,
    focus_topic_move,
    focus_topic_remove,
    focus_topic_update,
)
from doithoai.dialogues.services.statements import (
    minutes_update,
    press_question_answer,
    press_question_submit,
    statement_answer,
    statement_record,
)
from doithoai.dialogues.services.tasks import task_report

__all__ = [
    "agenda_build",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_open",
    "agenda_item_remove",
    "agenda_item_update",
    "agenda_settings_update",
    "chair_add",
    "chair_move",
    "chair_remove",
    "chair_update",
    "focus_topic_add",
    "focus_topic_move",
    "focus_topic_remove",
    "focus_topic_update",
    "invitee_add",
    "invitee_register_public",
    "invitee_transition",
    "minutes_update",
    "press_question_answer",
    "press_question_submit",
    "round_create",
    "round_transition",
    "round_update_plan",
    "speaker_move",
    "speaker_request",
    "speaker_transition",
    "statement_answer",
    "statement_record",
    "task_create",
    "task_report",
    "task_transition",
    "tasks_remind",
]
