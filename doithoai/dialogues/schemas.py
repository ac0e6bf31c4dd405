"""Input and output schemas of the dialogues API; explicit fields, no personal contact data."""

import datetime

from ninja import Schema

from doithoai.core.api import InputSchema


class RoundOut(Schema):
    id: int
    title: str
    state: str
    document_number: str
    starts_at: datetime.datetime | None
    venue: str
    intake_deadline: datetime.date | None


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    issue_id: int | None
    minutes: int
    state: str


class SpeakerOut(Schema):
    id: int
    position: int
    name: str
    state: str
    agenda_item_id: int | None
    started_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    seconds: int | None


class StatementOut(Schema):
    id: int
    speaker_name: str
    issue_id: int | None
    petition_id: int | None
    text: str
    answer: str
    answered_by: str | None
    directive_id: int | None
    directive_text: str | None
    directive_assignee: str | None
    directive_deadline: datetime.date | None


class SpeakerIn(InputSchema):
    name: str
    invitee_id: int | None = None


class SpeakerStateIn(InputSchema):
    state: str


class StatementIn(InputSchema):
    text: str
    speaker_id: int | None = None
    speaker_name: str = ""
    issue_id: int | None = None
    answer: str = ""
    answered_by: str = ""
    directive_text: str = ""
    directive_assignee: str = ""
    directive_deadline: datetime.date | None = None
