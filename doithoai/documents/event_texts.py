"""What the documents app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, said
from doithoai.documents.events import DocumentEvents

TEXTS: dict[str, EventText] = {
    DocumentEvents.DOCUMENT_ISSUED: said(
        _("%(who)s đã ban hành văn bản số %(symbol)s"), symbol=lambda e: e.after["symbol"]
    ),
    DocumentEvents.DOCUMENT_REISSUED: said(
        _("%(who)s đã ban hành lại văn bản số %(symbol)s (lần %(version)s)"),
        symbol=lambda e: e.after["symbol"],
        version=lambda e: e.after["version"],
    ),
}
