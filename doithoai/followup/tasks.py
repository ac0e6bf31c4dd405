"""Background follow-up: reminders before a deadline, escalations after it, a daily digest.

Run `doithoai followup_tick` from cron (e.g. hourly); it queues `followup_tick_task` for the
worker. Each reminder is recorded in `Reminder` so a re-run the same day sends nothing twice.
"""

import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.models import Role
from doithoai.dialogues.models import Directive
from doithoai.followup.calendar import working_days_between
from doithoai.followup.choices import DIRECTIVE_SETTLED, AssignmentState
from doithoai.followup.models import Assignment, FollowupSetting, Reminder
from doithoai.followup.services.common import (
    department_staff,
    staff_in_unit,
    staff_of,
    title_of,
)
from doithoai.notify.services import message_to_staff, outbox_retry_due

DEFAULT_REMINDER_DAYS = 2


def _once(target: str, kind: str, on: datetime.date) -> bool:
    try:
        with transaction.atomic():
            Reminder.objects.create(target=target, kind=kind, on=on)
    except IntegrityError:
        return False
    return True


def _reminder_days() -> int:
    found = FollowupSetting.objects.values_list("reminder_days", flat=True).first()
    return int(found) if found is not None else DEFAULT_REMINDER_DAYS


def _send(key: str, users: Any, context: dict[str, Any], about: str) -> None:
    with transaction.atomic():
        message_to_staff(actor=None, users=users, key=key, context=context, about=about)


def run_reminders(on: datetime.date | None = None) -> dict[str, int]:
    """Remind before a deadline (within the reminder window, once) and escalate once after it."""
    today = on or timezone.localdate()
    window = _reminder_days()
    sent = {"reminders": 0, "escalations": 0}
    link = f"{settings.DOITHOAI_PUBLIC_URL}/staff/theo-doi/"
    active = Assignment.objects.filter(
        state=AssignmentState.ACTIVE, lead__isnull=False
    ).select_related("issue__round", "petition", "lead")
    for a in active:
        left = working_days_between(today, a.due_on)
        ctx = {
            "title": title_of(a),
            "due": a.due_on.strftime("%d/%m/%Y"),
            "organisation": a.lead.name if a.lead else "",
            "link": f"{link}giao/{a.pk}/",
        }
        target = f"assignment:{a.pk}"
        if 0 <= left <= window and _once(target, "before", a.due_on):
            _send("staff_reminder", department_staff(a.lead_id), ctx, target)
            sent["reminders"] += 1
        elif a.due_on < today and _once(target, "after", a.due_on):
            unit_id = a.issue.round.unit_id if a.issue and a.issue.round else a.lead.unit_id  # type: ignore[union-attr]
            users = list(staff_of(a.lead_id, Role.DEPARTMENT_HEAD)) + list(
                staff_in_unit(unit_id, Role.LEADER, Role.SECRETARIAT)
            )
            _send("staff_escalation", users, ctx, target)
            sent["escalations"] += 1
    for d in Directive.objects.exclude(state__in=DIRECTIVE_SETTLED).select_related(
        "assignee", "round"
    ):
        left = working_days_between(today, d.deadline)
        ctx = {
            "title": d.text[:120],
            "due": d.deadline.strftime("%d/%m/%Y"),
            "organisation": d.assignee.name,
            "link": f"{link}chi-dao/{d.pk}/",
        }
        target = f"directive:{d.pk}"
        if 0 <= left <= window and _once(target, "before", d.deadline):
            _send("staff_reminder", department_staff(d.assignee_id), ctx, target)
            sent["reminders"] += 1
        elif d.deadline < today and _once(target, "after", d.deadline):
            users = list(staff_of(d.assignee_id, Role.DEPARTMENT_HEAD)) + list(
                staff_in_unit(d.round.unit_id, Role.LEADER)
            )
            _send("staff_escalation", users, ctx, target)
            sent["escalations"] += 1
    return sent


def run_digest(on: datetime.date | None = None) -> int:
    """One email a day to each department head: open and late assignments and directives."""
    today = on or timezone.localdate()
    overdue_word = _("quá hạn")
    late_mark = f" ({overdue_word})"
    count = 0
    lead_ids = set(
        Assignment.objects.filter(state=AssignmentState.ACTIVE, lead__isnull=False).values_list(
            "lead_id", flat=True
        )
    ) | set(
        Directive.objects.exclude(state__in=DIRECTIVE_SETTLED).values_list("assignee_id", flat=True)
    )
    for org_id in sorted(i for i in lead_ids if i is not None):
        if not _once(f"organisation:{org_id}", "digest", today):
            continue
        items = []
        late = 0
        for a in Assignment.objects.filter(lead_id=org_id, state=AssignmentState.ACTIVE):
            overdue = a.due_on < today
            late += overdue
            items.append(f"- {title_of(a)} — {a.due_on:%d/%m/%Y}{late_mark if overdue else ''}")
        for d in Directive.objects.filter(assignee_id=org_id).exclude(state__in=DIRECTIVE_SETTLED):
            overdue = d.deadline < today
            late += overdue
            items.append(f"- {d.text[:80]} — {d.deadline:%d/%m/%Y}{late_mark if overdue else ''}")
        heads = staff_of(org_id, Role.DEPARTMENT_HEAD)
        first = heads.first()
        name = first.memberships.filter(organisation_id=org_id).first() if first else None
        _send(
            "staff_digest",
            heads,
            {
                "date": today.strftime("%d/%m/%Y"),
                "organisation": name.organisation.name if name else "",
                "open": len(items),
                "late": late,
                "items": "\n".join(items),
            },
            f"organisation:{org_id}",
        )
        count += 1
    return count


@task()
def followup_tick_task() -> dict[str, int]:
    result = run_reminders()
    result["digests"] = run_digest()
    result["retried"] = outbox_retry_due()
    return result
