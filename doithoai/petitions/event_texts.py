"""What the petitions app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.core.events import EventText, choice_label, said
from doithoai.core.models import Event
from doithoai.petitions.choices import Channel, NotAcceptedReason, PetitionState
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Topic


def topic_name(code: object) -> str:
    found = Topic.objects.filter(code=str(code)).values_list("name", flat=True).first()
    return found or _("lĩnh vực khác")


def _received(event: Event, who: str) -> str:
    channel = choice_label(Channel, event.after.get("channel", ""))
    if event.actor_id is None:
        return _("Người gửi đã gửi kiến nghị (kênh: %(channel)s)") % {"channel": channel}
    return _("%(who)s đã tiếp nhận kiến nghị (kênh: %(channel)s)") % {
        "who": who,
        "channel": channel,
    }


def _state_changed(event: Event, who: str) -> str:
    state = event.after["state"]
    sentence = _("%(who)s đã chuyển kiến nghị sang trạng thái “%(state)s”") % {
        "who": who,
        "state": choice_label(PetitionState, state),
    }
    reason = event.after.get("reason_code")
    if reason:
        sentence += " (" + choice_label(NotAcceptedReason, reason) + ")"
    if event.after.get("forwarded_to"):
        sentence += ", " + _("chuyển đến %(body)s") % {"body": event.after["forwarded_to"]}
    return sentence


def _round_set(event: Event, who: str) -> str:
    if not event.after.get("round"):
        return _("%(who)s đã đưa kiến nghị ra ngoài các kỳ đối thoại") % {"who": who}
    return _("%(who)s đã đưa kiến nghị vào kỳ đối thoại “%(title)s”") % {
        "who": who,
        "title": event.after.get("title") or _("khác"),
    }


def _attached(event: Event, who: str) -> str:
    files = event.after.get("files") or []
    return _("%(who)s đã đính kèm %(n)s tệp") % {"who": who, "n": len(files)}


TEXTS: dict[str, EventText] = {
    PetitionEvents.PETITION_RECEIVED: _received,
    PetitionEvents.PETITION_STATE_CHANGED: _state_changed,
    PetitionEvents.PETITION_ATTACHED: _attached,
    PetitionEvents.PETITION_ROUND_SET: _round_set,
    PetitionEvents.PETITION_TOPIC_SET: said(
        gettext_lazy("%(who)s đã xếp kiến nghị vào lĩnh vực “%(topic)s”"),
        topic=lambda e: topic_name(e.after["topic"]),
    ),
    PetitionEvents.PETITIONS_IMPORTED: said(
        gettext_lazy("%(who)s đã nhập %(rows)s kiến nghị từ tệp bảng tính"),
        rows=lambda e: e.after["rows"],
    ),
    PetitionEvents.PETITIONS_EXPORTED: said(
        gettext_lazy("%(who)s đã xuất danh sách %(rows)s kiến nghị"),
        rows=lambda e: e.after["rows"],
    ),
    PetitionEvents.TOPIC_CREATED: said(
        gettext_lazy("%(who)s đã thêm lĩnh vực “%(name)s”"), name=lambda e: e.after["name"]
    ),
    PetitionEvents.TOPIC_UPDATED: said(gettext_lazy("%(who)s đã sửa lĩnh vực")),
}
