"""What the policy hides stays hidden: the admin's message list shows no petitioner's address;
the conference desk and API show a denouncer's name only to roles that may see it."""

import pytest

from doithoai.dialogues.models import Speaker, Statement
from doithoai.notify.models import Message
from doithoai.notify.services import message_to_petitioner
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.petitions.tests.round_helpers import make_round

pytestmark = pytest.mark.django_db


def test_admin_message_pages_show_no_petitioner_address(client, demo_user, person):
    message_to_petitioner(actor=None, petition=person[0], key="petition_received")
    message = Message.objects.get(petition=person[0])
    assert message.to == person[0].email
    client.force_login(demo_user("quantri"))
    listing = client.get("/admin/notify/message/")
    assert listing.status_code == 200
    assert person[0].email not in listing.content.decode()
    assert f"#{person[0].pk}" in listing.content.decode()
    detail = client.get(f"/admin/notify/message/{message.pk}/change/")
    assert detail.status_code == 200
    assert person[0].email not in detail.content.decode()


@pytest.fixture
def secret_statement(db):
    round_ = make_round()
    petition = PetitionFactory(
        legal_kind=LegalKind.TO_CAO, confidential=True, submitter_name="Lò Văn Tố", unit=round_.unit
    )
    speaker = Speaker.objects.create(round=round_, name="Lò Văn Tố")
    Statement.objects.create(
        round=round_, speaker=speaker, speaker_name="Lò Văn Tố", petition=petition, text="Tố cáo"
    )
    Statement.objects.create(round=round_, speaker_name="Hà Thị Công Khai", text="Ý kiến khác")
    return round_


@pytest.mark.parametrize(
    ("username", "sees"),
    [
        ("lanhdao", True),
        ("vanphong", True),
        ("baochi", False),
        ("mttq", False),
        ("truongphong", False),
    ],
)
def test_the_desk_hides_a_denouncers_name(username, sees, client, demo_user, secret_statement):
    client.force_login(demo_user(username))
    response = client.get(f"/staff/doi-thoai/{secret_statement.pk}/hoi-nghi/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hà Thị Công Khai" in page
    assert ("Lò Văn Tố" in page) == sees
    assert ("Người phát biểu (giữ bí mật)" in page) == (not sees)


def test_the_api_hides_a_denouncers_name(client, demo_user, secret_statement):
    client.force_login(demo_user("baochi"))
    rows = client.get(f"/api/v1/dialogues/rounds/{secret_statement.pk}/statements").json()
    names = {r["speaker_name"] for r in rows}
    assert "Lò Văn Tố" not in names and "Hà Thị Công Khai" in names
