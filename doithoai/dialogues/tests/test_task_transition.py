"""Tasks of the plan: creation, state changes per role, reminders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.core.models import Event
from doithoai.dialogues.models import TASK_TRANSITIONS, Task, TaskState
from doithoai.dialogues.services import task_create, task_transition, tasks_remind
from doithoai.units.models import Organisation

from .conftest import ROLES


@pytest.fixture
def task(round_, demo_user):
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    return task_create(
        actor=demo_user("vanphong"),
        round_=round_,
        group="Các phòng, ban",
        organisation=qldt,
        text="Chuẩn bị báo cáo về trật tự đô thị",
        due_on=datetime.date(2016, 9, 20),
    )


def test_only_the_secretariat_creates_tasks(round_, demo_user):
    mttq = Organisation.objects.get(unit=round_.unit, code="mttq")
    before = Task.objects.count()
    for username in ("lanhdao", "mttq", "phuong", "baochi", "chuyenvien"):
        with pytest.raises(PermissionDenied):
            task_create(
                actor=demo_user(username), round_=round_, group="G", organisation=mttq, text="x"
            )
    assert Task.objects.count() == before
    with pytest.raises(ValidationError):
        task_create(
            actor=demo_user("vanphong"), round_=round_, group="G", organisation=mttq, text=" "
        )


# The secretariat and the officers of the assigned organisation (Phòng QLĐT) move a task.
ALLOWED = {"vanphong", "chuyenvien", "truongphong", "tinh"}
MOVES = sorted((a, b) for a, targets in TASK_TRANSITIONS.items() for b in targets)


@pytest.mark.parametrize("username", ROLES)
@pytest.mark.parametrize(("from_state", "to_state"), MOVES)
def test_task_transition_matrix(task, demo_user, username, from_state, to_state):
    Task.objects.filter(pk=task.pk).update(state=from_state)
    events = Event.objects.count()
    if username in ALLOWED:
        task_transition(actor=demo_user(username), task=task, to_state=to_state)
        assert Task.objects.get(pk=task.pk).state == to_state
        assert Event.objects.count() == events + 1
    else:
        try:
            task_transition(actor=demo_user(username), task=task, to_state=to_state)
        except PermissionDenied:
            pass
        else:
            pytest.fail(f"{username} moved a task")
        assert Task.objects.get(pk=task.pk).state == from_state
        assert Event.objects.count() == events


def test_task_move_outside_the_table(task, demo_user):
    Task.objects.filter(pk=task.pk).update(state=TaskState.DONE)
    with pytest.raises(ValidationError):
        task_transition(actor=demo_user("vanphong"), task=task, to_state=TaskState.CANCELLED)
    assert Task.objects.get(pk=task.pk).state == TaskState.DONE


def test_reminders_once_within_the_window(task, demo_user):
    actor = demo_user("vanphong")
    assert task not in tasks_remind(actor=actor, today=datetime.date(2016, 9, 1))
    due = tasks_remind(actor=actor, today=datetime.date(2016, 9, 18))
    assert task in due
    assert Task.objects.get(pk=task.pk).reminded_at is not None
    assert task not in tasks_remind(actor=actor, today=datetime.date(2016, 9, 19))
