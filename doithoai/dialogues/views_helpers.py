"""Small helpers shared by the dialogue views."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from doithoai.core.flash import attempt


def form_errors(request: HttpRequest, form: object) -> None:
    for field_errors in getattr(form, "errors", {}).values():
        for message in field_errors:
            messages.error(request, message)


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


def list_item_change(request: HttpRequest, change: ListItemChange) -> None:
    """`action=up|down` moves the item, `action=remove` removes it, anything else saves the
    posted form; refusals and form errors become messages."""
    action = request.POST.get("action", "")
    if action in ("up", "down"):
        step = -1 if action == "up" else 1
        attempt(request, lambda: change.move(step), change.moved)
    elif action == "remove":
        attempt(request, change.remove, change.removed)
    else:
        form = change.form_class(request.POST)
        if form.is_valid():
            attempt(request, lambda: change.update(form.cleaned_data), change.updated)
        else:
            form_errors(request, form)


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no file, no network)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))
