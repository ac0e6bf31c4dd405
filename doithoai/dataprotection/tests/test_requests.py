"""Data-subject requests: recorded with their legal deadlines, stepped through once, listed with
due and overdue marks; only the officer reaches them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from doithoai.core.events import events_for
from doithoai.dataprotection import rules
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import DataSubjectRequest, RequestKind, RequestState
from doithoai.dataprotection.services import (
    request_acknowledge,
    request_close,
    request_extend,
    request_receive,
)
from doithoai.followup.calendar import add_working_days

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 2)


def test_deadlines_from_the_law(make_request):
    dsr = make_request(RequestKind.ACCESS, received_on=MONDAY)
    assert dsr.acknowledge_by == add_working_days(MONDAY, 2) == datetime.date(2026, 3, 4)
    assert dsr.due_on == MONDAY + datetime.timedelta(days=15)
    assert dsr.state == RequestState.RECEIVED
    friday = datetime.date(2026, 3, 6)
    assert make_request(RequestKind.ERASURE, received_on=friday).acknowledge_by == (
        datetime.date(2026, 3, 10)  # the weekend is not counted
    )
    event = events_for(dsr).get()
    assert event.action == DataProtectionEvents.DSR_RECEIVED
    assert "Bí Mật" not in str(event.after) and "0912" not in str(event.after)


def test_bad_input_is_refused_and_nothing_is_written(dpo, dpo_org):
    before = DataSubjectRequest.objects.count()
    with pytest.raises(ValidationError) as error:
        request_receive(
            actor=dpo,
            organisation=dpo_org,
            kind=RequestKind.ACCESS,
            identified_by="in_person",
            received_on=MONDAY,
        )
    assert "requester_name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        request_receive(
            actor=dpo,
            organisation=dpo_org,
            kind=RequestKind.ACCESS,
            identified_by="in_person",
            received_on=MONDAY,
            requester_phone="số của tôi",
            requester_email="không phải thư",
        )
    assert {"requester_phone", "requester_email"} <= set(error.value.message_dict)
    assert DataSubjectRequest.objects.count() == before


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "quantri", "phuong", "baochi"])
def test_only_the_officer_records_and_steps_requests(username, demo_user, dpo_org, make_request):
    dsr = make_request(RequestKind.ACCESS)
    before = DataSubjectRequest.objects.count()
    user = demo_user(username)
    with pytest.raises(PermissionDenied):
        request_receive(
            actor=user,
            organisation=dpo_org,
            kind=RequestKind.ACCESS,
            identified_by="in_person",
            received_on=MONDAY,
            requester_name="Ai Đó",
        )
    with pytest.raises(PermissionDenied):
        request_acknowledge(actor=user, request=dsr)
    dsr.refresh_from_db()
    assert DataSubjectRequest.objects.count() == before
    assert dsr.state == RequestState.RECEIVED and events_for(dsr).count() == 1


def test_acknowledge_extend_once_and_close(dpo, make_request):
    dsr = make_request(RequestKind.OBJECTION, received_on=MONDAY)
    request_acknowledge(actor=dpo, request=dsr)
    with pytest.raises(ValidationError):
        request_extend(actor=dpo, request=dsr, reason="  ")
    request_extend(actor=dpo, request=dsr, reason="Cần xác minh thêm với phường")
    assert dsr.due_on == MONDAY + datetime.timedelta(
        days=rules.COMPLETE_DAYS + rules.EXTENSION_DAYS
    )
    with pytest.raises(ValidationError):
        request_extend(actor=dpo, request=dsr, reason="Lần hai")
    with pytest.raises(ValidationError):
        request_close(actor=dpo, request=dsr, state=RequestState.DONE, outcome="")
    request_close(actor=dpo, request=dsr, state=RequestState.REFUSED, outcome="Không có căn cứ")
    dsr.refresh_from_db()
    assert dsr.state == RequestState.REFUSED and dsr.closed_at is not None
    with pytest.raises(ValidationError):
        request_acknowledge(actor=dpo, request=dsr)
    assert [e.action for e in events_for(dsr)] == [
        DataProtectionEvents.DSR_RECEIVED,
        DataProtectionEvents.DSR_ACKNOWLEDGED,
        DataProtectionEvents.DSR_EXTENDED,
        DataProtectionEvents.DSR_CLOSED,
    ]


def test_list_marks_overdue_and_is_paged(dpo_client, make_request):
    old = make_request(
        RequestKind.ACCESS, received_on=timezone.localdate() - datetime.timedelta(days=20)
    )
    fresh = make_request(RequestKind.CORRECTION)
    page = dpo_client.get("/staff/du-lieu-ca-nhan/?trang_thai=open").content.decode()
    assert f"#{old.pk}" in page and f"#{fresh.pk}" in page
    assert "Quá hạn" in page and "Trong hạn" in page
    assert "Bí Mật" not in page  # the list shows no requester
    for _ in range(30):
        make_request(RequestKind.ACCESS)
    first = dpo_client.get("/staff/du-lieu-ca-nhan/").content.decode()
    assert first.count('data-testid="request-row"') == 25 and "Trang sau" in first
    second = dpo_client.get("/staff/du-lieu-ca-nhan/?trang=2").content.decode()
    assert second.count('data-testid="request-row"') == 7


def test_new_request_through_the_page(dpo_client, dpo_org):
    response = dpo_client.post(
        "/staff/du-lieu-ca-nhan/yeu-cau/moi/",
        {
            "organisation": dpo_org.pk,
            "kind": "erasure",
            "requester_name": "Hà Văn Gửi",
            "requester_phone": "",
            "requester_email": "sai-dia-chi",
            "identified_by": "in_person",
            "received_on": "2026-03-02",
            "details": "",
        },
    )
    assert response.status_code == 200
    assert "Địa chỉ thư điện tử không hợp lệ." in response.content.decode()
    assert not DataSubjectRequest.objects.filter(requester_name="Hà Văn Gửi").exists()
    response = dpo_client.post(
        "/staff/du-lieu-ca-nhan/yeu-cau/moi/",
        {
            "organisation": dpo_org.pk,
            "kind": "erasure",
            "requester_name": "Hà Văn Gửi",
            "requester_email": "gui@example.vn",
            "identified_by": "in_person",
            "received_on": "2026-03-02",
        },
    )
    dsr = DataSubjectRequest.objects.get(requester_name="Hà Văn Gửi")
    assert response.status_code == 302 and response["Location"].endswith(f"/{dsr.pk}/")
    assert dsr.due_on == datetime.date(2026, 3, 17)


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "quantri", "chuyenvien", "mttq"])
def test_other_roles_get_404_on_every_page(username, client, demo_user, make_request):
    dsr = make_request(RequestKind.ERASURE)
    client.force_login(demo_user(username))
    for url in (
        "/staff/du-lieu-ca-nhan/",
        "/staff/du-lieu-ca-nhan/yeu-cau/moi/",
        f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/",
        "/staff/du-lieu-ca-nhan/nhat-ky-xem/",
        "/staff/du-lieu-ca-nhan/luu-giu/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/xac-nhan/").status_code == 404
    assert (
        client.post(
            f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/thuc-hien/", {"action": "erase"}
        ).status_code
        == 404
    )
    dsr.refresh_from_db()
    assert dsr.state == RequestState.RECEIVED and events_for(dsr).count() == 1


def test_the_officer_finds_the_pages_from_the_staff_home(dpo_client, make_request):
    page = dpo_client.get("/staff/").content.decode()
    assert "/staff/du-lieu-ca-nhan/" in page
    assert "sắp đến hạn hoặc quá hạn" not in page
    make_request(RequestKind.ACCESS, received_on=timezone.localdate() - datetime.timedelta(days=14))
    page = dpo_client.get("/staff/").content.decode()
    assert "yêu cầu về dữ liệu cá nhân sắp đến hạn hoặc quá hạn" in page


def test_other_staff_have_no_link(client, demo_user):
    client.force_login(demo_user("vanphong"))
    assert "/staff/du-lieu-ca-nhan/" not in client.get("/staff/").content.decode()
