from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doithoai.accounts.policies import active_memberships
from doithoai.core.navigation import public_links, staff_links


def public_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/public_home.html", {"links": public_links(request.user)})


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/staff_home.html",
        {"memberships": active_memberships(request.user), "links": staff_links(request.user)},
    )
