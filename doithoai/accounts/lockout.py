"""The login lockout's glue to django-axes: the address it counts, the page a locked login sees,
and the event recorded when a lockout starts. Settings: AXES_* in config/settings/base.py."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doithoai.accounts.selectors_security import cool_off
from doithoai.accounts.services_security import login_lockout_record
from doithoai.core.network import client_address, parse_address


def lockout_address(request: HttpRequest) -> str | None:
    """The client's address (behind trusted proxies: the real client, `core.network`), or None
    when it is no IP address (the attempt is then counted per account only)."""
    address = client_address(request)
    return address if parse_address(address) is not None else None


def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """The answer to a login refused by the lockout: a Vietnamese page, 429."""
    minutes = max(1, int(cool_off().total_seconds() // 60))
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


def on_locked_out(
    sender: Any, request: Any, username: str | None, ip_address: str | None, **kwargs: Any
) -> None:
    """axes' `user_locked_out` signal: it also fires for each login refused during a lockout;
    only the attempt that reached the limit (axes then sets `axes_failures_since_start`) starts
    a lockout and is recorded."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        return
    login_lockout_record(username=username, ip_address=ip_address, failures=int(failures))
