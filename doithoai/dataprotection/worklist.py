"""The officer's line of "Việc đang chờ bạn": open requests due within three days or overdue."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.worklist import WorkItem
from doithoai.dataprotection.models import OPEN_STATES, DataSubjectRequest
from doithoai.dataprotection.policies import visible_requests_q

SOON_DAYS = 3


def requests_work(user: Actor) -> list[WorkItem]:
    scope = visible_requests_q(user)
    if scope is None:
        return []
    soon = timezone.localdate() + datetime.timedelta(days=SOON_DAYS)
    count = DataSubjectRequest.objects.filter(
        scope, state__in=OPEN_STATES, due_on__lte=soon
    ).count()
    url = f"{reverse('dp-request-list')}?trang_thai=open"
    return [WorkItem(_("yêu cầu về dữ liệu cá nhân sắp đến hạn hoặc quá hạn"), count, url)]
