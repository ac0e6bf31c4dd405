"""Each process keeps a copy of the active topics; a change made anywhere reaches it."""

import pytest
from django.core.cache import caches

from doithoai.petitions import selectors
from doithoai.petitions.models import Topic

pytestmark = pytest.mark.django_db


def test_the_topic_list_is_read_once(django_assert_num_queries):
    assert selectors.active_topic("giao_thong").name == "Giao thông"
    with django_assert_num_queries(0):
        assert selectors.active_topic("dat_dai").code == "dat_dai"
        assert selectors.active_topic("khong_co") is None


def test_a_retired_or_renamed_topic_is_seen_after_the_change():
    assert selectors.active_topic("giao_thong") is not None
    Topic.objects.filter(code="giao_thong").update(active=False)
    Topic.objects.filter(code="dat_dai").update(name="Đất đai, địa chính")
    assert selectors.active_topic("giao_thong") is not None  # not told yet
    selectors.topics_changed()
    assert selectors.active_topic("giao_thong") is None
    assert selectors.active_topic("dat_dai").name == "Đất đai, địa chính"


def test_a_change_in_another_process_is_seen_within_seconds(monkeypatch):
    assert selectors.active_topic("moi_truong") is not None
    Topic.objects.filter(code="moi_truong").update(active=False)
    version = selectors.TOPICS.current()
    caches["shared"].set(selectors.TOPICS.key, version + 1, timeout=None)
    assert selectors.active_topic("moi_truong") is not None  # this process's copy of the version
    monkeypatch.setattr(selectors.TOPICS, "seconds", 0)
    assert selectors.active_topic("moi_truong") is None


def test_an_intake_with_a_retired_topic_is_refused():
    from django.core.exceptions import ValidationError

    from doithoai.petitions.services import PetitionInput, petition_submit
    from doithoai.petitions.tests.factories import ward

    Topic.objects.filter(code="an_ninh").update(active=False)
    selectors.topics_changed()
    with pytest.raises(ValidationError) as error:
        petition_submit(
            actor=None,
            data=PetitionInput(
                text="Đề nghị tăng cường tuần tra tổ 4 ban đêm.",
                unit=ward().pk,
                channel="web",
                topic="an_ninh",
                submitter_name="Lê Văn Thử",
                consent=True,
            ),
        )
    assert "topic" in error.value.message_dict


def test_the_list_filter_topics_are_read_once_and_follow_a_change(django_assert_num_queries):
    """The staff list's topic filter: every topic (retired ones find old petitions), by name,
    read once per process and again after topics_changed."""
    Topic.objects.filter(code="giao_thong").update(active=False)
    choices = selectors.topic_choices()
    assert ("giao_thong", "Giao thông") in choices
    with django_assert_num_queries(0):
        selectors.topic_choices()
    Topic.objects.filter(code="dat_dai").update(name="Đất đai, địa chính")
    selectors.topics_changed()
    assert ("dat_dai", "Đất đai, địa chính") in selectors.topic_choices()
