"""Demo steps of the lifecycle apps, run in order after units, organisations and logins.

REFERENCE_STEPS are what the tests load once per session (`demo --reference-only`): the 2016
round with its 560 petitions and its plan, not synthesised. LIFE_STEPS live that round to its end
and open the city's second round (`doithoai.demo.full.load_full_demo`)."""

from collections.abc import Callable
from typing import Any

from doithoai.demo.dialogues import demo_dialogues
from doithoai.demo.life2016 import demo_life_2016
from doithoai.demo.petitions import demo_petitions
from doithoai.demo.round2 import demo_second_round

REFERENCE_STEPS: list[Callable[[Any], Any]] = [demo_petitions, demo_dialogues]
LIFE_STEPS: list[Callable[[Any], Any]] = [demo_life_2016, demo_second_round]
