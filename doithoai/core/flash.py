"""Running a service from a page and telling the user how it went, in Vietnamese.

The one way a staff or public page handles a post:

- `post_form(request, form, action, done=..., then=...)`: a form posted from a page that answers
  with a redirect (or an htmx fragment): when the form is valid the service runs and its outcome
  is flashed; an invalid form flashes its errors (or one `invalid` sentence); the answer is `then`
  either way.
- `post_action(request, action, done=..., then=...)`: the same for a button without a form.
- `form_page_post(request, form, action, done=..., success=...)`: a page that shows its own
  form: a valid post runs the service and, when it succeeded, answers `success(result)` (a
  redirect); otherwise None, and the view renders the page again with the form and its errors
  (a service's refusal on the form itself with `errors_on_form`).

Each runs the service through `attempt`: a refusal (`ValidationError`, `PermissionDenied`)
becomes a message, never an error page.
"""

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

# What a handler answers: a response made before the service ran (a redirect back), or a
# callable that makes it afterwards (a fragment showing the changed state).
Answer = HttpResponse | Callable[[], HttpResponse]


def _refused(
    request: HttpRequest,
    error: ValidationError | PermissionDenied,
    form: forms.BaseForm | None = None,
) -> None:
    if isinstance(error, PermissionDenied):
        messages.error(request, str(error) or _("Bạn không có quyền thực hiện thao tác này."))
    elif form is not None:
        add_form_errors(form, error)
    else:
        for message in error.messages:
            messages.error(request, message)


def attempt_result(
    request: HttpRequest, action: Callable[[], Any], done: str | Callable[[Any], str]
) -> tuple[bool, Any]:
    """`attempt` that also hands back what the service returned (None when it was refused);
    `done` may be written from that result."""
    try:
        result = action()
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
        return False, None
    messages.success(request, done if isinstance(done, str) else done(result))
    return True, result


def attempt(request: HttpRequest, action: Callable[[], object], done: str) -> bool:
    """Run a service; turn refusals into messages on the next page instead of errors."""
    return attempt_result(request, action, done)[0]


def form_errors(request: HttpRequest, form: object, message: str | None = None) -> None:
    """Report an invalid form on the next page: `message` when given, else each of its errors."""
    if message is not None:
        messages.error(request, message)
        return
    for field_errors in getattr(form, "errors", {}).values():
        for error in field_errors:
            messages.error(request, error)


def add_form_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, per field where the form has that field."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _answer(then: Answer) -> HttpResponse:
    return then if isinstance(then, HttpResponse) else then()


def post_form(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    *,
    done: str | Callable[[Mapping[str, Any]], str],
    then: Answer,
    invalid: str | None = None,
) -> HttpResponse:
    """A posted form: when valid, `action(cleaned_data)` runs through `attempt` and `done`
    (fixed, or written from the cleaned data) is flashed on success; when not, `invalid` (or
    each of the form's errors) is flashed. Answers `then` in every case."""
    if form.is_valid():
        data = form.cleaned_data
        attempt(request, lambda: action(data), done if isinstance(done, str) else done(data))
    else:
        form_errors(request, form, invalid)
    return _answer(then)


def post_action(
    request: HttpRequest, action: Callable[[], object], *, done: str, then: Answer
) -> HttpResponse:
    """A posted button without a form: run `action` through `attempt`, answer `then`."""
    attempt(request, action, done)
    return _answer(then)


def form_page_post(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], Any],
    *,
    done: str | Callable[[Any], str],
    success: Callable[[Any], HttpResponse],
    report_errors: bool = False,
    errors_on_form: bool = False,
) -> HttpResponse | None:
    """A page showing its own form: on a valid POST run `action(cleaned_data)`; when it
    succeeded flash `done` (fixed, or written from the service's result) and answer
    `success(result)`. None otherwise (a GET, an invalid form, a refusal): the view renders the
    page with the form, its errors and the messages. `report_errors`: an invalid form's errors
    are flashed too; `errors_on_form`: a service's ValidationError goes on the form's fields
    instead of the messages."""
    if request.method != "POST":
        return None
    if not form.is_valid():
        if report_errors:
            form_errors(request, form)
        return None
    data = form.cleaned_data
    try:
        result = action(data)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error, form if errors_on_form else None)
        return None
    messages.success(request, done if isinstance(done, str) else done(result))
    return success(result)
