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
def test_server_error_page_is_plain_and_bilingual():
    client = Client(raise_request_exception=False)
    response = client.get("/hong/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống đang gặp lỗi" in body and "Something went wrong" in body
    assert "Traceback" not in body and "RuntimeError" not in body
