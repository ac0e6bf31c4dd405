"""The plan's focus topics and chairs; every round transition from the round page with its
message; concluding through the confirmation page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doithoai.core.models import Event
from doithoai.dialogues.models import Chair, FocusTopic, Round, RoundState, Statement
from doithoai.dialogues.services import (
    chair_add,
    chair_move,
    chair_remove,
    chair_update,
    focus_topic_add,
    focus_topic_move,
    focus_topic_remove,
    focus_topic_update,
)
from doithoai.petitions.models import Topic

from .conftest import ROLES

EDITORS = {"vanphong", "tinh"}


def test_focus_topics_add_edit_reorder_remove(draft_round, demo_user):
    actor = demo_user("vanphong")
    gpmb, dat = Topic.objects.get(code="gpmb"), Topic.objects.get(code="dat_dai")
    first = focus_topic_add(actor=actor, round_=draft_round, topic=gpmb)
    assert first.label == gpmb.name  # the topic's name when no label is given
    second = focus_topic_add(actor=actor, round_=draft_round, label="Trật tự đô thị")
    with pytest.raises(ValidationError):
        focus_topic_add(actor=actor, round_=draft_round, topic=gpmb)  # twice
    with pytest.raises(ValidationError):
        focus_topic_add(actor=actor, round_=draft_round, label="  ")
    focus_topic_update(actor=actor, focus=second, topic=dat, label="Đất đai, đô thị")
    focus_topic_move(actor=actor, focus=second, step=-1)
    assert list(draft_round.focus_topics.values_list("label", flat=True)) == [
        "Đất đai, đô thị",
        gpmb.name,
    ]
    focus_topic_remove(actor=actor, focus=first)
    assert list(draft_round.focus_topics.values_list("topic__code", flat=True)) == ["dat_dai"]


def test_chairs_add_edit_reorder_remove(draft_round, demo_user):
    actor = demo_user("vanphong")
    a = chair_add(actor=actor, round_=draft_round, name="Hà Văn Trường", position_title="Bí thư")
    b = chair_add(
        actor=actor,
        round_=draft_round,
        name="Hoàng Văn Minh",
        position_title="Chủ tịch UBND",
        role="co_chair",
    )
    with pytest.raises(ValidationError):
        chair_add(actor=actor, round_=draft_round, name="", position_title="Phó Chủ tịch")
    with pytest.raises(ValidationError):
        chair_add(actor=actor, round_=draft_round, name="X", position_title="Y", role="boss")
    chair_update(actor=actor, chair=b, name="Hoàng Văn Minh", position_title="Chủ tịch UBND TP")
    chair_move(actor=actor, chair=b, step=-1)
    assert list(draft_round.chairs.values_list("name", flat=True)) == [b.name, a.name]
    assert Chair.objects.get(pk=b.pk).role == "chair"
    chair_remove(actor=actor, chair=a)
    assert draft_round.chairs.count() == 1


@pytest.mark.parametrize("username", ROLES)
def test_plan_lists_per_role(draft_round, demo_user, username):
    user = demo_user(username)
    focus = FocusTopic.objects.create(round=draft_round, label="Đất đai")
    chair = Chair.objects.create(round=draft_round, name="A", position_title="B")
    calls = [
        lambda: focus_topic_add(actor=user, round_=draft_round, label="Quy hoạch"),
        lambda: focus_topic_update(actor=user, focus=focus, label="Đất đai, nhà ở"),
        lambda: chair_add(actor=user, round_=draft_round, name="C", position_title="D"),
        lambda: chair_update(actor=user, chair=chair, name="E", position_title="F"),
        lambda: focus_topic_remove(actor=user, focus=focus),
        lambda: chair_remove(actor=user, chair=chair),
    ]
    if username in EDITORS:
        for call in calls:
            call()
        assert list(draft_round.focus_topics.values_list("label", flat=True)) == ["Quy hoạch"]
    else:
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
        assert list(draft_round.focus_topics.values_list("label", flat=True)) == ["Đất đai"]
        assert list(draft_round.chairs.values_list("name", flat=True)) == ["A"]


def test_plan_lists_are_frozen_once_held(draft_round, demo_user):
    Round.objects.filter(pk=draft_round.pk).update(state=RoundState.HELD)
    draft_round.refresh_from_db()
    with pytest.raises(ValidationError):
        focus_topic_add(actor=demo_user("vanphong"), round_=draft_round, label="Quy hoạch")
    assert not draft_round.focus_topics.exists()


def test_plan_page_edits_the_lists(client, draft_round, demo_user):
    client.force_login(demo_user("vanphong"))
    gpmb = Topic.objects.get(code="gpmb")
    url = reverse("dialogue-focus-add", args=[draft_round.pk])
    page = client.post(url, {"topic": gpmb.pk, "label": ""}, follow=True).content.decode()
    assert "Đã thêm nội dung trọng tâm" in page and 'data-testid="focus-topic"' in page
    focus = draft_round.focus_topics.get()
    change = reverse("dialogue-focus-change", args=[draft_round.pk, focus.pk])
    client.post(change, {"topic": "", "label": "Bồi thường, GPMB"})
    assert draft_round.focus_topics.get().label == "Bồi thường, GPMB"
    client.post(
        reverse("dialogue-chair-add", args=[draft_round.pk]),
        {"name": "A", "position_title": "B", "role": "chair"},
    )
    chair = draft_round.chairs.get()
    page = client.post(
        reverse("dialogue-chair-change", args=[draft_round.pk, chair.pk]),
        {"action": "remove"},
        follow=True,
    ).content.decode()
    assert "Đã bỏ người chủ trì" in page and not draft_round.chairs.exists()
    client.post(change, {"action": "remove"})
    assert not draft_round.focus_topics.exists()
    # Another role gets a 404 and nothing changes.
    FocusTopic.objects.create(round=draft_round, label="Đất đai")
    client.force_login(demo_user("lanhdao"))
    assert client.post(url, {"label": "X"}).status_code == 404
    assert draft_round.focus_topics.count() == 1


FLOW = [
    ("lanhdao", RoundState.APPROVED, "Đã phê duyệt kế hoạch"),
    ("vanphong", RoundState.ANNOUNCED, "Đã thông báo kỳ đối thoại"),
    ("vanphong", RoundState.HELD, "Đã ghi nhận hội nghị đã tổ chức"),
]


def test_every_transition_from_the_round_page_with_a_clear_message(client, draft_round, demo_user):
    url = reverse("dialogue-transition", args=[draft_round.pk])
    for username, state, message in FLOW:
        client.force_login(demo_user(username))
        page = client.post(url, {"state": state}, follow=True).content.decode()
        assert message in page
        assert Round.objects.get(pk=draft_round.pk).state == state
    # Concluding goes through the confirmation page, never straight from the button.
    client.force_login(demo_user("lanhdao"))
    page = client.post(url, {"state": "concluded"}, follow=True)
    assert page.redirect_chain[-1][0].endswith(reverse("dialogue-conclude", args=[draft_round.pk]))
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.HELD


def test_a_refused_move_says_why_in_words(client, draft_round, demo_user):
    client.force_login(demo_user("vanphong"))
    page = client.post(
        reverse("dialogue-transition", args=[draft_round.pk]), {"state": "held"}, follow=True
    ).content.decode()
    assert "Dự thảo" in page and "Đã tổ chức" in page and "'draft'" not in page
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.DRAFT
    round_page = client.get(reverse("dialogue-round", args=[draft_round.pk])).content.decode()
    assert "Bước tiếp theo: lãnh đạo phê duyệt kế hoạch." in round_page


def test_conclude_page_states_what_is_missing_then_confirms(client, draft_round, demo_user):
    Round.objects.filter(pk=draft_round.pk).update(state=RoundState.HELD)
    Statement.objects.create(round=draft_round, speaker_name="A", text="Đề nghị sửa đường.")
    Statement.objects.create(round=draft_round, speaker_name="B", text="Hỏi", answer="Đáp")
    url = reverse("dialogue-conclude", args=[draft_round.pk])
    client.force_login(demo_user("lanhdao"))
    page = client.get(url).content.decode()
    assert "1 ý kiến phát biểu chưa có trả lời." in page and "Đề nghị sửa đường." in page
    assert "Chưa có số thông báo kết luận" in page
    events = Event.objects.count()
    client.post(url, {})  # not confirmed
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.HELD
    assert Event.objects.count() == events
    page = client.post(url, {"confirm": "1"}, follow=True).content.decode()
    assert "Đã kết luận kỳ đối thoại" in page
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.CONCLUDED


@pytest.mark.parametrize("username", ["vanphong", "mttq", "phuong", "chuyenvien", "baochi"])
def test_only_the_leader_concludes(client, draft_round, demo_user, username):
    Round.objects.filter(pk=draft_round.pk).update(state=RoundState.HELD)
    client.force_login(demo_user(username))
    url = reverse("dialogue-conclude", args=[draft_round.pk])
    page = client.get(url)
    if page.status_code == 200:
        assert 'name="confirm"' not in page.content.decode()
    client.post(url, {"confirm": "1"})
    assert Round.objects.get(pk=draft_round.pk).state == RoundState.HELD
