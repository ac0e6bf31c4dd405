"""Petitions' line of "Việc đang chờ bạn" on the staff home (registered with `core.worklist` in
`PetitionsConfig.ready()`): a ward officer's petitions of their ward received in the last seven
days, linking to the petition list filtered from that day."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids
from doithoai.accounts.types import Actor
from doithoai.core.worklist import WorkItem
from doithoai.petitions.models import Petition
from doithoai.petitions.policies import visible_petitions_q

WEEK = 7


def petitions_work(user: Actor) -> list[WorkItem]:
    ward = area_ids(user, Role.WARD_OFFICER)
    scope = visible_petitions_q(user)
    if not ward or scope is None:
        return []
    since = timezone.localdate() - datetime.timedelta(days=WEEK - 1)
    received = Petition.objects.filter(scope, unit_id__any_of=ward, received_on__gte=since)
    url = f"{reverse('petition-list')}?{urlencode({'date_from': since.isoformat()})}"
    return [
        WorkItem(_("kiến nghị trên địa bàn của bạn nhận trong 7 ngày qua"), received.count(), url)
    ]
