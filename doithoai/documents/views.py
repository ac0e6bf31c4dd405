"""The register's pages: a round's issued documents, issuing, frozen files, the yearly register."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doithoai.core.document_kinds import CONTENT_TYPES, FILE_STEMS, SERIES
from doithoai.core.flash import post_action
from doithoai.core.storage import generated_download
from doithoai.dialogues.models import Round
from doithoai.dialogues.selectors import round_get_for
from doithoai.documents import policies, selectors, services
from doithoai.documents.models import Format


def _round_context(request: HttpRequest, round_: Round) -> dict[str, object]:
    rows = selectors.round_register(user=request.user, round_=round_)
    return {
        "round": round_,
        "rows": rows,
        "issued_count": sum(len(row.versions) for row in rows),
        "formats": Format.values,
    }


@login_required
def round_documents(request: HttpRequest, round_id: int) -> HttpResponse:
    """The round's issued documents: a fragment the round page loads, or a page of its own."""
    round_ = round_get_for(user=request.user, round_id=round_id)
    fragment = bool(getattr(request, "htmx", False))
    if fragment and not policies.can_read_issued(request.user, round_):
        return HttpResponse("")  # the round page shows no such section to this reader
    context = _round_context(request, round_)
    template = "documents/_round_documents.html" if fragment else "documents/round.html"
    response = render(request, template, context)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def issue(request: HttpRequest, round_id: int) -> HttpResponse:
    """Issue (or reissue) one kind of the round's documents, then back to the round's page."""
    round_ = round_get_for(user=request.user, round_id=round_id)
    kind = request.POST.get("kind", "")
    back = redirect(reverse("dialogue-round", args=[round_.pk]) + "#van-ban-ban-hanh")
    if request.POST.get("action") != "reissue":
        return post_action(
            request,
            lambda: services.document_issue(actor=request.user, round_=round_, kind=kind),
            done=_("Đã cấp số và ban hành văn bản."),
            then=back,
        )
    try:
        replaces = int(request.POST.get("version", ""))
    except ValueError:
        replaces = None
    return post_action(
        request,
        lambda: services.document_reissue(
            actor=request.user,
            round_=round_,
            kind=kind,
            reason=request.POST.get("reason", ""),
            replaces_version=replaces,
        ),
        done=_("Đã ban hành lại văn bản; bản cũ vẫn được lưu trong sổ."),
        then=back,
    )


@login_required
def download(request: HttpRequest, document_id: int, fmt: str) -> HttpResponse:
    """A frozen file exactly as issued, as an attachment that no cache keeps."""
    if fmt not in Format.values:
        raise Http404
    found = selectors.issued_file_get_for(user=request.user, document_id=document_id, fmt=fmt)
    document = found.document
    stem = FILE_STEMS.get(document.kind, "van-ban")
    name = f"{stem}-so-{document.number:02d}-{document.year}-lan-{document.version}.{fmt}"
    return generated_download(bytes(found.content), filename=name, content_type=CONTENT_TYPES[fmt])


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """The register of one organisation for one year, by series and number."""
    if not policies.reads_register(request.user):
        raise Http404
    organisations = list(selectors.register_organisations(user=request.user))
    chosen = _int(request.GET.get("organisation"))
    organisation = next((o for o in organisations if o.pk == chosen), None)
    if organisation is None and organisations:
        organisation = organisations[0]
    years: list[int] = []
    asked = _int(request.GET.get("year"))
    year: int | None = None
    page = None
    series = request.GET.get("series", "")
    series = series if series in SERIES.values() else ""
    if organisation is not None:
        years = selectors.register_years(user=request.user, organisation_id=organisation.pk)
        year = asked if asked in years else (years[0] if years else timezone.localdate().year)
        page = selectors.register_page(
            user=request.user,
            organisation_id=organisation.pk,
            year=year,
            series=series,
            page=request.GET.get("page", 1),
        )
    return render(
        request,
        "documents/register.html",
        {
            "organisations": organisations,
            "organisation": organisation,
            "years": years,
            "year": year,
            "series_choices": sorted(set(SERIES.values())),
            "series": series,
            "page": page,
            "formats": Format.values,
        },
    )
