"""How the API knows a staff member: a bearer API key (accounts' tokens) or the session."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from doithoai.accounts.selectors import user_for_api_key


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_api_key(token)
        if user is not None:
            request.user = user
        return user


def staff_auth() -> list[Any]:
    """Bearer tokens for systems; the session (with CSRF) for pages calling the API."""
    return [TokenAuth(), django_auth]
