"""Error pages speak Vietnamese (English when chosen) and leave nothing of the request behind."""

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_unknown_page_is_a_vietnamese_404_with_ways_out(client):
    response = client.get("/khong-co-trang-nay/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in body and 'href="/tra-cuu/"' in body


def test_unknown_page_in_english(client):
    client.get("/ngon-ngu/en/")
    body = client.get("/khong-co-trang-nay/").content.decode()
    assert "Page not found" in body and "Không tìm thấy trang" not in body


@override_settings(ROOT_URLCONF="doithoai.core.tests.urls_failing")
def test_server_error_page_is_plain_and_in_the_readers_language():
    client = Client(raise_request_exception=False)
    response = client.get("/hong/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp lỗi" in body and 'lang="vi"' in body
    assert "Traceback" not in body and "RuntimeError" not in body
    client.cookies["django_language"] = "en"
    english = client.get("/hong/").content.decode()
    # through gettext: English once the lead's catalogue has the new strings
    assert 'lang="en"' in english and "Back to the public page" in english


def test_forbidden_page_is_vietnamese_with_ways_out(client):
    from doithoai.accounts.models import User

    client.force_login(User.objects.create_user("khongvaitro", password="x"))  # no role at all
    response = client.get("/staff/bao-cao/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "Không có quyền truy cập" in body and 'href="/staff/"' in body
    assert "Forbidden" not in body and 'lang="vi"' in body
    client.get("/ngon-ngu/en/")
    english = client.get("/staff/bao-cao/").content.decode()
    assert 'lang="en"' in english and "Back to the public page" in english


def test_csrf_failure_page_is_vietnamese():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/gui-kien-nghi/", {"text": "x"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in body and "CSRF verification failed" not in body


def test_blank_choice_of_a_select_is_vietnamese():
    from django import forms

    from doithoai.synthesis.models import Issue

    class IssueForm(forms.ModelForm):
        class Meta:
            model = Issue
            fields = ["topic", "state"]

    html = str(IssueForm())
    assert "Select an option" not in html and "— Chọn —" in html
