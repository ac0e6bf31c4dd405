"""Builders of the official documents of a round (Decree 30/2020): plan, invitation, minutes,
conclusion notice. Each takes a round and returns an `OfficialDocument` for the renderer."""

from doithoai.dialogues.documents.conclusion import (
    build_conclusion,
    conclusion_issue_problem,
    conclusion_rows,
)
from doithoai.dialogues.documents.plan import build_invitation, build_plan
from doithoai.dialogues.documents.record import build_minutes

__all__ = [
    "build_conclusion",
    "build_invitation",
    "build_minutes",
    "build_plan",
    "conclusion_issue_problem",
    "conclusion_rows",
]
