"""Writes to the lists of a plan: its focus topics and its chairs (add, edit, remove, reorder)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import Chair, ChairRole, FocusTopic, Round, RoundState
from doithoai.dialogues.services.common import deny, required


def _check_editable(actor: Actor, round_: Round) -> None:
    deny(policies.can_edit_plan(actor, round_))
    if round_.state in (RoundState.HELD, RoundState.CONCLUDED):
        raise ValidationError(_("Kỳ đối thoại đã tổ chức, không sửa được kế hoạch."))


def _topic_label(topic: Any, label: str) -> str:
    label = (label or "").strip() or (topic.name if topic is not None else "")
    required(label, _("Vui lòng nhập nội dung trọng tâm hoặc chọn lĩnh vực."))
    return label[:200]


def _reorder(rows: list[Any], row: Any, step: int) -> bool:
    """Swap `row` with its neighbour `step` away in `rows` and number them 0..n-1 again."""
    if step not in (-1, 1):
        raise ValidationError(_("Bước di chuyển không hợp lệ."))
    index = next(n for n, r in enumerate(rows) if r.pk == row.pk)
    target = index + step
    if not 0 <= target < len(rows):
        return False
    rows[index], rows[target] = rows[target], rows[index]
    for n, each in enumerate(rows):
        each.position = n
    type(row).objects.bulk_update(rows, ["position"])
    return True


def _next_position(rows: models.QuerySet[Any]) -> int:
    return max(rows.values_list("position", flat=True), default=-1) + 1


@transaction.atomic
def focus_topic_add(
    *, actor: Actor, round_: Round, topic: Any = None, label: str = ""
) -> FocusTopic:
    """A focus topic (trọng tâm) of the plan: a topic of the list, a free label, or both."""
    _check_editable(actor, round_)
    label = _topic_label(topic, label)
    if topic is not None and round_.focus_topics.filter(topic=topic).exists():
        raise ValidationError(_("Lĩnh vực này đã là nội dung trọng tâm."))
    focus = FocusTopic.objects.create(
        round=round_, topic=topic, label=label, position=_next_position(round_.focus_topics.all())
    )
    event_record(actor=actor, obj=round_, action=DialogueEvents.FOCUS_ADD, after={"label": label})
    return focus


@transaction.atomic
def focus_topic_update(
    *, actor: Actor, focus: FocusTopic, topic: Any = None, label: str = ""
) -> FocusTopic:
    _check_editable(actor, focus.round)
    label = _topic_label(topic, label)
    if (
        topic is not None
        and focus.round.focus_topics.filter(topic=topic).exclude(pk=focus.pk).exists()
    ):
        raise ValidationError(_("Lĩnh vực này đã là nội dung trọng tâm."))
    before = {"label": focus.label, "topic": focus.topic_id}
    focus.topic, focus.label = topic, label
    focus.save(update_fields=["topic", "label"])
    event_record(
        actor=actor,
        obj=focus.round,
        action=DialogueEvents.FOCUS_UPDATE,
        before=before,
        after={"label": label, "topic": getattr(topic, "pk", None)},
    )
    return focus


@transaction.atomic
def focus_topic_remove(*, actor: Actor, focus: FocusTopic) -> None:
    _check_editable(actor, focus.round)
    event_record(
        actor=actor,
        obj=focus.round,
        action=DialogueEvents.FOCUS_REMOVE,
        before={"label": focus.label},
    )
    focus.delete()


@transaction.atomic
def focus_topic_move(*, actor: Actor, focus: FocusTopic, step: int) -> None:
    _check_editable(actor, focus.round)
    if _reorder(list(focus.round.focus_topics.all()), focus, step):
        event_record(
            actor=actor,
            obj=focus.round,
            action=DialogueEvents.FOCUS_MOVE,
            after={"label": focus.label},
        )


def _chair_fields(name: str, position_title: str, role: str) -> tuple[str, str, str]:
    required(name, _("Vui lòng nhập họ tên người chủ trì."))
    required(position_title, _("Vui lòng nhập chức vụ người chủ trì."))
    if role not in ChairRole.values:
        raise ValidationError(_("Vai trò chủ trì không hợp lệ."))
    return name.strip()[:150], position_title.strip()[:300], role


@transaction.atomic
def chair_add(
    *, actor: Actor, round_: Round, name: str, position_title: str, role: str = ChairRole.CHAIR
) -> Chair:
    _check_editable(actor, round_)
    name, position_title, role = _chair_fields(name, position_title, role)
    chair = Chair.objects.create(
        round=round_,
        name=name,
        position_title=position_title,
        role=role,
        position=_next_position(round_.chairs.all()),
    )
    event_record(actor=actor, obj=round_, action=DialogueEvents.CHAIR_ADD, after={"name": name})
    return chair


@transaction.atomic
def chair_update(
    *, actor: Actor, chair: Chair, name: str, position_title: str, role: str = ChairRole.CHAIR
) -> Chair:
    _check_editable(actor, chair.round)
    name, position_title, role = _chair_fields(name, position_title, role)
    before = {"name": chair.name, "position_title": chair.position_title, "role": chair.role}
    chair.name, chair.position_title, chair.role = name, position_title, role
    chair.save(update_fields=["name", "position_title", "role"])
    event_record(
        actor=actor,
        obj=chair.round,
        action=DialogueEvents.CHAIR_UPDATE,
        before=before,
        after={"name": name, "position_title": position_title, "role": role},
    )
    return chair


@transaction.atomic
def chair_remove(*, actor: Actor, chair: Chair) -> None:
    _check_editable(actor, chair.round)
    event_record(
        actor=actor,
        obj=chair.round,
        action=DialogueEvents.CHAIR_REMOVE,
        before={"name": chair.name},
    )
    chair.delete()


@transaction.atomic
def chair_move(*, actor: Actor, chair: Chair, step: int) -> None:
    _check_editable(actor, chair.round)
    if _reorder(list(chair.round.chairs.all()), chair, step):
        event_record(
            actor=actor,
            obj=chair.round,
            action=DialogueEvents.CHAIR_MOVE,
            after={"name": chair.name},
        )
