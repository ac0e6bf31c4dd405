"""API plumbing shared by every router: token authentication and RFC 7807 problem responses."""

import datetime
import json
import logging
import re
import typing
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationInfo, field_validator

from doithoai.core.outages import OUTAGE_ERRORS, outage_summary

logger = logging.getLogger("doithoai.api")
PROBLEM = "application/problem+json"
RETRY_AFTER_SECONDS = 30


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(annotation: Any) -> bool:
    """`datetime.date` or `datetime.date | None` (not datetime)."""
    if annotation is datetime.date:
        return True
    return any(arg is datetime.date for arg in typing.get_args(annotation))


class InputSchema(Schema):
    """Every request body and query of the API: text holding a NUL character (which PostgreSQL
    cannot store, and no petition needs) is refused with the other validation errors, and a date
    is only ever written YYYY-MM-DD (pydantic would otherwise read a number as a timestamp)."""

    @field_validator("*", mode="before")
    @classmethod
    def _dates_as_iso_text(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        if field is None or value is None or not _is_date(field.annotation):
            return value
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value.strip()):
            raise ValueError(_("Ngày phải viết theo dạng YYYY-MM-DD, ví dụ 2026-12-07."))
        return value.strip()

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError(_("Văn bản không được chứa ký tự NUL (\\x00)."))
        return value

    @field_validator("*", mode="after")
    @classmethod
    def _int_in_range(cls, value: Any) -> Any:
        """An integer, or a list of them, the database can hold (64 bits): a larger id names
        nothing, and SQLite and PostgreSQL refuse to compare with it (docs/security.md,
        "Inputs")."""
        items = value if isinstance(value, list | tuple | set) else [value]
        for item in items:
            too_big = not -(2**63) <= item < 2**63 if isinstance(item, int) else False
            if too_big and not isinstance(item, bool):
                raise ValueError(_("Số quá lớn."))
        return value


def problem(status: int, title: str, detail: str = "", **extra: Any) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        **({"detail": detail} if detail else {}),
        **extra,
    }
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, default=str), status=status, content_type=PROBLEM
    )


def _validation_errors(exc: NinjaValidationError) -> list[dict[str, Any]]:
    out = []
    for error in exc.errors:
        location = [str(p) for p in error.get("loc", []) if p not in ("body", "payload")]
        out.append({"field": ".".join(location), "message": str(error.get("msg", ""))})
    return out


def install_problem_handlers(api: NinjaAPI) -> None:
    def on_ninja_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(422, _("Dữ liệu gửi lên không hợp lệ."), errors=_validation_errors(exc))

    def on_django_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = [{"field": f, "message": m} for f, ms in exc.message_dict.items() for m in ms]
        else:
            errors = [{"field": "", "message": m} for m in exc.messages]
        conflict = (
            any(getattr(e, "code", "") == "idempotency_conflict" for e in exc.error_list)
            if not hasattr(exc, "error_dict")
            else "idempotency_key" in exc.message_dict
        )
        status = 409 if conflict else 422
        return problem(status, _("Dữ liệu gửi lên không hợp lệ."), errors=errors)

    def on_denied(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(403, _("Bạn không có quyền thực hiện thao tác này."))

    def on_missing(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(404, _("Không tìm thấy."))

    def on_auth(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(401, _("Cần xác thực: gửi khóa API trong tiêu đề Authorization: Bearer."))

    def on_http(request: HttpRequest, exc: Any) -> HttpResponse:
        return problem(exc.status_code, str(exc))

    def on_error(request: HttpRequest, exc: Any) -> HttpResponse:
        if isinstance(exc, OUTAGE_ERRORS):  # the database is away
            logger.warning(
                "API unavailable on %s %s: %s", request.method, request.path, outage_summary(exc)
            )
            response = problem(
                503,
                _("Hệ thống đang tạm ngừng phục vụ."),
                _("Cơ sở dữ liệu đang được khởi động lại. Vui lòng thử lại sau ít phút."),
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        logger.exception("API error on %s %s", request.method, request.path)
        return problem(500, _("Lỗi hệ thống. Vui lòng thử lại sau."))

    api.add_exception_handler(NinjaValidationError, on_ninja_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(PermissionDenied, on_denied)
    api.add_exception_handler(Http404, on_missing)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(HttpError, on_http)
    api.add_exception_handler(Exception, on_error)


# What every operation may answer besides its success, documented once for all of them.
PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 7807 problem details; `errors` lists the fields refused.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
    "required": ["type", "title", "status"],
}
PROBLEM_STATUSES = {
    400: "Bad request (malformed parameters)",
    401: "No valid API key (Authorization: Bearer)",
    403: "The key's user may not do this",
    404: "Not found, or not visible to the caller",
    409: "Conflict (an Idempotency-Key reused with another body)",
    422: "Invalid input: the problem's `errors` lists each field",
    429: "Too many requests from this client: retry later",
    500: "Server error",
    503: "The database is away: retry after Retry-After seconds",
}


def document_problems(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the problem answers each operation can give to its documented responses: 401/403
    where a key is needed, 404 and 422 where it takes input (an id in the path, the query or the
    body), 409 for bodies posted, 429 on the public operations (rate limited), 400/500/503
    everywhere."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    reference = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            statuses = {400, 500, 503}
            if operation.get("security"):
                statuses |= {401, 403}
            if operation.get("parameters") or operation.get("requestBody"):
                statuses |= {404, 422}  # what the path, the query or the body names may be gone
            if method == "post" and operation.get("requestBody"):
                statuses.add(409)
            if "/public/" in path:
                statuses.add(429)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                responses.setdefault(
                    status, {"description": PROBLEM_STATUSES[status], "content": reference}
                )
    return schema


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 handler, except under /api/: a path no operation matches (a text where an id
    goes) is answered like every other API error, as a problem."""
    if request.path.startswith("/api/"):
        return problem(404, _("Không tìm thấy."))
    return page_not_found(request, exception)
