"""A task for the worker tests: it answers which process ran it."""

import os

from django.tasks import task


@task()
def which_process(label: str) -> dict[str, object]:
    return {"label": label, "pid": os.getpid()}
