"""Writes of the agenda: the proposal fitted to the conference's duration, and staff changes
(add, remove, reorder, minutes, the item under discussion)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import AgendaItem, AgendaKind, AgendaState, Round, RoundState
from doithoai.dialogues.selectors_agenda import agenda_proposals, on_agenda_issue_ids
from doithoai.dialogues.services.common import deny, required

OPENING_MINUTES = 15


def opening_titles(round_: Round) -> list[str]:
    """The fixed opening items: the 8-month socio-economic report and the MTTQ synthesis."""
    year = round_.starts_at.year if round_.starts_at else None
    report = (
        _("Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 8 tháng năm %(y)s")
        % {"y": year}
        if year
        else _("Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 8 tháng")
    )
    return [report, _("Ủy ban MTTQ báo cáo tổng hợp ý kiến, kiến nghị của Nhân dân")]


def _editable(round_: Round) -> None:
    if round_.state == RoundState.CONCLUDED:
        raise ValidationError(_("Kỳ đối thoại đã kết luận, không sửa được chương trình."))


def _renumber(round_: Round) -> None:
    items = list(round_.agenda_items.order_by("position", "id"))
    changed = []
    for n, item in enumerate(items, start=1):
        if item.position != n:
            item.position = n
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["position"])


@transaction.atomic
def agenda_build(*, actor: Actor, round_: Round, replace: bool = False) -> list[AgendaItem]:
    """Propose the agenda: the fixed opening items, then the best-ranked issues
    (`selectors_agenda.agenda_proposals`) as long as they fit in the round's duration at
    `minutes_per_issue` each. Returns the items added.

    On an agenda that already has items it refuses unless `replace`: then it drops the proposed
    items not yet discussed, keeps every item a person added or changed and every item under or
    after discussion, never brings back an issue staff removed, and fills the time left."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    deny(policies.can_run_conference(actor, round_))
    _editable(round_)
    existing = round_.agenda_items.all()
    if existing.exists() and not replace:
        raise ValidationError(
            _("Chương trình đã có nội dung; hãy xác nhận để lập lại."), code="agenda_exists"
        )
    dropped = existing.filter(kind=AgendaKind.ISSUE, manual=False, state=AgendaState.PENDING)
    n_dropped = dropped.count()
    dropped.delete()
    added: list[AgendaItem] = []
    position = max(existing.values_list("position", flat=True), default=0)
    if not existing.filter(kind=AgendaKind.OPENING).exists():
        for title in opening_titles(round_):
            position += 1
            added.append(
                AgendaItem(
                    round=round_,
                    kind=AgendaKind.OPENING,
                    title=title[:300],
                    minutes=OPENING_MINUTES,
                    position=position,
                )
            )
    used = sum(existing.values_list("minutes", flat=True)) + sum(i.minutes for i in added)
    per_issue = max(round_.minutes_per_issue, 1)
    skip = on_agenda_issue_ids(round_) | {int(i) for i in round_.agenda_excluded}
    for proposal in agenda_proposals(round_, exclude=skip):
        if used + per_issue > round_.duration_minutes:
            break
        position += 1
        used += per_issue
        added.append(
            AgendaItem(
                round=round_,
                kind=AgendaKind.ISSUE,
                issue=proposal.issue,
                title=proposal.issue.title[:300],
                minutes=per_issue,
                position=position,
                reason=proposal.reason,
            )
        )
    AgendaItem.objects.bulk_create(added)
    _renumber(round_)
    event_record(
        actor=actor,
        obj=round_,
        action=DialogueEvents.AGENDA_BUILD,
        after={"added": len(added), "dropped": n_dropped, "minutes": used},
    )
    return added


@transaction.atomic
def agenda_settings_update(
    *, actor: Actor, round_: Round, duration_minutes: int, minutes_per_issue: int
) -> Round:
    """The conference's duration and the time given to each issue the builder proposes."""
    deny(policies.can_run_conference(actor, round_))
    if not 15 <= duration_minutes <= 720:
        raise ValidationError(_("Thời lượng hội nghị phải từ 15 đến 720 phút."))
    if not 1 <= minutes_per_issue <= 120:
        raise ValidationError(_("Thời lượng mỗi vấn đề phải từ 1 đến 120 phút."))
    before = {
        "duration_minutes": round_.duration_minutes,
        "minutes_per_issue": round_.minutes_per_issue,
    }
    round_.duration_minutes = duration_minutes
    round_.minutes_per_issue = minutes_per_issue
    round_.save(update_fields=["duration_minutes", "minutes_per_issue"])
    event_record(
        actor=actor,
        obj=round_,
        action=DialogueEvents.AGENDA_SETTINGS,
        before=before,
        after={"duration_minutes": duration_minutes, "minutes_per_issue": minutes_per_issue},
    )
    return round_


