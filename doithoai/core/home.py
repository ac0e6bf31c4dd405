"""Sections of the public home page that higher apps fill: core never imports them (layers in
STYLE.md). An app registers a section in its `AppConfig.ready()`; the page shows the sections in
order, each a template with the context its function returns (None: nothing to show)."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class HomeSection:
    key: str
    template: str
    context: Callable[[HttpRequest], Mapping[str, Any] | None]
    order: int = 100


@dataclass(frozen=True)
class ShownSection:
    template: str
    data: Mapping[str, Any]


_SECTIONS: dict[str, HomeSection] = {}


def home_section_register(section: HomeSection) -> None:
    _SECTIONS[section.key] = section


def home_sections(request: HttpRequest) -> list[ShownSection]:
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        data = section.context(request)
        if data is not None:
            shown.append(ShownSection(section.template, data))
    return shown
