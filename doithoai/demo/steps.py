"""Demo steps of the lifecycle apps, run in order after units, organisations and logins."""

from collections.abc import Callable
from typing import Any

from doithoai.demo.dialogues import demo_dialogues
from doithoai.demo.followup import demo_followup
from doithoai.demo.petitions import demo_petitions

STEPS: list[Callable[[Any], None]] = [demo_petitions, demo_dialogues, demo_followup]
