"""The staff home: what waits for the user, their roles and the pages their roles reach. Here in
accounts, not core, because the roles are accounts' (layers, docs/adr)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doithoai.accounts.policies import active_memberships
from doithoai.core.navigation import staff_links
from doithoai.core.worklist import worklist_for


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    """The staff home: what waits for the user (lines the apps register), their roles and the
    pages their roles reach."""
    return render(
        request,
        "core/staff_home.html",
        {
            "work": worklist_for(request.user),
            "memberships": active_memberships(request.user),
            "links": staff_links(request.user),
        },
    )
