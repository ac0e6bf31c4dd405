"""The portal's section of the public home: rounds being announced (when, where, how to send a
petition, until when) and the results of finished rounds. Registered in PortalConfig.ready()."""

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from doithoai.portal.selectors import announced_rounds, finished_rounds

SHOWN = 5


def home_rounds(request: HttpRequest) -> Mapping[str, Any] | None:
    announced = list(announced_rounds()[:SHOWN])
    finished = list(finished_rounds()[: SHOWN + 1])
    if not announced and not finished:
        return None
    return {
        "announced": announced,
        "finished": finished[:SHOWN],
        "more_finished": len(finished) > SHOWN,
        "today": timezone.localdate(),
    }
