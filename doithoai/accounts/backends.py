"""The login lockout's authentication backend (django-axes), first in AUTHENTICATION_BACKENDS."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a login from a locked account or address before any password is hashed, so a
    flood of guesses costs the server a lookup, not a hash.

    Every login from the web passes the request (the login pages' form does); an authentication
    without one (a shell, the test client's `login`) has no address to lock and is left to the
    next backend rather than refused."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
