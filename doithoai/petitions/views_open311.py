"""Open311 GeoReport v2: services are topics, requests are petitions; JSON and XML.

Endpoints under `/open311/v2/` (the format is the path's suffix, `.json` or `.xml`):
`discovery` (also at `/open311/discovery`), `services`, `services/<code>` (the service definition),
`requests` (GET a list, POST a new request), `requests/<id>`. Errors take the spec's form, a list
of {code, description} (`<errors><error>…` in XML), never a 500; an unknown format is a 404 in
JSON. docs/open311.md is the integrators' guide.

GET answers carry no personal data and no free text (which may name people): the description
is the topic and the unit. A request's `service_request_id` is the petition's public id (32
letters, `codes.new_public_id`), never its tracking code: the code is the petitioner's secret
(lookup, reopen). The detail and the list's `service_request_id` filter take public ids.

The list is newest first and paged: `page_size` (default 50, at most 200) requests of `page`
(default 1); a `Link: <…>; rel="next"` header points to the next page when there is one. Its date
window follows the spec: `end_date` defaults to now and `start_date` to 90 days before `end_date`;
`service_request_id` overrides the other filters, as the spec says.

`jurisdiction_id` may be any unit code of the installation's jurisdiction (open311_jurisdiction):
on a GET it narrows the requests to what that unit covers; an unknown code is a 404.

POST needs a staff or partner API key whose memberships cover the unit and goes through the same
intake service as every other channel. Its answer gives the new request's public id and, to that
authenticated client only, the tracking code to hand to the petitioner (`tracking_code`, an
extension of the format).
"""

import datetime
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from doithoai.accounts.selectors import user_for_api_key
from doithoai.core.models import Event
from doithoai.petitions.choices import Channel, LegalKind, PetitionState, SubmitterType
from doithoai.petitions.codes import normalise_public_id
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.open311_format import FORMATS, answer, error
from doithoai.petitions.open311_jurisdiction import (
    jurisdiction_area,
    jurisdiction_units,
    unit_for_submission,
)
from doithoai.petitions.rounds import intake_note
from doithoai.petitions.selectors import active_topic
from doithoai.petitions.selectors_open311 import RequestFilters, open311_request, open311_requests
from doithoai.petitions.services import PetitionInput, petition_submit

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When the service definitions below last changed (the discovery's changeset, unless a topic
# changed later).
DEFINITIONS_CHANGED = datetime.datetime(2026, 12, 7, tzinfo=datetime.UTC)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_IDS = 50
WINDOW = datetime.timedelta(days=90)
STATUSES = {"open", "closed"}

View = Callable[..., HttpResponse]


def _endpoint(*methods: str) -> Callable[[View], View]:
    """An Open311 view: an unknown format is a 404 and another method a 405, both in the spec's
    form; a GET's `jurisdiction_id` must name a unit of the jurisdiction (404 otherwise) and
    reaches the view as `area`, the unit ids it covers (None without one)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
            if fmt not in FORMATS:
                return error("json", 404, _("Định dạng chỉ có thể là json hoặc xml."))
            if request.method not in methods:
                refused = error(fmt, 405, _("Phương thức không được hỗ trợ ở địa chỉ này."))
                refused["Allow"] = ", ".join(methods)
                return refused
            area = None
            code = request.GET.get("jurisdiction_id", "")
            if request.method == "GET" and code:
                units = jurisdiction_units(code)
                if not units:
                    return error(fmt, 404, _unknown_jurisdiction(code))
                area = jurisdiction_area(units)
            return view(request, *args, fmt=fmt, area=area, **kwargs)

        return wrapper

    return decorate


def _unknown_jurisdiction(code: str) -> str:
    return _("Không có đơn vị hành chính mã jurisdiction_id '%(code)s' trong địa bàn phục vụ.") % {
        "code": code[:40]
    }


def _iso(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


def _day_end(value: datetime.date | None) -> str | None:
    """A due date as the spec's datetime: the end of that day, local time."""
    if value is None:
        return None
    end = datetime.datetime.combine(value, datetime.time(23, 59, 59))
    return timezone.make_aware(end).isoformat()


def _request_out(p: Petition) -> dict[str, Any]:
    topic = p.topic.name if p.topic else ""
    return {
        "service_request_id": p.public_id,
        "status": "closed" if p.state == PetitionState.NOT_ACCEPTED or p.resolved_at else "open",
        "status_notes": p.get_state_display(),
        "service_name": topic,
        "service_code": p.topic.code if p.topic else "",
        "description": f"{topic} — {p.unit.name}" if topic else p.unit.name,
        "agency_responsible": p.assigned_to.name if p.assigned_to else "",
        "service_notice": "",
        "requested_datetime": _iso(p.created_at),
        "updated_datetime": _iso(p.updated_at),
        "expected_datetime": _day_end(p.due_on),
        "address": p.unit.name,
        "address_id": None,
        "zipcode": None,
        "lat": float(p.latitude) if p.latitude is not None else None,
        "long": float(p.longitude) if p.longitude is not None else None,
        "media_url": None,
    }


def _requests(fmt: str, rows: list[dict[str, Any]], status: int = 200) -> HttpResponse:
    return answer(fmt, rows, root="service_requests", item="request", status=status)


# -- discovery and services -------------------------------------------------------------------


def _changeset() -> datetime.datetime:
    """When the service list or definitions last changed: a topic's last edit, or this module's."""
    topic_events = Event.objects.filter(object_type=ContentType.objects.get_for_model(Topic))
    edited = topic_events.aggregate(at=Max("created_at"))["at"]
    return max(edited, DEFINITIONS_CHANGED) if edited else DEFINITIONS_CHANGED


@_endpoint("GET")
def discovery(request: HttpRequest, *, fmt: str, area: set[int] | None) -> HttpResponse:
    changeset = _iso(_changeset())
    root = reverse("open311-services").rsplit("/", 1)[0]
    body = {
        "changeset": changeset,
        "contact": _("Văn phòng HĐND và UBND phụ trách hệ thống: %(url)s")
        % {"url": request.build_absolute_uri(reverse("public-home"))},
        "key_service": _(
            "Cán bộ tự tạo khóa API (api_key) cho tài khoản của mình, quản trị viên tạo khóa "
            "cho hệ thống đối tác, tại %(url)s"
        )
        % {"url": request.build_absolute_uri(reverse("api-token-list"))},
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri(root),
                "changeset": changeset,
                "type": "production",
                "formats": [FORMATS["xml"].split(";")[0], FORMATS["json"].split(";")[0]],
            }
        ],
    }
    return answer(fmt, body, root="discovery")


