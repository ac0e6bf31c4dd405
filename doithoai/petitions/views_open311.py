"""Open311 GeoReport v2 (JSON): services are topics, requests are petitions.

GET responses carry no personal data and no free text (which may name people): the description
is the topic and the unit. A request's `service_request_id` is the petition's public id (32
letters, `codes.new_public_id`), never its tracking code: the code is the petitioner's secret
(lookup, reopen). The detail (GET requests/<id>.json) and the list's `service_request_id` filter
take public ids.

The list (GET requests.json) is newest first and paged: `page_size` (default 50, at most 200)
requests of `page` (default 1); a `Link: <…>; rel="next"` header points to the next page when there
is one. Its date window follows the spec: `end_date` defaults to now and `start_date` to 90 days
before `end_date`. A bad parameter is a 400 with a message, never a 500.

POST needs a staff or partner API key and goes through the same intake service as every other
channel. Its answer gives the new request's public id and, to that authenticated client only,
the tracking code to hand to the petitioner (`tracking_code`, an extension of the format).
"""

import datetime
import json
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from doithoai.accounts.selectors import user_for_api_key
from doithoai.petitions.choices import Channel, PetitionState
from doithoai.petitions.codes import normalise_public_id
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.rounds import intake_note
from doithoai.petitions.services import PetitionInput, petition_submit
from doithoai.units.models import Unit

CLOSED = {PetitionState.NOT_ACCEPTED}
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
WINDOW = datetime.timedelta(days=90)


def _error(status: int, description: str) -> JsonResponse:
    return JsonResponse(
        [{"code": status, "description": description}],
        status=status,
        safe=False,
        json_dumps_params={"ensure_ascii": False},
    )


