"""What higher apps do when units or organisations change, filled in their `AppConfig.ready()`
(units never imports them; layers, docs/adr). `accounts` forgets the API tokens it has read
when an organisation changes: a role's reach follows its organisation's unit."""

from collections.abc import Callable

_ORGANISATION_CHANGED: list[Callable[[], None]] = []


def on_organisation_changed(hook: Callable[[], None]) -> Callable[[], None]:
    """Register `hook` (once) to run after an organisation is changed."""
    if hook not in _ORGANISATION_CHANGED:
        _ORGANISATION_CHANGED.append(hook)
    return hook


def organisation_changed() -> None:
    for hook in list(_ORGANISATION_CHANGED):
        hook()
