"""Staff pages of API keys: list one's keys, create one (its key shown once), revoke one."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doithoai.accounts import policies
from doithoai.accounts.forms_tokens import ApiTokenCreateForm, ApiTokenRevokeForm
from doithoai.accounts.models import User
from doithoai.accounts.selectors_tokens import (
    api_token_get_for,
    api_token_owners_for,
    api_tokens_for,
)
from doithoai.accounts.services import api_token_create, api_token_revoke
from doithoai.core.flash import post_form


def _check_staff(request: HttpRequest) -> None:
    if not policies.is_staff_member(request.user):
        raise PermissionDenied


def _staff_user(request: HttpRequest) -> User:
    """The logged-in user (`login_required` ran): an account, never the anonymous user."""
    assert isinstance(request.user, User)
    return request.user


def _create_form(request: HttpRequest, data: Any = None) -> ApiTokenCreateForm:
    if policies.can_manage_accounts(request.user):
        return ApiTokenCreateForm(
            data,
            owners=api_token_owners_for(user=request.user),
            initial={"owner": request.user.pk},
        )
    return ApiTokenCreateForm(data)


@login_required
@require_http_methods(["GET", "POST"])
def api_token_list(request: HttpRequest) -> HttpResponse:
    """The list and the create form. A new key is shown in the answer to the POST that created
    it and nowhere else: it is never stored, put in an address, the session or a log."""
    _check_staff(request)
    user = _staff_user(request)
    form = _create_form(request, request.POST if request.method == "POST" else None)
    created: dict[str, Any] | None = None
    if request.method == "POST" and form.is_valid():
        owner = form.cleaned_data.get("owner") or user
        token, key = api_token_create(actor=user, user=owner, name=form.cleaned_data["name"])
        created = {
            "token": token,
            "key": key,
            "endpoint": request.build_absolute_uri(reverse("api-v1:api-root")) + "petitions",
        }
        form = _create_form(request)
    sections = [
        {
            "title": _("Khóa API của bạn"),
            "tokens": api_tokens_for(user=user, owner=user),
            "show_owner": False,
        }
    ]
    if policies.can_manage_accounts(user):
        sections.append(
            {
                "title": _("Khóa API của các tài khoản khác"),
                "tokens": api_tokens_for(user=user).exclude(user_id=user.pk),
                "show_owner": True,
            }
        )
    context = {"form": form, "created": created, "sections": sections}
    response = render(request, "accounts/tokens.html", context)
    if created is not None:
        add_never_cache_headers(response)  # the key must not stay in any cache
    return response


@login_required
@require_POST
def api_token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    _check_staff(request)
    # 404 alike for a missing token and one the user may not see (another user's).
    token = api_token_get_for(user=request.user, token_id=token_id)
    return post_form(
        request,
        ApiTokenRevokeForm(request.POST),
        lambda data: api_token_revoke(actor=request.user, token=token, reason=data["reason"]),
        done=_("Đã thu hồi khóa %(name)s (%(prefix)s…).")
        % {"name": token.name, "prefix": token.prefix},
        invalid=_("Lý do quá dài (tối đa 500 ký tự); khóa chưa bị thu hồi."),
        then=redirect("api-token-list"),
    )
