"""The petitions app's links on the staff and public homes (registered in
`PetitionsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from doithoai.accounts.types import Actor
from doithoai.core.navigation import Link, always, nav_link_register
from doithoai.petitions.policies import can_manage_topics, entry_area, visible_petitions_q


def _enters(user: Actor) -> bool:
    return bool(entry_area(user))


def _lists_petitions(user: Actor) -> bool:
    return visible_petitions_q(user) is not None


def register() -> None:
    nav_link_register(
        "staff", Link(_("Kiến nghị, phản ánh"), "petition-list", _lists_petitions), order=40
    )
    nav_link_register("staff", Link(_("Nhập kiến nghị"), "petition-new-staff", _enters), order=50)
    nav_link_register(
        "staff", Link(_("Danh mục lĩnh vực"), "topic-list", can_manage_topics), order=60
    )
    nav_link_register(
        "public", Link(_("Gửi kiến nghị, phản ánh"), "petition-new-public", always), order=10
    )
    nav_link_register(
        "public", Link(_("Tra cứu kết quả bằng mã"), "petition-lookup", always), order=20
    )
