"""Staff and public pages of a round; no personal data on public pages."""

import pytest
from django.urls import reverse

from doithoai.dialogues.models import Invitee, Round, RoundState
from doithoai.dialogues.services import agenda_build, agenda_item_open


@pytest.fixture
def filled(round_):
    from doithoai.demo.dialogues import demo_dialogues

    demo_dialogues(None)
    round_.refresh_from_db()
    return round_


def test_public_page_has_time_venue_deadline_and_form_link(client, filled):
    page = client.get(reverse("dialogue-public", args=[filled.pk])).content.decode()
    assert "Hội trường lớn tầng 1" in page and "23/09/2016" in page and "10/09/2016" in page
    assert reverse("petition-new-public") in page
    assert "Nông Thị Huệ" not in page  # invitees are not published


def test_draft_round_is_not_public(client, draft_round):
    assert client.get(reverse("dialogue-public", args=[draft_round.pk])).status_code == 404
    assert client.get(reverse("dialogue-projector", args=[draft_round.pk])).status_code == 404


def test_notice_for_loudspeakers(client, filled):
    page = client.get(reverse("dialogue-notice", args=[filled.pk])).content.decode()
    assert "THÔNG BÁO" in page and "Giải phóng mặt bằng" in page and "10/09/2016" in page


def test_public_registration(client, filled):
    url = reverse("dialogue-register", args=[filled.pk])
    client.post(url, {"name": "Vi Văn Tâm", "phone": "0987654321"})
    assert Invitee.objects.filter(round=filled, name="Vi Văn Tâm", self_registered=True).exists()
    client.post(url, {"name": ""})
    assert Invitee.objects.filter(round=filled, self_registered=True).count() == 1


def test_invitation_has_a_qr_code_that_checks_in(client, filled, demo_user):
    client.force_login(demo_user("vanphong"))
    invitee = filled.invitees.first()
    page = client.get(reverse("dialogue-invitation", args=[filled.pk, invitee.pk])).content.decode()
    assert "<svg" in page and str(invitee.token) in page
    scan = reverse("dialogue-checkin-scan", args=[filled.pk, invitee.token])
    assert client.get(scan).status_code == 200
    client.post(scan)
    invitee.refresh_from_db()
    assert invitee.state == "present"


def test_projector_shows_the_current_issue_without_personal_data(client, filled, issues, demo_user):
    items = [i for i in agenda_build(actor=demo_user("vanphong"), round_=filled) if i.issue_id]
    agenda_item_open(actor=demo_user("vanphong"), item=items[0])
    live = client.get(reverse("dialogue-projector-live", args=[filled.pk])).content.decode()
    assert items[0].title in live and 'hx-trigger="every 2s"' in live
    petition = items[0].issue.memberships.first().petition
    if petition.submitter_name:
        assert petition.submitter_name not in live


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("vanphong", 200),
        ("lanhdao", 200),
        ("mttq", 200),
        ("phuong", 200),
        ("baochi", 200),
        ("chuyenvien", 200),
    ],
)
def test_staff_pages_per_role(client, filled, demo_user, username, status):
    client.force_login(demo_user(username))
    assert client.get(reverse("dialogue-round", args=[filled.pk])).status_code == status
    assert client.get(reverse("dialogue-conference", args=[filled.pk])).status_code == status


def test_refused_statement_from_the_page_is_a_message_not_a_500(client, filled, demo_user):
    client.force_login(demo_user("mttq"))
    response = client.post(
        reverse("dialogue-statement", args=[filled.pk]),
        {"text": "Ý kiến", "speaker_name": "A"},
        follow=True,
    )
    assert response.status_code == 200
    assert "không có quyền" in response.content.decode()
    assert not filled.statements.exists()


def test_document_download_and_missing_builder(client, filled, demo_user, monkeypatch):
    from doithoai.core import document_kinds as registry

    client.force_login(demo_user("vanphong"))
    r = client.get(reverse("dialogue-document", args=[filled.pk, "plan", "docx"]))
    assert r.status_code == 200 and r.content.startswith(b"PK")
    monkeypatch.delitem(registry.BUILDERS, "results")  # as when followup is not installed
    r = client.get(reverse("dialogue-document", args=[filled.pk, "results", "pdf"]))
    assert r.status_code == 404 and "results" in r.content.decode()


def test_round_transition_from_the_page(client, draft_round, demo_user):
    client.force_login(demo_user("lanhdao"))
    client.post(reverse("dialogue-transition", args=[draft_round.pk]), {"state": "approved"})
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.APPROVED


def test_secretariat_edits_the_plan_and_adds_a_task(client, draft_round, demo_user):
    from doithoai.units.models import Organisation

    url = reverse("dialogue-plan-edit", args=[draft_round.pk])
    client.force_login(demo_user("mttq"))
    assert client.get(url).status_code == 404
    client.force_login(demo_user("vanphong"))
    page = client.get(url)
    assert page.status_code == 200
    data = {
        "title": "Đối thoại quý II",
        "venue": "Nhà văn hóa tổ 7",
        "starts_at": "2017-05-02T08:00",
        "intake_deadline": "2017-04-20",
        "open_seats": "10",
        "purposes": "Lắng nghe ý kiến",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    draft_round.refresh_from_db()
    assert draft_round.venue == "Nhà văn hóa tổ 7" and draft_round.open_seats == 10
    assert str(draft_round.intake_deadline) == "2017-04-20"
    bad = client.post(url, {**data, "open_seats": "-1"})
    assert bad.status_code == 200
    draft_round.refresh_from_db()
    assert draft_round.open_seats == 10
    mttq = Organisation.objects.get(unit=draft_round.unit, code="mttq")
    client.post(
        reverse("dialogue-task-add", args=[draft_round.pk]),
        {
            "group": "MTTQ",
            "organisation": mttq.pk,
            "text": "Tổng hợp ý kiến",
            "due_on": "2017-04-20",
        },
    )
    assert draft_round.tasks.get().organisation == mttq
