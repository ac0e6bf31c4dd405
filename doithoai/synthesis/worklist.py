"""Synthesis' line of "Việc đang chờ bạn" on the staff home (registered with `core.worklist` in
`SynthesisConfig.ready()`): issues whose topic or title no person has confirmed yet, on the board
of each round still collecting petitions that the user reviews — one grouped COUNT."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from doithoai.accounts.policies import area_ids
from doithoai.accounts.types import Actor
from doithoai.core.worklist import WorkItem
from doithoai.petitions.rounds import COLLECTING
from doithoai.synthesis import policies
from doithoai.synthesis.models import Issue
from doithoai.synthesis.selectors import needs_review_q

FEW = 20


def synthesis_work(user: Actor) -> list[WorkItem]:
    area = area_ids(user, *policies.REVIEW_ROLES)
    if not area:
        return []
    rows = (
        Issue.objects.filter(needs_review_q(), round__state__in=COLLECTING, round__unit_id__in=area)
        .order_by("round_id")
        .values_list("round_id", "round__title")
        .annotate(n=Count("id"))[:FEW]
    )
    return [
        WorkItem(
            _("vấn đề cần rà soát lĩnh vực, tiêu đề trên bảng tổng hợp: %(round)s")
            % {"round": title},
            n,
            f"{reverse('synthesis-board', args=[round_id])}?view=issues&review=1",
        )
        for round_id, title, n in rows
    ]
