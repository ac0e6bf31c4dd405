"""The dialogues app's links on the staff home (registered in `DialoguesConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.types import Actor
from doithoai.core.navigation import Link, nav_link_register
from doithoai.dialogues.policies import visible_rounds_q
from doithoai.dialogues.selectors import tasks_of


def _sees_rounds(user: Actor) -> bool:
    return visible_rounds_q(user) is not None


def _has_plan_tasks(user: Actor) -> bool:
    return tasks_of(user=user).exists()


def register() -> None:
    nav_link_register(
        "staff",
        Link(_("Kỳ đối thoại: kế hoạch, hội nghị"), "dialogue-index", _sees_rounds),
        order=20,
    )
    nav_link_register(
        "staff",
        Link(_("Nhiệm vụ của tôi trong kế hoạch đối thoại"), "dialogue-my-tasks", _has_plan_tasks),
        order=30,
    )
