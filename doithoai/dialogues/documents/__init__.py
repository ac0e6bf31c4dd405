"""Builders of the official documents of a round (Decree 30/2020): plan, invitation, minutes,
conclusion notice. Each takes a round and returns an `OfficialDocument` for the renderer."""

from doithoai.dialogues.documents.plan import build_invitation, build_plan
from doithoai.dialogues.documents.record import build_conclusion, build_minutes, conclusion_rows

__all__ = ["build_conclusion", "build_invitation", "build_minutes", "build_plan", "conclusion_rows"]
