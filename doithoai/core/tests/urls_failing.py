"""A URL that fails, for the server-error page test."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def failing(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [path("hong/", failing)]
