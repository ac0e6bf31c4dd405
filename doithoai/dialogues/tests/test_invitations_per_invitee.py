"""Each invitee's own invitation (name and check-in QR code), alone or all in one PDF."""

import pytest
from django.urls import reverse

from doithoai.core.rendering import Image
from doithoai.core.rendering.tests.readback import docx_document, normalise, pdf_reader, pdf_text
from doithoai.dialogues.documents.invitations import checkin_url, qr_png


@pytest.fixture
def planned_round(round_):
    from doithoai.demo.dialogues import demo_dialogues

    demo_dialogues(None)
    round_.refresh_from_db()
    return round_


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_one_pdf_holds_one_page_with_a_qr_code_per_invitee(client, demo_user, planned_round):
    invitees = list(planned_round.invitees.exclude(state="declined").order_by("group", "name"))
    declined = planned_round.invitees.order_by("id").first()
    declined.state = "declined"
    declined.save()
    invitees = [i for i in invitees if i.pk != declined.pk]
    assert len(invitees) >= 2
    response = _get(
        client,
        demo_user("vanphong"),
        reverse("dialogue-invitations-pdf", args=[planned_round.pk]),
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    reader = pdf_reader(response.content)
    assert len(reader.pages) == len(invitees)
    for page, invitee in zip(reader.pages, invitees, strict=True):
        text = normalise(page.extract_text())
        assert "GIẤY MỜI" in text and normalise(invitee.name) in text
        assert "Mã QR điểm danh" in text
        assert page.get_contents().get_data().count(b" Do") == 1  # one picture drawn per page
    assert normalise(declined.name) not in normalise(
        " ".join(p.extract_text() for p in reader.pages)
    )


def test_the_docx_of_one_invitee_carries_the_qr_code_of_their_check_in_link(
    client, demo_user, planned_round
):
    invitee = planned_round.invitees.order_by("id").last()
    url = reverse("dialogue-invitation-file", args=[planned_round.pk, invitee.pk, "docx"])
    response = _get(client, demo_user("vanphong"), url)
    assert response.status_code == 200
    document = docx_document(response.content)
    text = normalise(" ".join(p.text for p in document.paragraphs))
    assert f"Ông (Bà): {invitee.name}" in text and "GIẤY MỜI" in normalise(
        " ".join(p.text for t in document.tables for c in t._cells for p in c.paragraphs) + text
    )
    assert len(document.inline_shapes) == 1
    blobs = [part.blob for part in document.part.package.parts if part.partname.endswith(".png")]
    assert blobs == [qr_png(checkin_url(invitee))]
    assert str(invitee.token) in checkin_url(invitee)


def test_a_ward_officer_prints_the_ward_invitees_and_others_get_nothing(
    client, demo_user, planned_round
):
    from doithoai.units.models import Scheme, Unit

    url = reverse("dialogue-invitations-pdf", args=[planned_round.pk])
    assert _get(client, demo_user("phuong"), url).status_code == 200
    other_ward = Unit.objects.filter(scheme=Scheme.LEGACY_2004, parent=planned_round.unit).exclude(
        pk=planned_round.invitees.first().unit_id
    )[0]
    planned_round.invitees.update(unit=other_ward)
    assert _get(client, demo_user("phuong"), url).status_code == 404
    invitee = planned_round.invitees.first()
    for username in ("baochi", "chuyenvien", "mttq", "phuong"):
        assert _get(client, demo_user(username), url).status_code == 404, username
        one = reverse("dialogue-invitation-file", args=[planned_round.pk, invitee.pk, "pdf"])
        assert _get(client, demo_user(username), one).status_code == 404, username


def test_an_unknown_format_is_not_found(client, demo_user, planned_round):
    invitee = planned_round.invitees.first()
    url = reverse("dialogue-invitation-file", args=[planned_round.pk, invitee.pk, "html"])
    assert _get(client, demo_user("vanphong"), url).status_code == 404


def test_an_image_block_takes_only_png_that_fits_the_page():
    png = qr_png("https://example.org/")
    assert Image(png, width_mm=30).width_mm == 30
    with pytest.raises(ValueError):
        Image(b"GIF89a", width_mm=30)
    with pytest.raises(ValueError):
        Image(png, width_mm=400)


@pytest.mark.parametrize("username", ["baochi", "chuyenvien"])
def test_an_invitation_page_is_only_for_those_who_print_invitations(
    client, demo_user, planned_round, username
):
    """The press and a department officer may read the round, not open an invitee's invitation
    with the QR code that checks them in."""
    invitee = planned_round.invitees.order_by("id").first()
    url = reverse("dialogue-invitation", args=[planned_round.pk, invitee.pk])
    assert _get(client, demo_user("vanphong"), url).status_code == 200
    reader = demo_user(username)
    assert (
        _get(client, reader, reverse("dialogue-round", args=[planned_round.pk])).status_code == 200
    )
    response = _get(client, reader, url)
    assert response.status_code == 404
    assert str(invitee.token) not in response.content.decode()


def test_invitations_use_the_administrators_replacement_page(
    client, demo_user, planned_round, replacement_page
):
    invitee = planned_round.invitees.order_by("id").last()
    urls = [
        reverse("dialogue-invitation-file", args=[planned_round.pk, invitee.pk, "pdf"]),
        reverse("dialogue-invitations-pdf", args=[planned_round.pk]),
    ]
    for url in urls:
        response = _get(client, demo_user("vanphong"), url)
        assert response.status_code == 200, url
        assert replacement_page in pdf_text(response.content), url
