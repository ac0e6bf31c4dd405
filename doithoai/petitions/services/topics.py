"""The topic list (lĩnh vực), kept by the secretariat: add, rename, describe, retire.

A topic's code never changes after creation (petitions, the synthesis engine and Open311 clients
use it) and a topic is never deleted (petitions point to it): it is retired with active=False.
"""

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.petitions import policies
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Topic
from doithoai.petitions.selectors import topics_changed

CODE_PATTERN = re.compile(r"[a-z0-9_]{2,32}")
NAME_MAX = 200
DESCRIPTION_MAX = 2000


def _check_allowed(actor: Actor) -> None:
    if not policies.can_manage_topics(actor):
        raise PermissionDenied(_("Bạn không có quyền quản lý danh mục lĩnh vực."))


def _clean_text(name: str, description: str) -> tuple[str, str, dict[str, list[str]]]:
    """The stripped name and description, and the errors found in them."""
    errors: dict[str, list[str]] = {}
    name, description = (name or "").strip(), (description or "").strip()
    if "\x00" in name:
        errors["name"] = [_("Tên lĩnh vực chứa ký tự không hợp lệ.")]
    elif not name:
        errors["name"] = [_("Hãy nhập tên lĩnh vực.")]
    elif len(name) > NAME_MAX:
        errors["name"] = [_("Tên lĩnh vực dài tối đa %(n)d ký tự.") % {"n": NAME_MAX}]
    if "\x00" in description:
        errors["description"] = [_("Mô tả chứa ký tự không hợp lệ.")]
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = [_("Mô tả dài tối đa %(n)d ký tự.") % {"n": DESCRIPTION_MAX}]
    return name, description, errors


def _snapshot(topic: Topic) -> dict[str, Any]:
    return {
        "code": topic.code,
        "name": topic.name,
        "description": topic.description,
        "active": topic.active,
    }


@transaction.atomic
def topic_create(*, actor: Actor, code: str, name: str, description: str = "") -> Topic:
    """Add an active topic; every process reads the topic list again once this commits."""
    _check_allowed(actor)
    code = (code or "").strip()
    name, description, errors = _clean_text(name, description)
    if not CODE_PATTERN.fullmatch(code):
        errors["code"] = [
            _("Mã lĩnh vực gồm 2 đến 32 ký tự: chữ thường không dấu (a-z), chữ số hoặc dấu _.")
        ]
    elif Topic.objects.filter(code=code).exists():
        errors["code"] = [_("Mã lĩnh vực này đã có.")]
    if errors:
        raise ValidationError(errors)
    topic = Topic(code=code, name=name, description=description, active=True)
    try:
        with transaction.atomic():
            topic.save(force_insert=True)
    except IntegrityError:  # the same code added at the same moment
        raise ValidationError({"code": [_("Mã lĩnh vực này đã có.")]}) from None
    event_record(
        actor=actor, obj=topic, action=PetitionEvents.TOPIC_CREATED, after=_snapshot(topic)
    )
    transaction.on_commit(topics_changed)
    return topic


@transaction.atomic
def topic_update(*, actor: Actor, topic: Topic, name: str, description: str, active: bool) -> Topic:
    """Rename, describe, retire or bring back a topic (its code stays); one event per change."""
    _check_allowed(actor)
    name, description, errors = _clean_text(name, description)
    if errors:
        raise ValidationError(errors)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)
    before = _snapshot(topic)
    changes = {"name": name, "description": description, "active": bool(active)}
    fields = [field for field, value in changes.items() if getattr(topic, field) != value]
    if not fields:
        return topic
    for field in fields:
        setattr(topic, field, changes[field])
    topic.save(update_fields=fields)
    event_record(
        actor=actor,
        obj=topic,
        action=PetitionEvents.TOPIC_UPDATED,
        before={field: before[field] for field in fields},
        after={field: changes[field] for field in fields},
    )
    transaction.on_commit(topics_changed)
    return topic
