"""Access: one person's data across petitions, found by phone, e-mail or name, as a file read
back; correction of contact fields with an event that holds no values."""

import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from openpyxl import load_workbook

from doithoai.core.events import events_for
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import ContactView, RequestKind, ViewPlace
from doithoai.dataprotection.selectors import person_matches
from doithoai.dataprotection.services import request_carry_out
from doithoai.dataprotection.tests.conftest import EMAIL, NAME, PHONE
from doithoai.petitions.models import Petition

pytestmark = pytest.mark.django_db


def test_matches_by_phone_email_and_name(dpo, person, namesake, stranger):
    found = {
        m.petition.pk: m for m in person_matches(user=dpo, name=NAME, phone=PHONE, email=EMAIL)
    }
    assert set(found) == {p.pk for p in person} | {namesake.pk}
    assert found[person[0].pk].by == {"name", "phone", "email"}
    assert found[person[1].pk].by == {"name", "phone"}  # "+84 912 345 678"
    assert found[person[2].pk].by == {"email"}  # another case
    assert found[namesake.pk].by == {"name"} and not found[namesake.pk].strong
    assert stranger.pk not in found


def test_matches_only_in_the_officers_area(demo_user, person):
    with pytest.raises(Http404):  # a user with no officer's area
        person_matches(user=demo_user("vanphong"), phone=PHONE)


def _act(client, dsr, action, petitions, **extra):
    data = {"action": action, "petition": [p.pk for p in petitions], **extra}
    return client.post(f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/thuc-hien/", data)


def test_access_exports_the_persons_data_as_xlsx_and_json(
    dpo_client, dpo, make_request, person, stranger
):
    dsr = make_request(RequestKind.ACCESS)
    page = dpo_client.get(f"/staff/du-lieu-ca-nhan/yeu-cau/{dsr.pk}/").content.decode()
    assert page.count('data-testid="match"') == 3
    # A petition that is not this person's is ignored even when posted.
    response = _act(dpo_client, dsr, "export_xlsx", [*person, stranger])
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mã tra cứu" and "Họ và tên" in rows[0]
    codes = {r[0] for r in rows[1:]}
    assert codes == {p.code for p in person}
    flat = " ".join(str(v) for r in rows for v in r if v)
    assert NAME in flat and PHONE in flat and "le@example.vn" not in flat
    response = _act(dpo_client, dsr, "export_json", person[:1])
    data = json.loads(response.content)
    assert [p["email"] for p in data["petitions"]] == [EMAIL]
    assert data["fields"]["phone"] == "Điện thoại"
    logged = ContactView.objects.filter(user=dpo, place=ViewPlace.ACCESS)
    assert sorted(logged.values_list("petition_id", flat=True)) == sorted(
        [p.pk for p in person] + [person[0].pk]
    )
    assert [e.action for e in events_for(dsr)] == [
        DataProtectionEvents.DSR_RECEIVED,
        DataProtectionEvents.DSR_EXPORTED,
        DataProtectionEvents.DSR_EXPORTED,
    ]


def test_export_refused_for_another_kind_and_nothing_logged(dpo_client, make_request, person):
    dsr = make_request(RequestKind.ERASURE)
    response = _act(dpo_client, dsr, "export_xlsx", person)
    assert response.status_code == 302
    assert not ContactView.objects.exists()


def test_correction_changes_contact_fields_with_an_event_without_values(
    dpo, dpo_client, make_request, person
):
    dsr = make_request(RequestKind.CORRECTION)
    response = _act(
        dpo_client, dsr, "correct", person[:2], phone="0913 000 111", submitter_address="Tổ 9"
    )
    assert response.status_code == 302
    for p in person[:2]:
        p.refresh_from_db()
        assert p.phone == "0913 000 111" and p.submitter_address == "Tổ 9"
        event = events_for(p).filter(action=DataProtectionEvents.PETITION_CONTACT_CORRECTED).get()
        assert event.after == {"fields": ["phone", "submitter_address"], "request": dsr.pk}
        assert "0913" not in json.dumps(event.after) and "0912" not in json.dumps(event.before)
    person[2].refresh_from_db()
    assert person[2].phone == ""  # not ticked
    with pytest.raises(ValidationError):
        request_carry_out(
            actor=dpo, request=dsr, action="correct", petitions=person[:1], changes={"email": "x@"}
        )
    person[0].refresh_from_db()
    assert person[0].email == EMAIL


def test_correction_denied_to_other_roles(demo_user, make_request, person):
    dsr = make_request(RequestKind.CORRECTION)
    with pytest.raises(PermissionDenied):
        request_carry_out(
            actor=demo_user("vanphong"),
            request=dsr,
            action="correct",
            petitions=person[:1],
            changes={"phone": "0900000000"},
        )
    assert Petition.objects.get(pk=person[0].pk).phone == PHONE
    assert (
        not events_for(person[0])
        .filter(action=DataProtectionEvents.PETITION_CONTACT_CORRECTED)
        .exists()
    )
