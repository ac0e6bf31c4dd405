"""Dialogues' lines of "Việc đang chờ bạn" on the staff home (registered with `core.worklist` in
`DialoguesConfig.ready()`): the plan's open tasks, a held round waiting for the leader's
conclusion, and for the press the rounds being announced and their own unanswered questions."""

from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from doithoai.accounts.models import Role, User
from doithoai.accounts.policies import area_ids
from doithoai.accounts.types import Actor
from doithoai.core.worklist import WorkItem
from doithoai.dialogues import selectors
from doithoai.dialogues.models import PressQuestion, Round, RoundState, TaskState

# Rounds of one level are few (a couple a year); more than this is never listed one by one.
FEW = 20


def _round_ids(**filters: Any) -> list[int]:
    return list(Round.objects.filter(**filters).order_by("-pk").values_list("pk", flat=True)[:FEW])


def _one_or_index(ids: list[int], url_name: str) -> str:
    """The page of the only round, or the list of rounds when there are several."""
    if len(ids) == 1:
        return reverse(url_name, args=[ids[0]])
    return reverse("dialogue-index")


def _tasks(user: Actor) -> list[WorkItem]:
    open_tasks = selectors.tasks_of(user=user).filter(
        state__in=[TaskState.OPEN, TaskState.IN_PROGRESS]
    )
    return [
        WorkItem(
            _("nhiệm vụ trong kế hoạch đối thoại chưa hoàn thành"),
            open_tasks.count(),
            reverse("dialogue-my-tasks"),
        )
    ]


def _leader(user: Actor) -> list[WorkItem]:
    area = area_ids(user, Role.LEADER)
    if not area:
        return []
    held = _round_ids(unit_id__in=area, state=RoundState.HELD)
    return [
        WorkItem(
            _("kỳ đối thoại đã tổ chức hội nghị, chờ kết luận"),
            len(held),
            _one_or_index(held, "dialogue-conclude"),
        )
    ]


def _press(user: User) -> list[WorkItem]:
    area = area_ids(user, Role.PRESS)
    if not area:
        return []
    announced = _round_ids(unit_id__in=area, state=RoundState.ANNOUNCED)
    asked = dict(
        PressQuestion.objects.filter(asked_by=user, answer="")
        .order_by()
        .values_list("round_id")
        .annotate(n=Count("id"))[:FEW]
    )
    return [
        WorkItem(
            _("kỳ đối thoại đang thông báo (trang công khai)"),
            len(announced),
            _one_or_index(announced, "dialogue-public"),
        ),
        WorkItem(
            _("câu hỏi của bạn gửi hội nghị chưa được trả lời"),
            sum(asked.values()),
            _one_or_index(list(asked), "dialogue-conference"),
        ),
    ]


def dialogues_work(user: User) -> list[WorkItem]:
    """Called by `core.worklist.worklist_for` for signed-in users only."""
    return [*_tasks(user), *_leader(user), *_press(user)]
