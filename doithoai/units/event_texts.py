"""What the units app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, said
from doithoai.units.events import UnitEvents

TEXTS: dict[str, EventText] = {
    UnitEvents.UNIT_CREATED: said(
        _("%(who)s đã thêm đơn vị “%(name)s”"), name=lambda e: e.after["name"]
    ),
}
