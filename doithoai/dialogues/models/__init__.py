"""Dialogue rounds: the plan, its tasks and the conference. Split by part; import from here."""

from doithoai.dialogues.models.conference import (
    INVITEE_TRANSITIONS,
    SPEAKER_TRANSITIONS,
    AgendaItem,
    AgendaState,
    Invitee,
    InviteeState,
    Minutes,
    ParticipantGroup,
    PressQuestion,
    Speaker,
    SpeakerState,
    Statement,
)
from doithoai.dialogues.models.plan import (
    TASK_TRANSITIONS,
    Chair,
    ChairRole,
    FocusTopic,
    Task,
    TaskState,
)
from doithoai.dialogues.models.rounds import (
    ROUND_TRANSITIONS,
    Directive,
    DirectiveSource,
    DirectiveState,
    Round,
    RoundState,
)

__all__ = [
    "INVITEE_TRANSITIONS",
    "ROUND_TRANSITIONS",
    "SPEAKER_TRANSITIONS",
    "TASK_TRANSITIONS",
    "AgendaItem",
    "AgendaState",
    "Chair",
    "ChairRole",
    "Directive",
    "DirectiveSource",
    "DirectiveState",
    "FocusTopic",
    "Invitee",
    "InviteeState",
    "Minutes",
    "ParticipantGroup",
    "PressQuestion",
    "Round",
    "RoundState",
    "Speaker",
    "SpeakerState",
    "Statement",
    "Task",
    "TaskState",
]
