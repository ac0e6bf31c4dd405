"""The synthesis app's link on the staff home (registered in `SynthesisConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.types import Actor
from doithoai.core.navigation import Link, nav_link_register
from doithoai.synthesis.selectors import rounds_for_board


def _sees_board(user: Actor) -> bool:
    return bool(rounds_for_board(user=user))


def register() -> None:
    nav_link_register(
        "staff",
        Link(_("Tổng hợp, phân loại: bảng vấn đề"), "synthesis-index", _sees_board),
        order=10,
    )
