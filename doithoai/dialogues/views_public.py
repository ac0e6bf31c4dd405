"""Public pages of a round: the announcement, the printable notice, registration, the projector.

No personal data: names of invitees and speakers never appear here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.flash import post_form
from doithoai.dialogues import selectors, services
from doithoai.dialogues.forms import PublicRegistrationForm
from doithoai.dialogues.models import RoundState


def _context(round_id: int) -> dict[str, object]:
    round_ = selectors.round_get_public(round_id=round_id)
    return {
        "round": round_,
        "focus": round_.focus_topics.all(),
        "chairs": round_.chairs.all(),
        "seats_left": selectors.open_seats_left(round_),
        "registering": round_.state == RoundState.ANNOUNCED,
    }


def round_public(request: HttpRequest, round_id: int) -> HttpResponse:
    context = _context(round_id)
    context["form"] = PublicRegistrationForm()
    return render(request, "dialogues/public.html", context)


def round_notice(request: HttpRequest, round_id: int) -> HttpResponse:
    """The printable notice for cultural houses and loudspeaker reading."""
    return render(request, "dialogues/notice.html", _context(round_id))


@require_POST
def round_register(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_public(round_id=round_id)
    return post_form(
        request,
        PublicRegistrationForm(request.POST),
        lambda data: services.invitee_register_public(
            round_=round_, name=data["name"], unit=None, phone=data["phone"]
        ),
        done=_("Đăng ký tham dự thành công. Vui lòng mang theo giấy tờ tùy thân khi đến hội nghị."),
        then=redirect("dialogue-public", round_.pk),
    )


def projector(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_public(round_id=round_id)
    return render(request, "dialogues/projector.html", {"round": round_, **_live(round_)})


def projector_live(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = selectors.round_get_public(round_id=round_id)
    return render(request, "dialogues/_projector_live.html", {"round": round_, **_live(round_)})


def _live(round_: object) -> dict[str, object]:
    item = selectors.current_item(round_)  # type: ignore[arg-type]
    petitioners = item.issue.memberships.count() if item and item.issue else 0
    return {"item": item, "petitioners": petitioners}