@_endpoint("GET")
def services(request: HttpRequest, *, fmt: str, area: set[int] | None) -> HttpResponse:
    rows = [
        {
            "service_code": t.code,
            "service_name": t.name,
            "description": t.description,
            "metadata": True,  # the attributes of every service: see _attributes
            "type": "realtime",
            "keywords": "",
            "group": "",
        }
        for t in Topic.objects.filter(active=True)
    ]
    return answer(fmt, rows, root="services", item="service")


def _attributes() -> list[dict[str, Any]]:
    """The optional fields every service takes (`attribute[<code>]` in a POST)."""

    def values(choices: list[tuple[str, Any]]) -> list[dict[str, str]]:
        return [{"key": key, "name": str(name)} for key, name in choices]

    kinds = [(k, n) for k, n in SubmitterType.choices if k != SubmitterType.ANONYMOUS]
    return [
        {
            "variable": True,
            "code": "legal_kind",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("Mặc định: kiến nghị."),
            "order": 1,
            "description": _("Loại đơn"),
            "values": values(LegalKind.choices),
        },
        {
            "variable": True,
            "code": "submitter_type",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": _("Mặc định: người dân."),
            "order": 2,
            "description": _("Người gửi là"),
            "values": values(kinds),
        },
        {
            "variable": True,
            "code": "place",
            "datatype": "string",
            "required": False,
            "datatype_description": _("Tối đa 200 ký tự."),
            "order": 3,
            "description": _("Nơi xảy ra sự việc (tổ, thôn, tuyến đường)"),
            "values": [],
        },
    ]


@_endpoint("GET")
def service_definition(
    request: HttpRequest, service_code: str, *, fmt: str, area: set[int] | None
) -> HttpResponse:
    topic = active_topic(service_code) if len(service_code) <= 64 else None
    if topic is None:
        return error(
            fmt,
            404,
            _("Không có lĩnh vực (service_code) '%(code)s'.") % {"code": service_code[:40]},
        )
    body = {"service_code": topic.code, "attributes": _attributes()}
    return answer(fmt, body, root="service_definition")


# -- requests ---------------------------------------------------------------------------------


@_endpoint("GET")
def request_detail(
    request: HttpRequest, public_id: str, *, fmt: str, area: set[int] | None
) -> HttpResponse:
    normal = normalise_public_id(public_id)
    petition = open311_request(normal, area=area) if normal else None
    if petition is None:
        return error(fmt, 404, _("Không tìm thấy yêu cầu (service_request_id) này."))
    return _requests(fmt, [_request_out(petition)])


