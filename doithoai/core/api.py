"""API plumbing shared by every router: token authentication and RFC 7807 problem responses."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, django_auth
from pydantic import field_validator

from doithoai.accounts.selectors import user_for_api_key

logger = logging.getLogger("doithoai.api")
PROBLEM = "application/problem+json"


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_api_key(token)
        if user is not None:
            request.user = user
        return user


class InputSchema(Schema):
    """Every request body and query of the API: text holding a NUL character (which PostgreSQL
    cannot store, and no petition needs) is refused with the other validation errors."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError(_("Văn bản không được chứa ký tự NUL (\\x00)."))
        return value


def staff_auth() -> list[Any]:
    """Bearer tokens for systems; the session (with CSRF) for pages calling the API."""
    return [TokenAuth(), django_auth]


def problem(status: int, title: str, detail: str = "", **extra: Any) -> HttpResponse:
    import json

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
        logger.exception("API error on %s %s", request.method, request.path)
        return problem(500, _("Lỗi hệ thống. Vui lòng thử lại sau."))

    api.add_exception_handler(NinjaValidationError, on_ninja_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(PermissionDenied, on_denied)
    api.add_exception_handler(Http404, on_missing)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(HttpError, on_http)
    api.add_exception_handler(Exception, on_error)
