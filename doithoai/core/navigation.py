"""What each role can reach from the staff home and the public home, filled by higher apps:
core never imports them (layers, docs/adr). Each app registers its own links in its
`AppConfig.ready()` (from `<app>/navigation.py`); a link shows when its URL name resolves and its
`allowed(user)` says yes. Links come in the order given at registration."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise

from doithoai.core.types import AnyUser

Area = Literal["staff", "public"]


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    allowed: Callable[[Any], bool]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


def always(user: AnyUser) -> bool:
    return True


# Area → URL name → (order, link).
_LINKS: dict[Area, dict[str, tuple[int, Link]]] = {"staff": {}, "public": {}}


def nav_link_register(area: Area, link: Link, *, order: int = 100) -> None:
    """Register (or replace) the link to `link.url_name` on the staff or the public home; lower
    `order` comes first."""
    _LINKS[area][link.url_name] = (order, link)


def _reachable(area: Area, user: AnyUser) -> list[Link]:
    out = []
    for _order, link in sorted(_LINKS[area].values(), key=lambda pair: (pair[0], pair[1].url_name)):
        try:
            link.url  # noqa: B018 - skip links whose app is not installed
        except NoReverseMatch:
            continue
        if link.allowed(user):
            out.append(link)
    return out


def staff_links(user: AnyUser) -> list[Link]:
    return _reachable("staff", user)


def public_links(user: AnyUser) -> list[Link]:
    return _reachable("public", user)
