"""The log of who viewed a petitioner's contact details: filled by the staff detail page and the
export, read only by the data-protection officer (others 404, nothing changed)."""

import datetime

import pytest
from django.utils import timezone

from doithoai.dataprotection.models import ContactView, ViewPlace
from doithoai.petitions.choices import LegalKind

pytestmark = pytest.mark.django_db
LOG = "/staff/du-lieu-ca-nhan/nhat-ky-xem/"


def test_staff_views_of_contact_details_are_logged(client, demo_user, person):
    officer = demo_user("vanphong")
    client.force_login(officer)
    page = client.get(f"/staff/kien-nghi/{person[0].pk}/").content.decode()
    assert person[0].phone in page
    view = ContactView.objects.get()
    assert (view.user, view.petition_id, view.place) == (officer, person[0].pk, ViewPlace.DETAIL)
    response = client.get("/staff/kien-nghi/xuat.xlsx")
    assert response.status_code == 200
    exported = set(
        ContactView.objects.filter(place=ViewPlace.EXPORT).values_list("petition_id", flat=True)
    )
    assert person[0].pk in exported and person[1].pk in exported


def test_a_view_without_contact_details_is_not_logged(client, demo_user, person):
    person[1].legal_kind = LegalKind.TO_CAO  # the ward officer may not see a denouncer
    person[1].save()
    client.force_login(demo_user("phuong"))
    page = client.get(f"/staff/kien-nghi/{person[1].pk}/").content.decode()
    assert person[1].phone not in page and person[1].submitter_name not in page
    assert not ContactView.objects.exists()


def test_the_officer_reads_and_filters_the_log(client, dpo, demo_user, person):
    client.force_login(demo_user("vanphong"))
    client.get(f"/staff/kien-nghi/{person[0].pk}/")
    client.force_login(demo_user("lanhdao"))
    client.get(f"/staff/kien-nghi/{person[1].pk}/")
    client.force_login(dpo)
    dpo_client = client
    page = dpo_client.get(LOG).content.decode()
    assert page.count('data-testid="log-row"') == 2
    assert "vanphong" in page and "lanhdao" in page
    assert person[0].phone not in page  # the log names petitions by number only
    page = dpo_client.get(LOG, {"nguoi": "vanphong"}).content.decode()
    assert page.count('data-testid="log-row"') == 1 and "lanhdao" not in page
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    page = dpo_client.get(LOG, {"tu_ngay": tomorrow}).content.decode()
    assert page.count('data-testid="log-row"') == 0
    page = dpo_client.get(LOG, {"tu_ngay": "không phải ngày"})
    assert page.status_code == 200


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "quantri", "mttq", "baochi"])
def test_the_log_is_the_officers_only(username, client, demo_user, person):
    client.force_login(demo_user("vanphong"))
    client.get(f"/staff/kien-nghi/{person[0].pk}/")
    count = ContactView.objects.count()
    client.force_login(demo_user(username))
    assert client.get(LOG).status_code == 404
    assert ContactView.objects.count() == count


def test_the_log_is_paged(dpo_client, demo_user, person):
    officer = demo_user("vanphong")
    ContactView.objects.bulk_create(
        [ContactView(user=officer, petition=person[0], place=ViewPlace.DETAIL) for _ in range(60)]
    )
    first = dpo_client.get(LOG).content.decode()
    assert first.count('data-testid="log-row"') == 50 and "Trang sau" in first
    second = dpo_client.get(LOG, {"trang": 2}).content.decode()
    assert second.count('data-testid="log-row"') == 10


def test_the_staff_api_logs_the_contact_details_it_returned(client, demo_user, person):
    from doithoai.accounts.services import api_token_create

    officer = demo_user("vanphong")
    key = api_token_create(actor=officer, user=officer, name="log")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    one = client.get(f"/api/v1/petitions/{person[0].pk}", **auth).json()
    assert one["submitter"]["phone"] == person[0].phone
    view = ContactView.objects.get()
    assert (view.user, view.petition_id, view.place) == (officer, person[0].pk, ViewPlace.API)
    listed = client.get("/api/v1/petitions", {"limit": 200}, **auth).json()["items"]
    with_contact = {i["id"] for i in listed if i["submitter"] and not i["submitter"]["anonymous"]}
    assert person[1].pk in with_contact
    logged = ContactView.objects.filter(place=ViewPlace.API).values_list("petition_id", flat=True)
    assert set(logged) == with_contact | {person[0].pk}