@csrf_exempt  # machine-to-machine: authenticated by api_key, no session cookie is used
@_endpoint("GET", "POST")
def requests_collection(request: HttpRequest, *, fmt: str, area: set[int] | None) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    params = request.GET
    try:
        page = _positive(params.get("page"), default=1)
        page_size = _positive(params.get("page_size"), default=PAGE_SIZE)
    except ValueError:
        return error(fmt, 400, _("page và page_size phải là số nguyên dương."))
    if page_size > MAX_PAGE_SIZE:
        return error(fmt, 400, _("page_size tối đa là %(n)d.") % {"n": MAX_PAGE_SIZE})
    statuses = {s.strip() for s in params.get("status", "").split(",") if s.strip()}
    if statuses - STATUSES:
        return error(fmt, 400, _("status chỉ có thể là open, closed hoặc cả hai (open,closed)."))
    try:
        start, end = _window(params.get("start_date", ""), params.get("end_date", ""))
    except ValueError as refused:
        return error(fmt, 400, str(refused))
    ids = params.get("service_request_id", "")
    filters = RequestFilters(
        public_ids=_public_ids(ids) if ids else None,
        service_codes=[c.strip() for c in params.get("service_code", "").split(",") if c.strip()],
        statuses=statuses,
        start=start,
        end=end,
        area=area,
    )
    found = open311_requests(filters, offset=(page - 1) * page_size, limit=page_size + 1)
    response = _requests(fmt, [_request_out(p) for p in found[:page_size]])
    if len(found) > page_size:  # one more than a page was read: there is a next page
        following = params.copy()
        following["page"] = str(page + 1)
        response["Link"] = f'<{request.path}?{following.urlencode()}>; rel="next"'
    return response


def _window(start_text: str, end_text: str) -> tuple[datetime.datetime, datetime.datetime]:
    """The list's date window (ValueError with the message to show when a date is bad)."""
    invalid = _("Ngày không hợp lệ: dùng dạng ISO 8601 (W3C), ví dụ 2026-05-01T00:00:00+07:00.")
    try:
        end = _aware(datetime.datetime.fromisoformat(end_text)) if end_text else timezone.now()
        start = _aware(datetime.datetime.fromisoformat(start_text)) if start_text else end - WINDOW
        # Stored in UTC: a date at the edge of the calendar may have no UTC time.
        start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise ValueError(invalid) from None
    if start.year < 1900 or end.year > 9000:  # the database's time zone shift would overflow
        raise ValueError(invalid)
    if start > end:
        raise ValueError(_("start_date sau end_date."))
    return start, end


def _public_ids(value: str) -> list[str]:
    """The public ids in a comma-separated parameter (at most 50); what is not one is skipped."""
    return [n for n in (normalise_public_id(part) for part in value.split(",")[:MAX_IDS]) if n]


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


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    data = request.POST
    user = user_for_api_key(data.get("api_key", ""))
    if user is None:
        return error(fmt, 403, _("Khóa api_key không hợp lệ."))
    code = data.get("jurisdiction_id") or data.get("unit_code", "")
    if not code:
        return error(fmt, 400, _("Thiếu jurisdiction_id: mã phường, xã nơi gửi kiến nghị."))
    units = jurisdiction_units(code)
    if not units:
        return error(fmt, 404, _unknown_jurisdiction(code))
    unit = unit_for_submission(user, units)
    if unit is None:
        return error(fmt, 403, _("Khóa api_key này không được gửi kiến nghị cho địa bàn này."))
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
                legal_kind=data.get("attribute[legal_kind]") or LegalKind.KIEN_NGHI,
                submitter_type=data.get("attribute[submitter_type]") or SubmitterType.RESIDENT,
                place=data.get("attribute[place]", ""),
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
    except ValidationError as refused:
        messages = (
            [f"{k}: {m}" for k, ms in refused.message_dict.items() for m in ms]
            if hasattr(refused, "error_dict")
            else refused.messages
        )
        return error(fmt, 400, "; ".join(messages))
    except PermissionDenied as refused:
        return error(fmt, 403, str(refused))
    joined = result.petition.round if result.petition.round_id else None
    body = [
        {
            "service_request_id": result.petition.public_id,
            "service_notice": intake_note(joined.title if joined is not None else None),
            "account_id": None,
            "tracking_code": result.petition.code,
        }
    ]
    return _requests(fmt, body, status=201 if result.created else 200)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None
