"""The agenda builder: ranking, fitting in the duration, add / remove / reorder, rebuild, roles."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doithoai.dialogues.models import AgendaItem, AgendaKind, Round
from doithoai.dialogues.selectors_agenda import agenda_proposals, issues_search
from doithoai.dialogues.services import (
    agenda_build,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_settings_update,
)
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis.models import Issue, IssueMembership

from .conftest import ROLES

RUNNERS = {"vanphong", "lanhdao", "tinh"}


def _petitions(round_, n, start=0):
    return list(
        Petition.objects.filter(round=round_, issue_link__isnull=True).order_by("id")[
            start : start + n
        ]
    )


def _issue(round_, title, topic_code, petitions):
    issue = Issue.objects.create(
        round=round_, title=title, topic=Topic.objects.get(code=topic_code)
    )
    for petition in petitions:
        IssueMembership.objects.create(petition=petition, issue=issue)
    return issue


@pytest.fixture
def ranked(round_):
    """Four issues whose rank each rule decides: petitions, focus topic, repeat, overdue."""
    pool = _petitions(round_, 40)
    many = _issue(round_, "Nhiều kiến nghị về nước sinh hoạt", "khac", pool[:6])  # 6
    focus = _issue(round_, "Chậm bồi thường giải phóng mặt bằng", "gpmb", pool[6:8])  # 2 + 5
    overdue = _issue(round_, "Chậm cấp giấy chứng nhận", "khac", pool[8:11])  # 3 + 3 overdue
    Petition.objects.filter(pk__in=[p.pk for p in pool[8:11]]).update(
        due_on=datetime.date(2016, 10, 1), resolved_at=None
    )
    plain = _issue(round_, "Đèn chiếu sáng hỏng", "khac", pool[11:12])  # 1
    # An earlier round of the same unit with the same topic from the same ward: a repeat.
    earlier = Round.objects.create(
        unit=round_.unit,
        organisation=round_.organisation,
        title="Đối thoại năm 2015",
        starts_at=datetime.datetime(2015, 9, 1, 1, 0, tzinfo=datetime.UTC),
    )
    repeat_petitions = pool[12:16]
    repeat = _issue(round_, "Ô nhiễm tiếng ồn quán karaoke", "moi_truong", repeat_petitions[:1])
    old_petition = repeat_petitions[1]
    old_petition.round = earlier
    old_petition.unit_id = repeat_petitions[0].unit_id
    old_petition.save(update_fields=["round", "unit"])
    _issue(earlier, "Tiếng ồn karaoke năm 2015", "moi_truong", [old_petition])
    return {"many": many, "focus": focus, "overdue": overdue, "plain": plain, "repeat": repeat}


def test_proposals_rank_by_petitions_focus_repeat_and_overdue(round_, ranked):
    found = agenda_proposals(round_, today=datetime.date(2016, 10, 20))
    order = [p.issue.pk for p in found]
    by = {p.issue.pk: p for p in found}
    # focus 2+5=7, many 6, overdue 3+3=6 (fewer petitions than `many`), repeat 1+3=4, plain 1
    assert order.index(ranked["focus"].pk) < order.index(ranked["many"].pk)
    assert order.index(ranked["many"].pk) < order.index(ranked["overdue"].pk)
    assert order.index(ranked["overdue"].pk) < order.index(ranked["repeat"].pk)
    assert order.index(ranked["repeat"].pk) < order.index(ranked["plain"].pk)
    assert by[ranked["repeat"].pk].repeat and not by[ranked["plain"].pk].repeat
    assert by[ranked["overdue"].pk].overdue == 3 and by[ranked["focus"].pk].focus
    assert "quá hạn" in by[ranked["overdue"].pk].reason
    assert "trọng tâm" in by[ranked["focus"].pk].reason
    # Before the due date nothing is overdue.
    early = {p.issue.pk: p for p in agenda_proposals(round_, today=datetime.date(2016, 9, 1))}
    assert early[ranked["overdue"].pk].overdue == 0


def test_a_round_of_hundreds_of_issues_gives_a_dozen_items_within_the_duration(
    round_, demo_user, django_assert_max_num_queries
):
    gpmb = Topic.objects.get(code="gpmb")
    Issue.objects.bulk_create(
        Issue(round=round_, title=f"Vấn đề số {n}", topic=gpmb if n % 7 == 0 else None)
        for n in range(420)
    )
    agenda_settings_update(
        actor=demo_user("vanphong"), round_=round_, duration_minutes=150, minutes_per_issue=10
    )
    with django_assert_max_num_queries(25):
        added = agenda_build(actor=demo_user("vanphong"), round_=round_)
    issues = [i for i in added if i.kind == AgendaKind.ISSUE]
    openings = [i for i in added if i.kind == AgendaKind.OPENING]
    assert len(openings) == 2 and all(i.issue_id is None for i in openings)
    assert "8 tháng năm 2016" in openings[0].title and "MTTQ" in openings[1].title
    assert len(issues) == 12  # (150 - 2 × 15) / 10
    total = sum(AgendaItem.objects.filter(round=round_).values_list("minutes", flat=True))
    assert total <= 150
    positions = list(AgendaItem.objects.filter(round=round_).values_list("position", flat=True))
    assert positions == list(range(1, 15))
    # The focus topic's issues come first among equals.
    assert all(i.issue.topic_id == gpmb.pk for i in issues)


def test_rebuild_asks_for_confirmation_and_keeps_manual_changes(round_, ranked, demo_user):
    actor = demo_user("vanphong")
    agenda_build(actor=actor, round_=round_)
    with pytest.raises(ValidationError) as refused:
        agenda_build(actor=actor, round_=round_)
    assert refused.value.code == "agenda_exists"
    focus_item = AgendaItem.objects.get(round=round_, issue=ranked["focus"])
    plain_item = AgendaItem.objects.get(round=round_, issue=ranked["plain"])
    agenda_item_remove(actor=actor, item=focus_item)
    agenda_item_update(actor=actor, item=plain_item, minutes=25)
    other = agenda_item_add(actor=actor, round_=round_, title="Giải đáp chính sách hỗ trợ")
    agenda_build(actor=actor, round_=round_, replace=True)
    on_agenda = set(AgendaItem.objects.filter(round=round_).values_list("issue_id", flat=True))
    assert ranked["focus"].pk not in on_agenda  # removed by a person: not proposed again
    assert AgendaItem.objects.get(pk=plain_item.pk).minutes == 25  # a changed item is kept
    assert AgendaItem.objects.filter(pk=other.pk).exists()
    assert AgendaItem.objects.filter(round=round_, kind=AgendaKind.OPENING).count() == 2
    # Adding a removed issue by hand brings it back for good.
    agenda_item_add(actor=actor, round_=round_, issue=ranked["focus"])
    round_.refresh_from_db()
    assert ranked["focus"].pk not in round_.agenda_excluded


def test_add_remove_and_reorder(round_, ranked, demo_user):
    actor = demo_user("lanhdao")
    agenda_settings_update(actor=actor, round_=round_, duration_minutes=60, minutes_per_issue=10)
    agenda_build(actor=actor, round_=round_)
    items = list(AgendaItem.objects.filter(round=round_))
    assert len(items) == 5  # 2 openings (30 min) + 3 issues (30 min)
    last = items[-1]
    agenda_item_move(actor=actor, item=last, step=-1)
    order = list(AgendaItem.objects.filter(round=round_).values_list("pk", flat=True))
    assert order.index(last.pk) == 3
    agenda_item_update(actor=actor, item=last, position=1)
    assert AgendaItem.objects.filter(round=round_).first().pk == last.pk
    with pytest.raises(ValidationError):
        agenda_item_add(actor=actor, round_=round_, issue=items[2].issue)  # already there
    added = agenda_item_add(actor=actor, round_=round_, issue=ranked["plain"])
    assert added.manual and added.position == 6
    agenda_item_remove(actor=actor, item=items[0])
    positions = list(AgendaItem.objects.filter(round=round_).values_list("position", flat=True))
    assert positions == [1, 2, 3, 4, 5]
    with pytest.raises(ValidationError):
        agenda_item_add(actor=actor, round_=round_, title="   ")


def test_an_item_under_discussion_cannot_be_removed(round_, ranked, demo_user):
    from doithoai.dialogues.services import agenda_item_open

    actor = demo_user("vanphong")
    item = agenda_build(actor=actor, round_=round_)[0]
    agenda_item_open(actor=actor, item=item)
    with pytest.raises(ValidationError):
        agenda_item_remove(actor=actor, item=item)
    assert AgendaItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("username", ROLES)
def test_agenda_changes_per_role(round_, ranked, demo_user, username):
    agenda_build(actor=demo_user("vanphong"), round_=round_)
    before = list(AgendaItem.objects.filter(round=round_).values_list("pk", "position", "minutes"))
    user = demo_user(username)
    item = AgendaItem.objects.filter(round=round_).last()
    calls = [
        lambda: agenda_item_add(actor=user, round_=round_, title="Nội dung khác"),
        lambda: agenda_item_move(actor=user, item=item, step=-1),
        lambda: agenda_item_remove(actor=user, item=item),
        lambda: agenda_settings_update(
            actor=user, round_=round_, duration_minutes=90, minutes_per_issue=5
        ),
    ]
    if username in RUNNERS:
        for call in calls:
            call()
        assert AgendaItem.objects.filter(round=round_, title="Nội dung khác").exists()
    else:
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
        after = list(
            AgendaItem.objects.filter(round=round_).values_list("pk", "position", "minutes")
        )
        assert after == before
        round_.refresh_from_db()
        assert round_.duration_minutes == 180


def test_settings_are_checked(round_, demo_user):
    with pytest.raises(ValidationError):
        agenda_settings_update(
            actor=demo_user("vanphong"), round_=round_, duration_minutes=5, minutes_per_issue=10
        )
    round_.refresh_from_db()
    assert round_.duration_minutes == 180


def test_issue_search_ignores_diacritics_and_is_bounded(round_, ranked):
    assert [i.pk for i in issues_search(round_, "cham boi thuong")] == [ranked["focus"].pk]
    assert [i.pk for i in issues_search(round_, f"#{ranked['plain'].pk}")] == [ranked["plain"].pk]
    Issue.objects.bulk_create(Issue(round=round_, title=f"Đường hỏng {n}") for n in range(40))
    assert len(issues_search(round_, "duong hong")) == 15
    assert issues_search(round_, "   ") == []


def test_builder_page_and_htmx_actions(client, round_, ranked, demo_user):
    client.force_login(demo_user("vanphong"))
    client.post(reverse("dialogue-agenda-build", args=[round_.pk]))
    page = client.get(reverse("dialogue-agenda", args=[round_.pk])).content.decode()
    assert ranked["focus"].title in page and 'data-testid="agenda-total"' in page
    item = AgendaItem.objects.get(round=round_, issue=ranked["focus"])
    answer = client.post(
        reverse("dialogue-agenda-change", args=[round_.pk, item.pk]),
        {"action": "remove"},
        HTTP_HX_REQUEST="true",
    )
    fragment = answer.content.decode()
    assert answer.status_code == 200 and fragment.startswith('<div id="agenda-builder">')
    assert "Đã bỏ khỏi chương trình" in fragment
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    found = client.get(
        reverse("dialogue-issue-search", args=[round_.pk]), {"q": "boi thuong"}
    ).content.decode()
    assert ranked["focus"].title in found and "<select" not in found
    added = client.post(
        reverse("dialogue-agenda-add", args=[round_.pk]),
        {"issue": ranked["focus"].pk},
        HTTP_HX_REQUEST="true",
    )
    assert ranked["focus"].title in added.content.decode()
    # A second build shows the confirmation page and changes nothing.
    count = AgendaItem.objects.filter(round=round_).count()
    confirm = client.post(reverse("dialogue-agenda-build", args=[round_.pk]))
    assert "Xác nhận lập lại" in confirm.content.decode()
    assert AgendaItem.objects.filter(round=round_).count() == count
    bad = client.post(
        reverse("dialogue-agenda-add", args=[round_.pk]), {"issue": 99999999}, follow=True
    )
    assert "Không tìm thấy vấn đề" in bad.content.decode()


def test_builder_actions_by_a_reader_change_nothing(client, round_, ranked, demo_user):
    agenda_build(actor=demo_user("vanphong"), round_=round_)
    item = AgendaItem.objects.filter(round=round_).last()
    client.force_login(demo_user("mttq"))
    page = client.get(reverse("dialogue-agenda", args=[round_.pk])).content.decode()
    assert "dialogue-agenda-change" not in page and "Lập lại" not in page
    client.post(reverse("dialogue-agenda-change", args=[round_.pk, item.pk]), {"action": "remove"})
    assert AgendaItem.objects.filter(pk=item.pk).exists()
