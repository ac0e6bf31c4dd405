"""The application's URLs plus a reference view: a bare Django view reading one row by primary
key, the yardstick the petition benchmark compares the API create and the public lookup with."""

from django.http import Http404, HttpRequest, JsonResponse
from django.urls import include, path

from doithoai.petitions.models import Petition


def reference(request: HttpRequest, pk: int) -> JsonResponse:
    row = (
        Petition.objects.filter(pk=pk)
        .values("id", "code", "state", "received_on", "unit_id")
        .first()
    )
    if row is None:
        raise Http404
    return JsonResponse(row)


urlpatterns = [
    path("bench/ref/<int:pk>/", reference, name="bench-reference"),
    path("", include("config.urls")),
]
