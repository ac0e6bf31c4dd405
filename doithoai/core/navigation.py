"""What each role can reach from the staff home and the public home: one explicit list."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doithoai.accounts.policies import is_administrator


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    allowed: Callable[[Any], bool]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


def _always(user: Any) -> bool:
    return True


def _has_area(user: Any) -> bool:
    from doithoai.petitions.policies import area_of

    return bool(area_of(user))


def _lists_petitions(user: Any) -> bool:
    from doithoai.petitions.policies import visible_petitions_q

    return visible_petitions_q(user) is not None


def _sees_board(user: Any) -> bool:
    from doithoai.synthesis.selectors import rounds_for_board

    return bool(rounds_for_board(user=user))


STAFF_LINKS: list[Link] = [
    Link(_("Tổng hợp, phân loại: bảng vấn đề"), "synthesis-index", _sees_board),
    Link(_("Kiến nghị, phản ánh"), "petition-list", _lists_petitions),
    Link(_("Nhập kiến nghị"), "petition-new-staff", _has_area),
    Link(_("Quản trị danh mục, người dùng"), "admin:index", is_administrator),
]

PUBLIC_LINKS: list[Link] = [
    Link(_("Gửi kiến nghị, phản ánh"), "petition-new-public", _always),
    Link(_("Tra cứu kết quả bằng mã"), "petition-lookup", _always),
]


def _reachable(links: list[Link], user: Any) -> list[Link]:
    out = []
    for link in links:
        try:
            link.url  # noqa: B018 - skip links whose app is not installed
        except NoReverseMatch:
            continue
        if link.allowed(user):
            out.append(link)
    return out


def staff_links(user: Any) -> list[Link]:
    return _reachable(STAFF_LINKS, user)


def public_links(user: Any) -> list[Link]:
    return _reachable(PUBLIC_LINKS, user)
