"""Small helpers shared by the dialogue views."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django import forms
from django.http import HttpRequest, HttpResponse

from doithoai.core.flash import Answer, post_action, post_form


@dataclass(frozen=True)
class ListItemChange:
    """What one item of an ordered list of the plan or agenda does on each posted action, and
    the message each reports."""

    move: Callable[[int], object]
    remove: Callable[[], object]
    update: Callable[[dict[str, Any]], object]
    form_class: type[forms.Form]
    moved: str
    removed: str
    updated: str


def list_item_change(request: HttpRequest, change: ListItemChange, then: Answer) -> HttpResponse:
    """`action=up|down` moves the item, `action=remove` removes it, anything else saves the
    posted form; refusals and form errors become messages; answers `then`."""
    action = request.POST.get("action", "")
    if action in ("up", "down"):
        step = -1 if action == "up" else 1
        return post_action(request, lambda: change.move(step), done=change.moved, then=then)
    if action == "remove":
        return post_action(request, change.remove, done=change.removed, then=then)
    form = change.form_class(request.POST)
    return post_form(request, form, change.update, done=change.updated, then=then)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no file, no network)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))
