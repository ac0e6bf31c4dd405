"""The secretariat keeps the topic list: list with counts, add, rename, retire; every other role
is refused and nothing changes; each change is an event and reaches every process's copy."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doithoai.accounts.services import api_token_create
from doithoai.core.events import events_for
from doithoai.core.models import Event
from doithoai.petitions import selectors, views_topics
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.selectors_topics import topic_rows_for
from doithoai.petitions.services.topics import topic_create, topic_update
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.petitions.tests.test_petition_submit import VALID_PUBLIC

pytestmark = pytest.mark.django_db

LIST = "/staff/linh-vuc/"
NEW = "/staff/linh-vuc/moi/"


def edit_url(code):
    return f"/staff/linh-vuc/{code}/"


def state():
    """Everything a topic page could change."""
    return (
        sorted(Topic.objects.values_list("code", "name", "description", "active")),
        Event.objects.count(),
    )


@pytest.fixture
def secretariat(client, demo_user):
    client.force_login(demo_user("tinh"))
    return client


def test_urls_are_the_ones_the_navigation_uses():
    assert reverse("topic-list") == LIST
    assert reverse("topic-new") == NEW
    assert reverse("topic-edit", args=["giao_thong"]) == edit_url("giao_thong")


def test_list_shows_every_topic_with_its_petition_count(secretariat, django_assert_num_queries):
    PetitionFactory.create_batch(3, topic=Topic.objects.get(code="giao_thong"))
    PetitionFactory(topic=Topic.objects.get(code="dat_dai"))
    Topic.objects.filter(code="khac").update(active=False)
    response = secretariat.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('href="/staff/linh-vuc/') >= 14
    assert "Giải phóng mặt bằng, bồi thường, tái định cư" in html and "Ngừng dùng" in html
    user = response.wsgi_request.user
    rows = {row.topic.code: row for row in topic_rows_for(user=user)}
    assert len(rows) == Topic.objects.count() == 14
    assert rows["giao_thong"].petitions == 3 and rows["dat_dai"].petitions == 1
    assert rows["moi_truong"].petitions == 0 and rows["khac"].topic.active is False
    with django_assert_num_queries(2):  # the topics and one GROUP BY over the petitions
        topic_rows_for(user=user)


def test_list_has_an_empty_state(secretariat, monkeypatch):
    monkeypatch.setattr(views_topics, "topic_rows_for", lambda *, user: [])
    response = secretariat.get(LIST)
    assert response.status_code == 200 and "Chưa có lĩnh vực nào." in response.content.decode()


def test_secretariat_adds_a_topic(secretariat, django_capture_on_commit_callbacks):
    assert selectors.active_topic("nuoc_sach") is None  # this process's copy is read now
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = secretariat.post(
            NEW, {"code": "nuoc_sach", "name": "  Nước sạch nông thôn ", "description": "Cấp nước"}
        )
    assert response.status_code == 302 and response["Location"] == LIST
    assert len(callbacks) == 1
    topic = Topic.objects.get(code="nuoc_sach")
    assert (topic.name, topic.description, topic.active) == (
        "Nước sạch nông thôn",
        "Cấp nước",
        True,
    )
    [event] = events_for(topic)
    assert event.action == PetitionEvents.TOPIC_CREATED and event.actor.username == "tinh"
    assert event.after["code"] == "nuoc_sach" and event.after["name"] == "Nước sạch nông thôn"
    assert selectors.active_topic("nuoc_sach").name == "Nước sạch nông thôn"
    followed = secretariat.get(LIST)
    assert "Đã thêm lĩnh vực nuoc_sach." in followed.content.decode()
    assert "nuoc_sach" in followed.content.decode()


def test_secretariat_renames_and_describes_a_topic(secretariat, django_capture_on_commit_callbacks):
    assert selectors.active_topic("giao_thong").name == "Giao thông"
    page = secretariat.get(edit_url("giao_thong"))
    assert page.status_code == 200 and 'value="Giao thông"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(
            edit_url("giao_thong"),
            {"name": "Giao thông, vận tải", "description": "Đường, cầu", "active": "on"},
        )
    assert response.status_code == 302
    topic = Topic.objects.get(code="giao_thong")
    assert (topic.name, topic.description, topic.active) == (
        "Giao thông, vận tải",
        "Đường, cầu",
        True,
    )
    [event] = events_for(topic)
    assert event.action == PetitionEvents.TOPIC_UPDATED
    assert event.before == {"name": "Giao thông", "description": ""}
    assert event.after == {"name": "Giao thông, vận tải", "description": "Đường, cầu"}
    assert selectors.active_topic("giao_thong").name == "Giao thông, vận tải"
    assert "Đã lưu lĩnh vực giao_thong." in secretariat.get(LIST).content.decode()


def test_saving_without_a_change_writes_no_event(secretariat):
    before = state()
    response = secretariat.post(edit_url("an_ninh"), {"name": "An ninh trật tự", "active": "on"})
    assert response.status_code == 302 and state() == before


def test_an_administrator_manages_topics_too(client, demo_user):
    client.force_login(demo_user("quantri"))
    assert client.get(LIST).status_code == 200
    assert client.post(NEW, {"code": "qt_moi", "name": "Do quản trị thêm"}).status_code == 302
    assert Topic.objects.filter(code="qt_moi").exists()


@pytest.fixture
def retired(secretariat, django_capture_on_commit_callbacks):
    """giao_thong retired through the page, with its commit callbacks run."""
    assert selectors.active_topic("giao_thong") is not None
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(edit_url("giao_thong"), {"name": "Giao thông"})
    assert response.status_code == 302
    return Topic.objects.get(code="giao_thong")


def test_retiring_keeps_the_topic_and_its_petitions(retired):
    assert retired.active is False and retired.name == "Giao thông"
    [event] = events_for(retired)
    assert event.before == {"active": True} and event.after == {"active": False}
    assert selectors.active_topic("giao_thong") is None


def test_a_retired_topic_comes_back(secretariat, retired, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(edit_url("giao_thong"), {"name": "Giao thông", "active": "on"})
    assert Topic.objects.get(code="giao_thong").active is True
    assert selectors.active_topic("giao_thong") is not None
    assert events_for(retired).count() == 2


def test_the_api_refuses_a_retired_topic(client, demo_user, retired):
    user = demo_user("phuong")
    key = api_token_create(actor=user, user=user, name="test")[1]
    body = {
        "text": "Đề nghị sửa biển báo giao thông ở ngã ba tổ 7.",
        "unit_id": ward().pk,
        "channel": "phuong_xa",
        "submitter_name": "Vi Văn Biển",
        "topic": "giao_thong",
    }
    before = Petition.objects.count()
    response = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 422, response.content
    assert "topic" in response.content.decode()
    assert Petition.objects.count() == before
    body["topic"] = "dat_dai"  # the same request with an active topic goes through
    ok = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert ok.status_code == 201 and ok.json()["topic"] == "dat_dai"


def test_the_staff_entry_form_refuses_a_retired_topic(client, demo_user, retired):
    client.force_login(demo_user("phuong"))
    data = {
        "unit": ward().pk,
        "channel": "phuong_xa",
        "legal_kind": "kien_nghi",
        "submitter_type": "nguoi_dan",
        "text": "Đề nghị sửa biển báo giao thông ở ngã ba tổ 7.",
        "submission_token": "t1",
    }
    before = Petition.objects.count()
    response = client.post("/staff/kien-nghi/moi/", {**data, "topic": retired.pk})
    assert response.status_code == 400 and Petition.objects.count() == before
    assert 'name="topic"' in response.content.decode()
    assert f'value="{retired.pk}"' not in response.content.decode()  # not offered either


def test_the_public_form_never_files_under_a_retired_topic(client, retired):
    """The public form does not ask for a topic: a posted one is ignored, never stored."""
    assert 'value="giao_thong"' not in client.get("/gui-kien-nghi/").content.decode()
    response = client.post(
        "/gui-kien-nghi/", {**VALID_PUBLIC, "unit": str(ward().pk), "topic": "giao_thong"}
    )
    assert response.status_code == 302
    assert Petition.objects.latest("id").topic is None


@pytest.mark.parametrize("username", ["phuong", "chuyenvien", "baochi", "lanhdao", "mttq"])
def test_other_roles_are_refused_and_nothing_changes(client, demo_user, username):
    client.force_login(demo_user(username))
    before = state()
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.get(edit_url("giao_thong")).status_code == 403
    assert client.post(NEW, {"code": "lau_moi", "name": "Lấu"}).status_code == 403
    assert client.post(edit_url("giao_thong"), {"name": "Đổi tên"}).status_code == 403
    assert state() == before
    assert LIST not in client.get(reverse("staff-home")).content.decode()


def test_the_navigation_offers_the_list_to_the_secretariat(secretariat):
    assert LIST in secretariat.get(reverse("staff-home")).content.decode()


@pytest.mark.parametrize("url", [LIST, NEW, edit_url("giao_thong")])
def test_anonymous_is_sent_to_login(client, url):
    before = state()
    response = client.post(url, {"code": "an_danh", "name": "Ẩn danh"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.get(url)["Location"].startswith(reverse("login"))
    assert state() == before


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"code": "giao_thong", "name": "Trùng"}, "code", "Mã lĩnh vực này đã có."),
        ({"code": "Giao-Thong", "name": "Sai mã"}, "code", "Mã lĩnh vực gồm 2 đến 32 ký tự"),
        ({"code": "x", "name": "Ngắn"}, "code", "Mã lĩnh vực gồm 2 đến 32 ký tự"),
        ({"code": "a" * 33, "name": "Dài"}, "code", "Mã lĩnh vực gồm 2 đến 32 ký tự"),
        ({"code": "đất_đai", "name": "Có dấu"}, "code", "Mã lĩnh vực gồm 2 đến 32 ký tự"),
        ({"code": "", "name": "Thiếu mã"}, "code", "Mã lĩnh vực gồm 2 đến 32 ký tự"),
        ({"code": "moi", "name": "Trùng địa chỉ"}, "code", "Mã này dành riêng cho hệ thống"),
        ({"code": "ten_rong", "name": "   "}, "name", "Hãy nhập tên lĩnh vực."),
        ({"code": "ten_dai", "name": "x" * 201}, "name", "Tên lĩnh vực dài tối đa 200 ký tự."),
        (
            {"code": "mo_ta", "name": "Mô tả dài", "description": "x" * 2001},
            "description",
            "Mô tả dài tối đa 2000 ký tự.",
        ),
    ],
)
def test_bad_input_is_shown_by_its_field_and_writes_nothing(secretariat, data, field, message):
    before = state()
    response = secretariat.post(NEW, data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert message in response.content.decode()
    assert state() == before


def test_bad_edit_input_is_shown_and_writes_nothing(secretariat):
    before = state()
    response = secretariat.post(edit_url("dat_dai"), {"name": "", "active": "on"})
    assert response.status_code == 200
    assert "Hãy nhập tên lĩnh vực." in response.content.decode()
    assert state() == before


def test_messages_switch_to_english(secretariat):
    response = secretariat.post(
        NEW, {"code": "giao_thong", "name": "Trùng"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "This topic code already exists." in response.content.decode()


def test_a_nul_character_writes_nothing(secretariat):
    """The middleware refuses a NUL in any form parameter before the page runs (400); the
    services refuse one too, for callers that are not pages."""
    before = state()
    assert secretariat.post(NEW, {"code": "nul_ten", "name": "Tên\x00"}).status_code == 400
    assert secretariat.post(edit_url("dat_dai"), {"name": "Đất\x00"}).status_code == 400
    assert state() == before
    user = secretariat.get(LIST).wsgi_request.user
    with pytest.raises(ValidationError) as error:
        topic_create(actor=user, code="nul_ten", name="Tên\x00")
    assert "name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        topic_create(actor=user, code="nul\x00", name="Tên")
    assert "code" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        topic_update(
            actor=user,
            topic=Topic.objects.get(code="dat_dai"),
            name="Đất đai",
            description="\x00",
            active=True,
        )
    assert "description" in error.value.message_dict
    assert state() == before


def test_malformed_posts_never_fail(secretariat):
    before = state()
    for url in (NEW, edit_url("dat_dai")):
        assert secretariat.post(url, {}).status_code == 200
        assert secretariat.post(url, "rác", content_type="text/plain").status_code == 200
    assert secretariat.post(NEW, {"name": ["a", "b"], "code": ["x", "y"]}).status_code == 200
    undecodable = b"name=\xff\xfe&code=%ZZ"
    form = "application/x-www-form-urlencoded"
    assert secretariat.post(NEW, undecodable, content_type=form).status_code == 200
    assert (
        secretariat.post(edit_url("dat_dai"), {"name": ["", " "], "active": ["x", ""]}).status_code
        == 200
    )
    assert secretariat.get(edit_url("khong_co")).status_code == 404
    assert secretariat.get("/staff/linh-vuc/khong co/").status_code == 404
    assert state() == before


def test_the_code_cannot_be_edited(secretariat):
    response = secretariat.post(
        edit_url("dat_dai"), {"code": "dat_dai_moi", "name": "Đất đai", "active": "on"}
    )
    assert response.status_code == 302
    assert Topic.objects.filter(code="dat_dai").exists()
    assert not Topic.objects.filter(code="dat_dai_moi").exists()
    assert 'name="code"' not in secretariat.get(edit_url("dat_dai")).content.decode()


def test_the_services_check_the_policy(demo_user):
    before = state()
    officer = demo_user("phuong")
    with pytest.raises(PermissionDenied):
        topic_create(actor=officer, code="tu_y", name="Tự ý")
    with pytest.raises(PermissionDenied):
        topic_update(
            actor=officer,
            topic=Topic.objects.get(code="dat_dai"),
            name="Đổi",
            description="",
            active=False,
        )
    with pytest.raises(PermissionDenied):
        topic_rows_for(user=officer)
    assert state() == before
