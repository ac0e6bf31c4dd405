"""The dialogue's state tables (round, task, invitee, speaker): every move outside a table is
refused and changes nothing."""

import pytest

from doithoai.core.tests.state_tables import assert_table_enforced
from doithoai.dialogues.models import (
    INVITEE_TRANSITIONS,
    ROUND_TRANSITIONS,
    SPEAKER_TRANSITIONS,
    TASK_TRANSITIONS,
    Speaker,
)
from doithoai.dialogues.tests.factories import InviteeFactory, RoundFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_round_table():
    assert_table_enforced(RoundFactory(), ROUND_TRANSITIONS)


def test_task_table():
    assert_table_enforced(TaskFactory(), TASK_TRANSITIONS)


def test_invitee_table():
    assert_table_enforced(InviteeFactory(), INVITEE_TRANSITIONS)


def test_speaker_table():
    speaker = Speaker.objects.create(round=RoundFactory(), name="Ông Trần Văn Thử", position=1)
    assert_table_enforced(speaker, SPEAKER_TRANSITIONS)