def _iso(value: datetime.datetime | datetime.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _request_out(p: Petition) -> dict[str, Any]:
    topic = p.topic.name if p.topic else ""
    return {
        "service_request_id": p.public_id,
        "status": "closed" if p.state in CLOSED or p.resolved_at else "open",
        "status_notes": p.get_state_display(),
        "service_name": topic,
        "service_code": p.topic.code if p.topic else "",
        "description": f"{topic} — {p.unit.name}" if topic else p.unit.name,
        "agency_responsible": p.assigned_to.name if p.assigned_to else "",
        "requested_datetime": _iso(p.created_at),
        "updated_datetime": _iso(p.updated_at),
        "expected_datetime": _iso(p.due_on),
        "address": p.unit.name,
        "lat": float(p.latitude) if p.latitude is not None else None,
        "long": float(p.longitude) if p.longitude is not None else None,
    }


@require_GET
def services(request: HttpRequest) -> JsonResponse:
    rows = [
        {
            "service_code": t.code,
            "service_name": t.name,
            "description": t.description,
            "metadata": False,
            "type": "realtime",
            "keywords": "",
            "group": "",
        }
        for t in Topic.objects.filter(active=True)
    ]
    return JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
def request_detail(request: HttpRequest, public_id: str) -> JsonResponse:
    normal = normalise_public_id(public_id)
    petition = (
        Petition.objects.select_related("unit", "topic", "assigned_to")
        .filter(public_id=normal)
        .first()
        if normal
        else None
    )
    if petition is None:
        return _error(404, "Không tìm thấy yêu cầu / request not found")
    return JsonResponse(
        [_request_out(petition)], safe=False, json_dumps_params={"ensure_ascii": False}
    )


@csrf_exempt  # machine-to-machine: authenticated by api_key, no session cookie is used
@require_http_methods(["GET", "POST"])
def requests_collection(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _create(request)
    qs = Petition.objects.select_related("unit", "topic", "assigned_to").order_by(
        "-created_at", "-id"
    )
    params = request.GET
    try:
        page = _positive(params.get("page"), default=1)
        page_size = _positive(params.get("page_size"), default=PAGE_SIZE)
    except ValueError:
        return _error(400, "page và page_size phải là số nguyên dương / must be positive integers")
    if page_size > MAX_PAGE_SIZE:
        return _error(
            400, f"page_size tối đa {MAX_PAGE_SIZE} / page_size must be at most {MAX_PAGE_SIZE}"
        )
    if params.get("service_request_id"):
        qs = qs.filter(public_id__in=_public_ids(params["service_request_id"]))
    if params.get("service_code"):
        qs = qs.filter(topic__code__in=params["service_code"].split(","))
    status = params.get("status", "")
    if status == "closed":
        qs = qs.filter(state__in=CLOSED)
    elif status == "open":
        qs = qs.exclude(state__in=CLOSED)
    elif status:
        return _error(400, "status phải là open hoặc closed / status must be open or closed")
    try:
        end = _aware(
            datetime.datetime.fromisoformat(params["end_date"])
            if params.get("end_date")
            else timezone.now()
        )
        start = (
            _aware(datetime.datetime.fromisoformat(params["start_date"]))
            if params.get("start_date")
            else end - WINDOW
        )
        # Stored in UTC: a date at the edge of the calendar may have no UTC time.
        start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return _error(400, "Ngày không hợp lệ (ISO 8601) / invalid date")
    if start.year < 1900 or end.year > 9000:  # the database's time zone shift would overflow
        return _error(400, "Ngày không hợp lệ (ISO 8601) / invalid date")
    if start > end:
        return _error(400, "start_date sau end_date / start_date is after end_date")
    qs = qs.filter(created_at__gte=start, created_at__lte=end)
    offset = (page - 1) * page_size
    found = list(qs[offset : offset + page_size + 1])  # one more: is there a next page?
    response = JsonResponse(
        [_request_out(p) for p in found[:page_size]],
        safe=False,
        json_dumps_params={"ensure_ascii": False},
    )
    if len(found) > page_size:
        following = params.copy()
        following["page"] = str(page + 1)
        response["Link"] = f'<{request.path}?{following.urlencode()}>; rel="next"'
    return response


def _public_ids(value: str) -> list[str]:
    """The public ids in a comma-separated parameter (at most 50); what is not one is skipped."""
    return [n for n in (normalise_public_id(part) for part in value.split(",")[:50]) if n]


def _positive(value: str | None, *, default: int) -> int:
    """A positive integer parameter; ValueError when it is not one."""
    if not value:
        return default
    number = int(value)
    if number < 1 or number > 10**6:
        raise ValueError(value)
    return number


def _aware(value: datetime.datetime) -> datetime.datetime:
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _create(request: HttpRequest) -> HttpResponse:
    data = request.POST
    user = user_for_api_key(data.get("api_key", ""))
    if user is None:
        return _error(403, "Khóa api_key không hợp lệ / invalid api_key")
    unit = (
        Unit.objects.filter(code=data.get("jurisdiction_id") or data.get("unit_code", ""))
        .order_by("-scheme")
        .first()
    )
    name = " ".join(
        part for part in (data.get("first_name", ""), data.get("last_name", "")) if part
    ).strip()
    try:
        result = petition_submit(
            actor=user,
            data=PetitionInput(
                text=data.get("description", ""),
                unit=unit,
                channel=Channel.API,
                topic=data.get("service_code", ""),
                address=data.get("address_string", "")[:300],
                latitude=_float(data.get("lat")),
                longitude=_float(data.get("long")),
                submitter_name=name[:150],
                phone=data.get("phone", ""),
                email=data.get("email", ""),
                anonymous=not name,
            ),
            idempotency_key=request.headers.get("Idempotency-Key", "")[:128],
        )
    except ValidationError as error:
        messages = (
            [f"{k}: {m}" for k, ms in error.message_dict.items() for m in ms]
            if hasattr(error, "error_dict")
            else error.messages
        )
        return _error(400, "; ".join(messages))
    except PermissionDenied as error:
        return _error(403, str(error))
    joined = result.petition.round if result.petition.round_id else None
    notice = intake_note(joined.title if joined is not None else None)
    body = [
        {
            "service_request_id": result.petition.public_id,
            "service_notice": notice,
            "account_id": None,
            "tracking_code": result.petition.code,
        }
    ]
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=201 if result.created else 200,
        content_type="application/json",
    )


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None
