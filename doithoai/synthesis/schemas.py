from ninja import Schema
from pydantic import Field


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


class TopicIn(Schema):
    topic: str


class MergeIn(Schema):
    target: int
    sources: list[int] = Field(min_length=1, max_length=200)


class SplitIn(Schema):
    petition_ids: list[int] = Field(min_length=1, max_length=1000)
    title: str = Field("", max_length=300)


class CreateIn(Schema):
    round_id: int
    title: str = Field(max_length=300)
    petition_ids: list[int] = Field(max_length=1000)


class MoveIn(Schema):
    issue_id: int


class RunOut(Schema):
    id: int
    state: str
    total: int
    done: int
    issues_created: int
    model_version: str
