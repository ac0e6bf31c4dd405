"""The petitions API: staff endpoints behind a token or session, and a public lookup."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Header, Query, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from doithoai.accounts.api_auth import staff_auth
from doithoai.accounts.types import Actor
from doithoai.core import ratelimit
from doithoai.petitions import policies
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.choices import Channel
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.hooks import contact_viewed
from doithoai.petitions.models import Petition
from doithoai.petitions.rounds import intake_note
from doithoai.petitions.schemas import (
    PetitionCreateIn,
    PetitionOut,
    PetitionPageOut,
    PublicLookupIn,
    PublicPetitionCreateIn,
    PublicPetitionOut,
    SubmitterOut,
    TransitionIn,
)
from doithoai.petitions.selectors import (
    PublicStatus,
    petition_get_for,
    petition_list_visible_to,
    petition_public_status,
)
from doithoai.petitions.services import PetitionInput, petition_submit, petition_transition
from doithoai.petitions.services.intake import petition_attach

router = Router(tags=["petitions"], auth=staff_auth())
public_router = Router(tags=["public"])


def petition_out(user: Actor, p: Petition) -> dict[str, Any]:
    joined = p.round if p.round_id else None
    submitter = None
    if policies.can_see_personal_data(user, p):
        submitter = SubmitterOut(
            type=p.submitter_type,
            anonymous=p.anonymous,
            confidential=p.confidential,
            name=p.submitter_name,
            phone=p.phone,
            email=p.email,
            address=p.submitter_address,
            business_name=p.business_name,
            tax_code=p.tax_code,
        )
    return {
        "id": p.pk,
        "code": p.code,
        "text": p.text,
        "legal_kind": p.legal_kind,
        "topic": p.topic.code if p.topic else None,
        "unit": {"id": p.unit.pk, "code": p.unit.code, "name": p.unit.name},
        "place": p.place,
        "channel": p.channel,
        "state": p.state,
        "received_on": p.received_on,
        "created_at": p.created_at,
        "due_on": p.due_on,
        "round": {"id": joined.pk, "title": joined.title} if joined else None,
        "round_note": intake_note(joined.title if joined else None),
        "submitter": submitter,
    }


# The list's filters (the staff page's and the export's) and its page.
class ListQuery(PetitionFilters):
    after: str | None = None
    limit: int = 50


@router.post("", response={201: PetitionOut, 200: PetitionOut}, summary="Create a petition")
def create_petition(
    request: HttpRequest,
    payload: PetitionCreateIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),
) -> Status[dict[str, Any]]:
    data = PetitionInput(unit=payload.unit_id, **payload.dict(exclude={"unit_id"}))
    result = petition_submit(actor=request.user, data=data, idempotency_key=idempotency_key[:128])
    return Status(201 if result.created else 200, petition_out(request.user, result.petition))


def _petitions_read(user: Actor, petitions: list[Petition]) -> list[dict[str, Any]]:
    """The petitions as read through the API; whose contact details were in them is logged as
    on the staff pages."""
    items = [petition_out(user, p) for p in petitions]
    shown = [p.pk for p, item in zip(petitions, items, strict=True) if _contact_shown(p, item)]
    contact_viewed(user=user, petition_ids=shown, place="api")
    return items


def _contact_shown(petition: Petition, item: dict[str, Any]) -> bool:
    return item["submitter"] is not None and not petition.anonymous


@router.get("", response=PetitionPageOut, summary="List the petitions you may see")
def list_petitions(request: HttpRequest, query: Query[ListQuery]) -> dict[str, Any]:
    page = petition_list_visible_to(
        user=request.user,
        filters=PetitionFilters.from_query(query),
        cursor=query.after,
        limit=query.limit,
    )
    return {"items": _petitions_read(request.user, page.items), "next_cursor": page.next_cursor}


@router.get("/{int:petition_id}", response=PetitionOut, summary="Read one petition")
def get_petition(request: HttpRequest, petition_id: int) -> dict[str, Any]:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    return _petitions_read(request.user, [petition])[0]


@router.post(
    "/{int:petition_id}/transitions", response=PetitionOut, summary="Change a petition's state"
)
def transition_petition(
    request: HttpRequest, petition_id: int, payload: TransitionIn
) -> dict[str, Any]:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    petition = petition_transition(actor=request.user, petition=petition, **payload.dict())
    return petition_out(request.user, petition_get_for(user=request.user, petition_id=petition.pk))


@router.post("/{int:petition_id}/attachments", response={201: PetitionOut}, summary="Attach files")
def attach_files(
    request: HttpRequest,
    petition_id: int,
    files: list[UploadedFile] = File(...),  # noqa: B008
) -> Status[dict[str, Any]]:
    petition = petition_get_for(user=request.user, petition_id=petition_id)
    raw = []
    for upload in files:
        if (upload.size or 0) > MAX_FILE_BYTES:
            raise HttpError(413, _("Tệp %(name)s quá lớn.") % {"name": upload.name})
        raw.append((upload.name or "tep", upload.read()))
    petition_attach(actor=request.user, petition=petition, files=check_uploads(raw))
    return Status(201, petition_out(request.user, petition))


def public_out(p: Petition) -> PublicStatus:
    status = petition_public_status(code=p.code)
    assert status is not None
    return status


@public_router.post(
    "/petitions/lookup",
    response=PublicPetitionOut,
    summary="Look a petition up by its code",
    description="The code travels in the body, so it stays out of addresses, proxies' logs and "
    "browser histories.",
)
def public_lookup_by_body(request: HttpRequest, payload: PublicLookupIn) -> PublicStatus:
    return _public_lookup(request, payload.code)


@public_router.get(
    "/petitions/{code}",
    response=PublicPetitionOut,
    summary="Look a petition up by its code in the address (deprecated)",
    description="Use POST /public/petitions/lookup: a code in the address reaches logs.",
    deprecated=True,
)
def public_lookup(request: HttpRequest, code: str) -> PublicStatus:
    return _public_lookup(request, code)


def _public_lookup(request: HttpRequest, code: str) -> PublicStatus:
    if not ratelimit.hit("petition-lookup", request, limit=settings.DOITHOAI_LOOKUP_RATE_PER_HOUR):
        raise HttpError(429, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau."))
    status = petition_public_status(code=code)
    if status is None:
        raise HttpError(404, _("Không tìm thấy kiến nghị với mã này."))
    return status


@public_router.post(
    "/petitions",
    response={201: PublicPetitionOut, 200: PublicPetitionOut},
    summary="Submit a petition without an account",
)
def public_submit(
    request: HttpRequest,
    payload: PublicPetitionCreateIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),
) -> Status[PublicStatus]:
    if not ratelimit.hit("public-petition", request, limit=settings.DOITHOAI_PUBLIC_RATE_PER_HOUR):
        raise HttpError(
            429, _("Bạn đã gửi quá nhiều kiến nghị trong một giờ. Vui lòng thử lại sau.")
        )
    data = PetitionInput(
        unit=payload.unit_id, channel=Channel.WEB, **payload.dict(exclude={"unit_id"})
    )
    result = petition_submit(
        actor=None,
        data=data,
        idempotency_key=idempotency_key[:128],
        client=f"web:{ratelimit.client_address(request)}",
    )
    return Status(201 if result.created else 200, public_out(result.petition))
