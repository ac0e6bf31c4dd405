"""Statements at the conference (answers, directives, oral petitions), press and minutes."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.dialogues import policies
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import (
    Directive,
    DirectiveSource,
    Minutes,
    PressQuestion,
    Round,
    Speaker,
    Statement,
)
from doithoai.dialogues.services.common import deny, required
from doithoai.petitions.choices import Channel
from doithoai.petitions.services import PetitionInput, petition_submit
from doithoai.units.models import Organisation, Unit


@transaction.atomic
def statement_record(
    *,
    actor: Actor,
    round_: Round,
    text: str,
    speaker: Speaker | None = None,
    speaker_name: str = "",
    issue: Any = None,
    new_petition_unit: Unit | None = None,
    answer: str = "",
    answered_by: Organisation | None = None,
    directive_text: str = "",
    directive_assignee: Organisation | None = None,
    directive_deadline: datetime.date | None = None,
) -> Statement:
    """Record what a speaker raised with the answer given on the spot and any directive.

    Without an existing `issue`, giving `new_petition_unit` records the statement as a new
    petition of channel `hoi_nghi` through `petition_submit`."""
    deny(policies.can_answer(actor, round_))
    required(text, _("Vui lòng nhập nội dung phát biểu."))
    name = (speaker.name if speaker else speaker_name).strip()
    required(name, _("Vui lòng nhập tên người phát biểu."))
    if issue is not None and issue.round_id != round_.pk:
        raise ValidationError(_("Vấn đề không thuộc kỳ đối thoại này."))
    if directive_text.strip() and (directive_assignee is None or directive_deadline is None):
        raise ValidationError(_("Chỉ đạo cần có cơ quan thực hiện và thời hạn."))
    petition = None
    if issue is None and new_petition_unit is not None:
        petition = petition_submit(
            actor=actor,
            data=PetitionInput(
                text=text,
                unit=new_petition_unit,
                channel=Channel.CONFERENCE,
                round_id=round_.pk,
                submitter_name=name,
            ),
        ).petition
    directive = None
    if directive_text.strip():
        assert directive_assignee is not None and directive_deadline is not None
        directive = Directive.objects.create(
            round=round_,
            issue=issue,
            text=directive_text.strip(),
            assignee=directive_assignee,
            deadline=directive_deadline,
            source=DirectiveSource.CONFERENCE,
            created_by=acting_user(actor),
        )
        event_record(
            actor=actor,
            obj=directive,
            action=DialogueEvents.DIRECTIVE_CREATE,
            after={"assignee": directive_assignee.pk},
        )
    statement = Statement.objects.create(
        round=round_,
        speaker=speaker,
        speaker_name=name[:150],
        issue=issue,
        petition=petition,
        text=text.strip(),
        answer=answer.strip(),
        answered_by=answered_by,
        directive=directive,
        created_by=acting_user(actor),
    )
    event_record(
        actor=actor,
        obj=statement,
        action=DialogueEvents.STATEMENT_RECORD,
        after={"issue": getattr(issue, "pk", None), "petition": getattr(petition, "pk", None)},
    )
    return statement


@transaction.atomic
def statement_answer(
    *, actor: Actor, statement: Statement, answer: str, answered_by: Organisation | None = None
) -> Statement:
    """Give or correct the answer of a recorded statement."""
    deny(policies.can_answer(actor, statement.round))
    required(answer, _("Vui lòng nhập nội dung trả lời."))
    before = statement.answer
    statement.answer = answer.strip()
    statement.answered_by = answered_by
    statement.save(update_fields=["answer", "answered_by"])
    event_record(
        actor=actor,
        obj=statement,
        action=DialogueEvents.STATEMENT_ANSWER,
        before={"answer": before},
        after={"answer": statement.answer},
    )
    return statement


@transaction.atomic
def press_question_submit(
    *, actor: Actor, round_: Round, question: str, outlet: str = ""
) -> PressQuestion:
    """A journalist submits a question (the only write the press may do)."""
    deny(policies.can_ask_press_question(actor, round_))
    required(question, _("Vui lòng nhập câu hỏi."))
    item = PressQuestion.objects.create(
        round=round_,
        asked_by=acting_user(actor),
        outlet=outlet.strip()[:200],
        question=question.strip(),
    )
    event_record(actor=actor, obj=item, action=DialogueEvents.PRESS_QUESTION_SUBMIT)
    return item


@transaction.atomic
def press_question_answer(*, actor: Actor, question: PressQuestion, answer: str) -> PressQuestion:
    deny(policies.can_answer(actor, question.round))
    required(answer, _("Vui lòng nhập nội dung trả lời."))
    question.answer = answer.strip()
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_at"])
    event_record(actor=actor, obj=question, action=DialogueEvents.PRESS_QUESTION_ANSWER)
    return question


@transaction.atomic
def minutes_update(
    *,
    actor: Actor,
    round_: Round,
    started_at: datetime.datetime | None = None,
    ended_at: datetime.datetime | None = None,
    chair_name: str | None = None,
    secretary_name: str | None = None,
    notes: str | None = None,
) -> Minutes:
    """Fill the minutes' own data: times, chair and secretary."""
    deny(policies.can_answer(actor, round_))
    minutes, _created = Minutes.objects.get_or_create(round=round_)
    changes = {
        k: v
        for k, v in {
            "started_at": started_at,
            "ended_at": ended_at,
            "chair_name": chair_name,
            "secretary_name": secretary_name,
            "notes": notes,
        }.items()
        if v is not None
    }
    start = started_at or minutes.started_at
    end = ended_at or minutes.ended_at
    if start and end and end <= start:
        raise ValidationError(_("Giờ kết thúc phải sau giờ bắt đầu."))
    for key, value in changes.items():
        setattr(minutes, key, value.strip() if isinstance(value, str) else value)
    if changes:
        minutes.save(update_fields=list(changes))
        event_record(
            actor=actor,
            obj=round_,
            action=DialogueEvents.MINUTES_UPDATE,
            after={k: str(v) for k, v in changes.items()},
        )
    return minutes
