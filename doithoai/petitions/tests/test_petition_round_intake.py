"""Every channel attaches a new petition to its unit's collecting round, and the receipt says so."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from doithoai.accounts.services import api_token_create
from doithoai.dialogues.models import RoundState
from doithoai.petitions.models import Petition
from doithoai.petitions.rounds import round_for_new_petition, unit_chain
from doithoai.petitions.tests.round_helpers import (
    city,
    close_every_round,
    elsewhere,
    make_round,
    ward,
)
from doithoai.petitions.tests.test_petition_import import GOOD, ward_file

ORDINARY = "xử lý phản ánh, kiến nghị thường xuyên"
TEXT = "Đường tổ 5 phường Đức Xuân xuống cấp, đề nghị thành phố sửa chữa sớm."


@pytest.fixture
def quiet(db):
    close_every_round()


def public_post(client, **extra):
    data = {
        "unit": str(ward().pk),
        "place": "Tổ 5",
        "legal_kind": "kien_nghi",
        "text": TEXT,
        "submitter_type": "nguoi_dan",
        "submitter_name": "Lê Thị Gửi",
        "phone": "0987654321",
        "consent": "on",
        "submission_token": f"tok-{timezone.now().timestamp()}",
        **extra,
    }
    return client.post("/gui-kien-nghi/", data)


# -- the rule ---------------------------------------------------------------------------------


def test_the_chain_is_the_ward_then_the_city_then_the_province(db):
    chain = unit_chain(ward())
    assert chain[:2] == [ward().pk, city().pk] and len(chain) == 3


def test_no_round_collecting_means_none(quiet):
    assert round_for_new_petition(ward()) is None


@pytest.mark.parametrize("state", [RoundState.DRAFT, RoundState.HELD, RoundState.CONCLUDED])
def test_a_round_not_collecting_is_not_used(quiet, state):
    make_round(state=state)
    assert round_for_new_petition(ward()) is None


@pytest.mark.parametrize("state", [RoundState.APPROVED, RoundState.ANNOUNCED])
def test_the_citys_collecting_round_covers_its_wards(quiet, state):
    round_ = make_round(state=state)
    assert round_for_new_petition(ward()) == round_


def test_a_ward_round_beats_the_city_round(quiet):
    make_round(title="Thành phố", days=5)
    own = make_round(unit=ward(), title="Phường Đức Xuân", days=40)
    assert round_for_new_petition(ward()) == own
    other_ward = city().children.exclude(pk=ward().pk).order_by("pk")[0]
    assert round_for_new_petition(other_ward).title == "Thành phố"


def test_between_two_city_rounds_the_nearest_conference_wins(quiet):
    make_round(title="Xa", days=90)
    near = make_round(title="Gần", days=10)
    assert round_for_new_petition(ward()) == near


def test_a_round_of_another_province_does_not_cover_the_ward(quiet):
    make_round(unit=elsewhere())
    assert round_for_new_petition(ward()) is None


# -- channels ---------------------------------------------------------------------------------


def test_public_form_joins_the_round_and_the_receipt_names_it(client, quiet):
    round_ = make_round()
    response = public_post(client)
    assert response.status_code == 302
    petition = Petition.objects.latest("id")
    assert petition.round == round_
    receipt = client.get(response["Location"]).content.decode()
    assert round_.title in receipt and "được đưa vào kỳ đối thoại" in receipt
    assert f'href="/doi-thoai/{round_.pk}/"' in receipt  # announced: its public page exists


def test_public_form_without_a_collecting_round_says_ordinary_handling(client, quiet):
    response = public_post(client)
    petition = Petition.objects.latest("id")
    assert petition.round is None
    receipt = client.get(response["Location"]).content.decode()
    assert ORDINARY in receipt
    lookup = client.post("/tra-cuu/", {"ma": petition.code}).content.decode()
    assert "Ngoài kỳ đối thoại" in lookup


def test_an_approved_round_is_named_without_a_link_to_a_page_it_does_not_have(client, quiet):
    round_ = make_round(state=RoundState.APPROVED)
    receipt = client.get(public_post(client)["Location"]).content.decode()
    assert round_.title in receipt and f"/doi-thoai/{round_.pk}/" not in receipt


def test_the_emailed_receipt_names_the_round(client, quiet, django_capture_on_commit_callbacks):
    round_ = make_round()
    with django_capture_on_commit_callbacks(execute=True):
        public_post(client, email="gui@example.vn", notify_email="on")
    assert len(mail.outbox) == 1 and round_.title in mail.outbox[0].body


def test_the_emailed_receipt_without_a_round_says_ordinary_handling(
    client, quiet, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        public_post(client, email="gui@example.vn", notify_email="on")
    assert len(mail.outbox) == 1 and ORDINARY in mail.outbox[0].body


def test_the_public_api_submits_into_the_round_and_its_lookup_names_it(client, quiet):
    round_ = make_round()
    body = {
        "text": TEXT,
        "unit_id": ward().pk,
        "submitter_name": "Lê Thị Gửi",
        "consent": True,
    }
    created = client.post(
        "/api/v1/public/petitions", json.dumps(body), content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["round_title"] == round_.title
    code = created.json()["code"]
    assert Petition.objects.get(code=code).round == round_
    found = client.get(f"/api/v1/public/petitions/{code}").json()
    assert found["round_title"] == round_.title and round_.title in found["round_note"]


def test_staff_entry_joins_the_round_and_says_so(client, demo_user, quiet):
    round_ = make_round(unit=ward(), title="Đối thoại phường Đức Xuân")
    client.force_login(demo_user("phuong"))
    data = {
        "unit": ward().pk,
        "channel": "phuong_xa",
        "legal_kind": "kien_nghi",
        "submitter_type": "nguoi_dan",
        "text": TEXT,
        "submitter_name": "Hà Văn Nhập",
        "submission_token": "staff-round-1",
    }
    response = client.post("/staff/kien-nghi/moi/", data, follow=True)
    petition = Petition.objects.latest("id")
    assert petition.round == round_ and petition.collected_by == demo_user("phuong")
    page = response.content.decode()
    assert "Đối thoại phường Đức Xuân" in page and petition.code in page


def test_staff_entry_without_a_round_says_ordinary_handling(client, demo_user, quiet):
    client.force_login(demo_user("vanphong"))
    data = {
        "unit": ward().pk,
        "channel": "mttq",
        "legal_kind": "kien_nghi",
        "submitter_type": "nguoi_dan",
        "text": TEXT,
        "anonymous": "on",
        "submission_token": "staff-round-2",
    }
    response = client.post("/staff/kien-nghi/moi/", data, follow=True)
    assert Petition.objects.latest("id").round is None
    assert ORDINARY in response.content.decode()


def _upload(client, action="preview", **extra):
    f = io.BytesIO(ward_file(GOOD))
    f.name = "phuong.xlsx"
    data = {"unit": ward().pk, "channel": "phuong_xa", "action": action, **extra}
    if action == "preview":
        data["file"] = f
    return client.post("/staff/kien-nghi/nhap/", data, follow=action == "commit")


def test_import_preview_names_the_round_and_the_commit_attaches_it(client, demo_user, quiet):
    round_ = make_round(title="Đối thoại nhập tệp")
    client.force_login(demo_user("phuong"))
    preview = _upload(client)
    assert preview.status_code == 200
    groups = preview.context["preview"].rounds
    assert [(g.title, g.rows) for g in groups] == [("Đối thoại nhập tệp", 2)]
    assert "Đối thoại nhập tệp" in preview.content.decode()
    done = _upload(client, "commit", sha=preview.context["sha"])
    created = Petition.objects.order_by("-id")[:2]
    assert {p.round_id for p in created} == {round_.pk}
    assert "Đối thoại nhập tệp" in done.content.decode()


def test_import_without_a_round_says_ordinary_handling(client, demo_user, quiet):
    client.force_login(demo_user("phuong"))
    preview = _upload(client)
    assert [(g.title, g.rows) for g in preview.context["preview"].rounds] == [(None, 2)]
    assert ORDINARY in preview.content.decode()


def test_import_command_attaches_the_round_and_reports_it(demo_user, quiet, tmp_path):
    round_ = make_round(title="Đối thoại lệnh nhập")
    path = tmp_path / "phuong.xlsx"
    path.write_bytes(ward_file(GOOD))
    out = io.StringIO()
    call_command("import_petitions", str(path), unit="01840", user="phuong", stdout=out)
    assert "2 kiến nghị: " in out.getvalue() and "Đối thoại lệnh nhập" in out.getvalue()
    assert {p.round_id for p in Petition.objects.order_by("-id")[:2]} == {round_.pk}


def test_a_conference_statement_joins_its_own_round_even_once_held(demo_user, quiet):
    from doithoai.dialogues.services import statement_record

    held = make_round(state=RoundState.HELD, days=-1)
    make_round(title="Kỳ khác đang tiếp nhận")
    statement = statement_record(
        actor=demo_user("vanphong"),
        round_=held,
        speaker_name="Lục Văn Hải",
        text="Đề nghị lắp đèn chiếu sáng ngõ 12 tổ 5.",
        new_petition_unit=ward(),
    )
    assert Petition.objects.get(pk=statement.petition_id).round == held


def test_open311_post_joins_the_round_and_its_notice_says_so(client, demo_user, quiet):
    round_ = make_round()
    user = demo_user("mttq")
    key = api_token_create(actor=user, user=user, name="open311")[1]
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "jurisdiction_id": "01846",
            "description": "Bãi rác tự phát cạnh suối tổ 4 gây ô nhiễm.",
        },
    )
    assert response.status_code == 201
    body = response.json()[0]
    assert Petition.objects.get(public_id=body["service_request_id"]).round == round_
    assert round_.title in body["service_notice"]


# -- the typed API ----------------------------------------------------------------------------


@pytest.fixture
def api(client, demo_user):
    user = demo_user("phuong")
    key = api_token_create(actor=user, user=user, name="test")[1]

    def post(**body):
        data = {"text": TEXT, "unit_id": ward().pk, "channel": "phuong_xa", **body}
        return client.post(
            "/api/v1/petitions",
            json.dumps(data),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )

    return post


def test_api_without_round_id_joins_the_collecting_round(api, quiet):
    round_ = make_round()
    response = api()
    assert response.status_code == 201
    assert response.json()["round"] == {"id": round_.pk, "title": round_.title}
    assert round_.title in response.json()["round_note"]
    assert Petition.objects.get(pk=response.json()["id"]).round == round_


def test_api_without_a_collecting_round_answers_round_null(api, quiet):
    response = api()
    assert response.status_code == 201 and response.json()["round"] is None
    assert ORDINARY in response.json()["round_note"]


def test_api_with_a_valid_round_id_uses_that_round(api, quiet):
    make_round(unit=ward(), title="Phường")
    city_round = make_round(title="Thành phố")
    response = api(round_id=city_round.pk)
    assert response.status_code == 201 and response.json()["round"]["id"] == city_round.pk


@pytest.mark.parametrize(
    "make",
    [
        lambda: 987654,  # no such round
        lambda: make_round(state=RoundState.HELD, days=-5).pk,
        lambda: make_round(state=RoundState.CONCLUDED, days=-60).pk,
        lambda: make_round(state=RoundState.DRAFT).pk,
        lambda: make_round(unit=elsewhere()).pk,  # does not cover the ward
    ],
    ids=["missing", "held", "concluded", "draft", "elsewhere"],
)
def test_api_refuses_a_round_id_that_is_not_open_to_the_petition(api, quiet, make):
    round_id = make()
    before = Petition.objects.count()
    response = api(round_id=round_id)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert errors and errors[0]["field"] == "round_id" and errors[0]["message"]
    assert Petition.objects.count() == before


def test_a_record_entered_late_may_name_the_round_it_was_received_for(api, quiet):
    """A paper petition received before a round's conference joins that round even once held."""
    held = make_round(state=RoundState.HELD, days=-3)
    received = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    response = api(round_id=held.pk, received_on=received)
    assert response.status_code == 201 and response.json()["round"]["id"] == held.pk


def test_api_list_filters_petitions_outside_every_round(client, demo_user, api, quiet):
    make_round()
    inside = api().json()["id"]
    close_every_round()
    outside = api().json()["id"]
    user = demo_user("phuong")
    key = api_token_create(actor=user, user=user, name="list")[1]
    found = client.get(
        "/api/v1/petitions", {"no_round": "true"}, HTTP_AUTHORIZATION=f"Bearer {key}"
    ).json()
    ids = [item["id"] for item in found["items"]]
    assert outside in ids and inside not in ids
    assert all(item["round"] is None for item in found["items"])
