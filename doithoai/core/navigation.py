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


STAFF_LINKS: list[Link] = [
    Link(_("Quản trị danh mục, người dùng"), "admin:index", is_administrator),
]

PUBLIC_LINKS: list[Link] = []


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
