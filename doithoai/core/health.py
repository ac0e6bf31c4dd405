"""Health and outages: liveness and readiness for the process supervisor and the proxy, and the
error handler that tells people (503, Retry-After) when the database is away instead of a 500."""

import sys

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

from doithoai.core.api import problem
from doithoai.core.outages import OUTAGE_ERRORS

RETRY_AFTER_SECONDS = 30


@never_cache
def live(request: HttpRequest) -> HttpResponse:
    """The process answers (no database): the supervisor restarts it when this fails."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request: HttpRequest) -> HttpResponse:
    """The process can serve: the database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler, except during a database outage: 503 with Retry-After, as a problem
    document for the API and as a maintenance page for people. Touches no database."""
    error = sys.exc_info()[1]
    if not isinstance(error, OUTAGE_ERRORS):
        return django_server_error(request)
    if request.path.startswith("/api/"):
        response = problem(
            503,
            _("Hệ thống đang tạm ngừng phục vụ."),
            _("Cơ sở dữ liệu đang được khởi động lại. Vui lòng thử lại sau ít phút."),
        )
    else:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
