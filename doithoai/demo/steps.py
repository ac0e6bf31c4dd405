"""Demo steps of the lifecycle apps, run in order after units, organisations and logins."""

from collections.abc import Callable
from typing import Any

STEPS: list[Callable[[Any], None]] = []