@transaction.atomic
def agenda_item_add(
    *, actor: Actor, round_: Round, issue: Any = None, title: str = "", minutes: int | None = None
) -> AgendaItem:
    """Add an issue (or, without one, another item by its title) at the end of the agenda."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    deny(policies.can_run_conference(actor, round_))
    _editable(round_)
    if issue is not None:
        if issue.round_id != round_.pk:
            raise ValidationError(_("Vấn đề không thuộc kỳ đối thoại này."))
        if round_.agenda_items.filter(issue=issue).exists():
            raise ValidationError(_("Vấn đề này đã có trong chương trình."))
        title = title or issue.title
    required(title, _("Vui lòng nhập nội dung của mục chương trình."))
    minutes = minutes if minutes is not None else round_.minutes_per_issue
    if not 1 <= minutes <= 240:
        raise ValidationError(_("Thời lượng phải từ 1 đến 240 phút."))
    position = max(round_.agenda_items.values_list("position", flat=True), default=0) + 1
    item = AgendaItem.objects.create(
        round=round_,
        issue=issue,
        kind=AgendaKind.ISSUE if issue is not None else AgendaKind.OTHER,
        title=title.strip()[:300],
        minutes=minutes,
        position=position,
        manual=True,
    )
    if issue is not None and issue.pk in round_.agenda_excluded:
        round_.agenda_excluded = [i for i in round_.agenda_excluded if i != issue.pk]
        round_.save(update_fields=["agenda_excluded"])
    event_record(
        actor=actor,
        obj=item,
        action=DialogueEvents.AGENDA_ADD,
        after={"issue": getattr(issue, "pk", None)},
    )
    return item


@transaction.atomic
def agenda_item_remove(*, actor: Actor, item: AgendaItem) -> None:
    """Take a pending item off the agenda; a removed issue is not proposed again."""
    round_ = Round.objects.select_for_update().get(pk=item.round_id)
    deny(policies.can_run_conference(actor, round_))
    _editable(round_)
    item = AgendaItem.objects.get(pk=item.pk)
    if item.state != AgendaState.PENDING:
        raise ValidationError(_("Mục đang hoặc đã thảo luận, không xóa được."))
    if item.issue_id is not None and item.issue_id not in round_.agenda_excluded:
        round_.agenda_excluded = [*round_.agenda_excluded, item.issue_id]
        round_.save(update_fields=["agenda_excluded"])
    event_record(
        actor=actor,
        obj=round_,
        action=DialogueEvents.AGENDA_REMOVE,
        before={"item": item.pk, "title": item.title, "issue": item.issue_id},
    )
    item.delete()
    _renumber(round_)


@transaction.atomic
def agenda_item_update(
    *,
    actor: Actor,
    item: AgendaItem,
    position: int | None = None,
    minutes: int | None = None,
    title: str | None = None,
) -> AgendaItem:
    """Change an item's place (the others shift), its minutes or its title; the item is then
    kept by a rebuild."""
    deny(policies.can_run_conference(actor, item.round))
    _editable(item.round)
    fields = []
    if minutes is not None:
        if not 1 <= minutes <= 240:
            raise ValidationError(_("Thời lượng phải từ 1 đến 240 phút."))
        item.minutes = minutes
        fields.append("minutes")
    if title is not None:
        required(title, _("Vui lòng nhập nội dung của mục chương trình."))
        item.title = title.strip()[:300]
        fields.append("title")
    if position is not None and position < 1:
        raise ValidationError(_("Thứ tự phải lớn hơn 0."))
    if fields:
        item.manual = True
        item.save(update_fields=[*fields, "manual"])
    if position is not None and position != item.position:
        _move(item, position)
        fields.append("position")
    if fields:
        event_record(
            actor=actor,
            obj=item,
            action=DialogueEvents.AGENDA_UPDATE,
            after={f: getattr(item, f) for f in fields},
        )
    return item


def _move(item: AgendaItem, position: int) -> None:
    items = [i for i in item.round.agenda_items.order_by("position", "id") if i.pk != item.pk]
    position = min(position, len(items) + 1)
    items.insert(position - 1, item)
    for n, each in enumerate(items, start=1):
        each.position = n
    item.manual = True
    AgendaItem.objects.bulk_update(items, ["position"])
    item.save(update_fields=["manual"])


@transaction.atomic
def agenda_item_move(*, actor: Actor, item: AgendaItem, step: int) -> AgendaItem:
    """Move an item one place up (`step` -1) or down (+1)."""
    deny(policies.can_run_conference(actor, item.round))
    _editable(item.round)
    if step not in (-1, 1):
        raise ValidationError(_("Bước di chuyển không hợp lệ."))
    _renumber(item.round)
    item.refresh_from_db()
    target = item.position + step
    count = item.round.agenda_items.count()
    if 1 <= target <= count:
        _move(item, target)
        event_record(
            actor=actor, obj=item, action=DialogueEvents.AGENDA_MOVE, after={"position": target}
        )
    return item


@transaction.atomic
def agenda_item_open(*, actor: Actor, item: AgendaItem) -> AgendaItem:
    """Make `item` the one under discussion (the projector follows it); the previous one is done."""
    deny(policies.can_run_conference(actor, item.round))
    AgendaItem.objects.filter(round=item.round_id, state=AgendaState.CURRENT).exclude(
        pk=item.pk
    ).update(state=AgendaState.DONE)
    item.state = AgendaState.CURRENT
    item.save(update_fields=["state"])
    event_record(actor=actor, obj=item, action=DialogueEvents.AGENDA_OPEN)
    return item
