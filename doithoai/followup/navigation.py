"""The follow-up app's links on the staff and public homes (registered in
`FollowupConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.policies import area_ids
from doithoai.accounts.types import Actor
from doithoai.core.navigation import Link, always, nav_link_register
from doithoai.followup.policies import (
    OVERSIGHT_ROLES,
    department_ids,
    letter_unit_ids,
    supervised_unit_ids,
)


def _follows_up(user: Actor) -> bool:
    return bool(department_ids(user)) or bool(area_ids(user, *OVERSIGHT_ROLES))


def _supervises(user: Actor) -> bool:
    return bool(supervised_unit_ids(user))


def _handles_letters(user: Actor) -> bool:
    return bool(letter_unit_ids(user))


def register() -> None:
    nav_link_register(
        "staff", Link(_("Theo dõi giải quyết, trả lời"), "followup-work", _follows_up), order=80
    )
    nav_link_register(
        "staff",
        Link(_("Giám sát của Mặt trận Tổ quốc"), "followup-supervision", _supervises),
        order=90,
    )
    nav_link_register(
        "staff",
        Link(_("Thư trả lời cần chuyển đến người gửi"), "followup-letters", _handles_letters),
        order=100,
    )
    nav_link_register(
        "public",
        Link(_("Phản hồi: vấn đề chưa được giải quyết"), "followup-feedback", always),
        order=40,
    )
