"""The staff page's state form: a move along the table, a refused move and a bad post, each with
its message on the petition's page; nothing changes when refused."""

from django.urls import reverse

from doithoai.petitions.choices import PetitionState
from doithoai.petitions.tests.factories import PetitionFactory


def test_state_form_on_the_petition_page(client, demo_user):
    petition = PetitionFactory(state=PetitionState.RECEIVED)
    client.force_login(demo_user("vanphong"))
    url = reverse("petition-transition", args=[petition.pk])
    posted = {"to_state": "not_accepted", "reason_code": "out_of_remit", "forwarded_to": "Sở XD"}
    page = client.post(url, posted, follow=True).content.decode()
    assert "Đã cập nhật trạng thái" in page
    petition.refresh_from_db()
    assert (petition.state, petition.forwarded_to) == (PetitionState.NOT_ACCEPTED, "Sở XD")

    page = client.post(url, {"to_state": "grouped"}, follow=True).content.decode()
    assert "Đã cập nhật trạng thái" not in page
    page = client.post(url, {"to_state": "no-such-state"}, follow=True).content.decode()
    assert "Yêu cầu không hợp lệ" in page
    petition.refresh_from_db()
    assert (petition.state, petition.forwarded_to) == (PetitionState.NOT_ACCEPTED, "Sở XD")
