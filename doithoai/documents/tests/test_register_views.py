"""The register's pages: the round's section, issuing from it, the frozen files and the yearly
register, per role."""

import hashlib

import pytest
from django.urls import reverse

from doithoai.documents import services
from doithoai.documents.models import IssuedDocument, IssuedFile

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_round_page_loads_the_issued_documents_section(client, round_a, demo_user):
    client.force_login(demo_user("vanphong"))
    page = client.get(reverse("dialogue-round", args=[round_a.pk])).content.decode()
    assert f'hx-get="{reverse("documents-round", args=[round_a.pk])}"' in page
    assert 'id="van-ban-ban-hanh"' in page


def test_the_secretariat_sees_what_can_be_issued(client, round_a, demo_user, quick):
    services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    client.force_login(demo_user("vanphong"))
    response = client.get(reverse("documents-round", args=[round_a.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "01/KH-UBND" in html and "Ban hành lại số 01/KH-UBND" in html
    assert "Cấp số và ban hành: Giấy mời" in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    # without htmx: a page of its own
    page = client.get(reverse("documents-round", args=[round_a.pk]))
    assert "<html" in page.content.decode() and "01/KH-UBND" in page.content.decode()


def test_a_department_officer_reads_but_does_not_issue(client, round_a, demo_user, quick):
    services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    client.force_login(demo_user("chuyenvien"))
    html = client.get(reverse("documents-round", args=[round_a.pk]), **HTMX).content.decode()
    assert "01/KH-UBND" in html and "Cấp số và ban hành:" not in html
    assert "Ban hành lại số" not in html and 'name="action"' not in html
    response = client.post(
        reverse("documents-issue", args=[round_a.pk]), {"kind": "invitation"}, follow=True
    )
    assert "không có quyền" in response.content.decode()
    assert not IssuedDocument.objects.filter(kind="invitation").exists()


def test_the_press_sees_no_section_and_no_file(client, round_a, demo_user, quick):
    issued = services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    client.force_login(demo_user("baochi"))
    response = client.get(reverse("documents-round", args=[round_a.pk]), **HTMX)
    assert response.status_code == 200 and response.content == b""
    assert client.get(reverse("documents-round", args=[round_a.pk])).status_code == 404
    url = reverse("documents-download", args=[issued.pk, "pdf"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("documents-register")).status_code == 404


def test_issue_and_reissue_from_the_page(client, round_a, demo_user, quick):
    client.force_login(demo_user("lanhdao"))
    url = reverse("documents-issue", args=[round_a.pk])
    response = client.post(url, {"kind": "minutes", "action": "issue"}, follow=True)
    assert response.redirect_chain[-1][0].endswith(
        reverse("dialogue-round", args=[round_a.pk]) + "#van-ban-ban-hanh"
    )
    assert "Đã cấp số và ban hành văn bản." in response.content.decode()
    assert IssuedDocument.objects.get(kind="minutes").symbol == "01/BB-UBND"
    # a second "issue" is refused with a message
    again = client.post(url, {"kind": "minutes", "action": "issue"}, follow=True)
    assert "đã được ban hành (số 01/BB-UBND)" in again.content.decode()
    reissue = {"kind": "minutes", "action": "reissue", "version": "1", "reason": "Bổ sung"}
    client.post(url, reissue, follow=True)
    client.post(url, reissue, follow=True)  # the same form again: refused, no third version
    versions = list(IssuedDocument.objects.filter(kind="minutes").values_list("version", "reason"))
    assert sorted(versions) == [(1, ""), (2, "Bổ sung")]
    bad = client.post(url, {"kind": "minutes", "action": "reissue", "version": "x"}, follow=True)
    assert bad.status_code == 200 and "lý do" in bad.content.decode()
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("vanphong", 200),
        ("lanhdao", 200),
        ("mttq", 200),
        ("chuyenvien", 200),
        ("phuong", 200),
        ("baochi", 404),
        ("tinh", 200),
        ("quantri", 200),
    ],
)
def test_download_is_permission_checked_and_never_cached(
    username, status, client, round_a, demo_user, quick
):
    issued = services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    client.force_login(demo_user(username))
    response = client.get(reverse("documents-download", args=[issued.pk, "pdf"]))
    assert response.status_code == status
    if status != 200:
        return
    stored = IssuedFile.objects.get(document=issued, format="pdf")
    assert hashlib.sha256(response.content).hexdigest() == stored.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="ke-hoach-so-01-{issued.year}-lan-1.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    docx = client.get(reverse("documents-download", args=[issued.pk, "docx"]))
    assert docx.content.startswith(b"PK") and docx["Content-Type"].endswith("document")


def test_download_of_a_missing_file_or_format_is_404(client, round_a, demo_user, quick):
    issued = services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    client.force_login(demo_user("vanphong"))
    assert client.get(reverse("documents-download", args=[issued.pk, "odt"])).status_code == 404
    assert (
        client.get(reverse("documents-download", args=[issued.pk + 99, "pdf"])).status_code == 404
    )
    client.logout()
    response = client.get(reverse("documents-download", args=[issued.pk, "pdf"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_yearly_register_lists_every_version_by_series(
    client, round_a, round_b, demo_user, quick
):
    clerk = demo_user("vanphong")
    services.document_issue(actor=clerk, round_=round_a, kind="plan")
    services.document_issue(actor=clerk, round_=round_b, kind="plan")
    services.document_issue(actor=clerk, round_=round_a, kind="invitation")
    services.document_reissue(actor=clerk, round_=round_a, kind="plan", reason="Sửa lỗi chính tả")
    client.force_login(demo_user("lanhdao"))
    html = client.get(reverse("documents-register")).content.decode()
    assert html.index("01/GM-UBND") < html.index("01/KH-UBND") < html.index("02/KH-UBND")
    assert html.count("01/KH-UBND") == 2 and "Sửa lỗi chính tả" in html
    only_kh = client.get(reverse("documents-register"), {"series": "KH"}).content.decode()
    assert "01/GM-UBND" not in only_kh and "02/KH-UBND" in only_kh
    odd = client.get(
        reverse("documents-register"), {"year": "abc", "organisation": "x", "page": "z"}
    )
    assert odd.status_code == 200 and "02/KH-UBND" in odd.content.decode()
