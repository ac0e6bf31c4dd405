"""The language links: a cookie, back to the page they were on, and a header cached per language
for visitors only."""

import pytest

pytestmark = pytest.mark.django_db


def test_switch_sets_the_cookie_and_returns_to_the_page(client):
    response = client.get("/ngon-ngu/en/", headers={"referer": "http://testserver/tra-cuu/?ma=X"})
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/tra-cuu/?ma=X"
    assert response.cookies["django_language"].value == "en"
    page = client.get("/tra-cuu/").content.decode()
    assert '<html lang="en">' in page and "Look up a petition" in page
    assert 'hreflang="en" aria-current="true"' in page and 'hreflang="vi" aria-current' not in page


@pytest.mark.parametrize(
    ("query", "referer"),
    [("", ""), ("?next=https://evil.example/", ""), ("", "https://evil.example/x")],
)
def test_switch_never_sends_the_visitor_to_another_site(client, query, referer):
    headers = {"referer": referer} if referer else {}
    response = client.get(f"/ngon-ngu/vi/{query}", headers=headers)
    assert response.status_code == 302 and response["Location"] == "/"


def test_unknown_language_is_404_and_sets_nothing(client):
    response = client.get("/ngon-ngu/xx/")
    assert response.status_code == 404 and "django_language" not in response.cookies


def test_cached_visitor_header_follows_the_language(client):
    assert "Đăng nhập cán bộ" in client.get("/tra-cuu/").content.decode()
    client.get("/ngon-ngu/en/")
    english = client.get("/tra-cuu/").content.decode()
    assert "Staff login" in english and "Đăng nhập cán bộ" not in english
    client.get("/ngon-ngu/vi/")
    assert "Đăng nhập cán bộ" in client.get("/tra-cuu/").content.decode()


def test_staff_header_is_never_served_to_visitors(client, demo_user):
    staff = demo_user("vanphong")
    client.force_login(staff)
    staff_page = client.get("/tra-cuu/").content.decode()
    assert "Đăng xuất" in staff_page and str(staff) in staff_page
    client.logout()
    visitor_page = client.get("/tra-cuu/").content.decode()
    assert "Đăng xuất" not in visitor_page and str(staff) not in visitor_page
    assert "Đăng nhập cán bộ" in visitor_page
