"""Background work of synthesis (the task itself lives beside its service in runs.py)."""

from doithoai.synthesis.runs import synthesis_run_task

__all__ = ["synthesis_run_task"]
