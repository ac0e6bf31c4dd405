"""Views that fail as they would during a database outage, for test_health.py."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path


def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("server closed the connection unexpectedly")


def broken(request: HttpRequest) -> HttpResponse:
    raise ValueError("a bug, not an outage")


urlpatterns = [
    path("trang/", database_gone),
    path("api/v1/kien-nghi/", database_gone),
    path("loi/", broken),
]
handler500 = "doithoai.core.health.server_error"
