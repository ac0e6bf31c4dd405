from ninja import Schema
from pydantic import Field

from doithoai.core.api import InputSchema


class IssueOut(Schema):
    id: int
    round_id: int | None
    title: str
    topic: str | None
    topic_confirmed: bool
    topic_confidence: float | None
    department: str | None
    state: str
    petition_ids: list[int]
    petitioners: int


class IssuePageOut(Schema):
    items: list[IssueOut]
    page: int
    pages: int
    count: int


class SuggestionOut(Schema):
    petition_id: int
    topic: str
    confidence: float
    top_terms: list[str]
    group: str
    department: str
    model_version: str


class TopicIn(InputSchema):
    topic: str


class MergeIn(InputSchema):
    target: int
    sources: list[int] = Field(min_length=1, max_length=200)


class SplitIn(InputSchema):
    petition_ids: list[int] = Field(min_length=1, max_length=1000)
    title: str = Field("", max_length=300)


class CreateIn(InputSchema):
    round_id: int
    title: str = Field(max_length=300)
    petition_ids: list[int] = Field(max_length=1000)


class MoveIn(InputSchema):
    issue_id: int


class RunOut(Schema):
    id: int
    state: str
    total: int
    done: int
    issues_created: int
    model_version: str
