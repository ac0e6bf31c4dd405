"""The one form-POST helper: valid form → service → message → answer; an invalid form or a refusal
becomes messages (or errors on the form), never an error page, and the service is not run."""

from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from doithoai.core.flash import form_page_post, post_action, post_form


class NameForm(forms.Form):
    name = forms.CharField(max_length=10)


def _request(method: str = "post", data: dict[str, str] | None = None) -> Any:
    request = getattr(RequestFactory(), method)("/", data or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _messages(request: Any) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def test_a_valid_form_runs_the_service_and_reports_it():
    request, seen = _request(data={"name": "An"}), []
    answer = post_form(
        request,
        NameForm(request.POST),
        lambda data: seen.append(data["name"]),
        done=lambda data: f"Đã lưu {data['name']}.",
        then=HttpResponseRedirect("/ve/"),
    )
    assert seen == ["An"]
    assert answer.status_code == 302 and answer["Location"] == "/ve/"
    assert _messages(request) == [("success", "Đã lưu An.")]


@pytest.mark.parametrize("invalid", [None, "Hãy nhập tên."])
def test_an_invalid_form_runs_nothing_and_reports_its_errors(invalid):
    request, seen = _request(data={"name": "x" * 11}), []
    answer = post_form(
        request,
        NameForm(request.POST),
        seen.append,
        done="Đã lưu.",
        then=HttpResponseRedirect("/ve/"),
        invalid=invalid,
    )
    assert seen == [] and answer.status_code == 302
    (level, text), *more = _messages(request)
    assert level == "error" and not more
    assert text == invalid if invalid else "10" in text


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (ValidationError("Quá hạn rồi."), "Quá hạn rồi."),
        (PermissionDenied("Không được."), "Không được."),
        (PermissionDenied(), "Bạn không có quyền thực hiện thao tác này."),
    ],
)
def test_a_refusal_becomes_a_message_and_the_answer_is_built_after_it(error, shown):
    request, order = _request(), []

    def refuse() -> None:
        order.append("service")
        raise error

    def answer() -> HttpResponse:
        order.append("answer")
        return HttpResponse("mảnh trang")

    response = post_action(request, refuse, done="Xong.", then=answer)
    assert response.content.decode() == "mảnh trang" and order == ["service", "answer"]
    assert _messages(request) == [("error", shown)]


def test_a_page_form_answers_only_a_success_and_keeps_refusals_on_the_form():
    def service(data: dict[str, str]) -> str:
        if data["name"] == "Trùng":
            raise ValidationError({"name": ["Tên đã có."]})
        return data["name"].upper()

    def page(data: dict[str, str] | None, **kw: Any) -> tuple[Any, Any, Any]:
        request = _request("post" if data is not None else "get", data)
        form = NameForm(data)
        answer = form_page_post(
            request,
            form,
            service,
            done=lambda result: f"Đã thêm {result}.",
            success=lambda result: HttpResponseRedirect(f"/{result}/"),
            **kw,
        )
        return answer, form, _messages(request)

    answer, _form, shown = page({"name": "an"})
    assert answer["Location"] == "/AN/" and shown == [("success", "Đã thêm AN.")]
    assert page(None)[0] is None  # a GET: the view renders its page
    answer, form, shown = page({"name": "Trùng"}, errors_on_form=True)
    assert answer is None and form.errors["name"] == ["Tên đã có."] and shown == []
    answer, form, shown = page({"name": "Trùng"})
    assert answer is None and "name" not in form.errors and shown == [("error", "Tên đã có.")]
    answer, form, shown = page({"name": ""}, report_errors=True)
    assert answer is None and form.errors and shown and shown[0][0] == "error"
    answer, form, shown = page({"name": ""})
    assert answer is None and form.errors and shown == []
