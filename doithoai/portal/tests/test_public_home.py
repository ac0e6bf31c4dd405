"""The public home shows each round being announced (when, where, how to send, until when, its
printable notice) and links the results boards of finished rounds; drafts never appear."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from doithoai.dialogues.models import Round, RoundState

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def make_round(demo_round, *, title, state, day=None, deadline=None, venue=""):
    return Round.objects.create(
        unit=demo_round.unit,
        organisation=demo_round.organisation,
        title=title,
        state=state,
        starts_at=datetime.datetime(2031, 9, day or 20, 8, 30, tzinfo=HCM),
        venue=venue,
        intake_deadline=deadline,
    )


def test_home_shows_an_announced_round_with_date_venue_deadline_form_and_notice(client, demo_round):
    Round.objects.exclude(pk=demo_round.pk).update(state=RoundState.DRAFT)
    announced = make_round(
        demo_round,
        title="Đối thoại trực tiếp năm 2031",
        state=RoundState.ANNOUNCED,
        deadline=datetime.date(2031, 9, 10),
        venue="Hội trường UBND phường Đức Xuân",
    )
    make_round(demo_round, title="Kỳ còn dự thảo", state=RoundState.DRAFT)
    page = client.get("/").content.decode()
    assert announced.title in page and "Kỳ còn dự thảo" not in page
    assert "08:30, ngày 20/09/2031" in page and "Hội trường UBND phường Đức Xuân" in page
    assert "10/09/2031" in page
    assert f'href="{reverse("dialogue-notice", args=[announced.pk])}"' in page
    assert f'href="{reverse("dialogue-public", args=[announced.pk])}"' in page
    assert f'href="{reverse("petition-new-public")}"' in page


def test_home_links_the_results_board_of_finished_rounds_only(client, demo_round):
    Round.objects.exclude(pk=demo_round.pk).update(state=RoundState.DRAFT)
    Round.objects.filter(pk=demo_round.pk).update(state=RoundState.CONCLUDED)
    announced = make_round(demo_round, title="Kỳ sắp tới", state=RoundState.ANNOUNCED)
    page = client.get("/").content.decode()
    assert f'href="{reverse("portal-board", args=[demo_round.pk])}"' in page
    assert f'href="{reverse("portal-board", args=[announced.pk])}"' not in page
    assert 'data-testid="finished-' in page and 'data-testid="announced-' in page


def test_home_lists_at_most_five_of_each_and_links_all_results(client, demo_round):
    Round.objects.update(state=RoundState.DRAFT)
    for day in range(1, 8):
        make_round(demo_round, title=f"Kỳ đã họp {day}", state=RoundState.CONCLUDED, day=day)
    page = client.get("/").content.decode()
    assert page.count('data-testid="finished-') == 5
    assert "Kỳ đã họp 7" in page and "Kỳ đã họp 1<" not in page  # the latest first
    assert f'href="{reverse("portal-results")}"' in page


def test_home_without_public_rounds_still_has_the_links(client):
    Round.objects.update(state=RoundState.DRAFT)
    page = client.get("/").content.decode()
    assert "Hội nghị đối thoại sắp tổ chức" not in page
    assert f'href="{reverse("petition-new-public")}"' in page
