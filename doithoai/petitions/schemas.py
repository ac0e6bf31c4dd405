"""API schemas: explicit fields only. Staff output may carry the submitter; public output never."""

import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from doithoai.core.api import InputSchema
from doithoai.petitions.choices import Channel

StaffChannel = Literal[
    "phuong_xa", "mttq", "truong_thon", "hoi_nghi", "bao_chi", "duong_day_nong", "api"
]


class PetitionCreateIn(InputSchema):
    text: str = Field(max_length=20000)
    unit_id: int
    channel: StaffChannel = Channel.API  # type: ignore[assignment]
    legal_kind: str = "kien_nghi"
    topic: str = ""
    place: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    round_id: int | None = None
    submitter_type: str = "nguoi_dan"
    anonymous: bool = False
    confidential: bool = False
    submitter_name: str = ""
    phone: str = ""
    email: str = ""
    submitter_address: str = ""
    business_name: str = ""
    tax_code: str = ""
    on_behalf_of: str = ""
    received_on: datetime.date | None = None
    notify_email: bool = False
    notify_sms: bool = False


class PublicPetitionCreateIn(InputSchema):
    text: str = Field(max_length=20000)
    unit_id: int
    legal_kind: str = "kien_nghi"
    place: str = ""
    address: str = ""
    anonymous: bool = False
    confidential: bool = False
    submitter_name: str = ""
    phone: str = ""
    email: str = ""
    consent: bool = False
    notify_email: bool = False
    notify_sms: bool = False


class PublicLookupIn(InputSchema):
    code: str = Field(max_length=32, description="The tracking code the petitioner received.")


class UnitOut(Schema):
    id: int
    code: str
    name: str


class SubmitterOut(Schema):
    type: str
    anonymous: bool
    confidential: bool
    name: str
    phone: str
    email: str
    address: str
    business_name: str
    tax_code: str


class PetitionRoundOut(Schema):
    id: int
    title: str


class PetitionOut(Schema):
    id: int
    code: str
    text: str
    legal_kind: str
    topic: str | None
    unit: UnitOut
    place: str
    channel: str
    state: str
    received_on: datetime.date
    created_at: datetime.datetime
    due_on: datetime.date | None
    round: PetitionRoundOut | None = Field(
        None,
        description="The dialogue round the petition is in; null: outside every round, handled "
        "through ordinary citizen-feedback handling.",
    )
    round_note: str = Field("", description="What the receipt says about the round.")
    submitter: SubmitterOut | None = Field(
        None, description="Present only for roles allowed to see the petitioner's personal data."
    )


class PetitionPageOut(Schema):
    items: list[PetitionOut]
    next_cursor: str | None


class PublicAnswerOut(Schema):
    text: str
    published_at: datetime.datetime | None


class PublicPetitionOut(Schema):
    code: str
    state: str
    state_label: str
    received_on: datetime.date
    unit: str
    topic: str | None
    forwarded_to: str
    due_on: datetime.date | None
    round_title: str | None = Field(None, description="The dialogue round the petition is in.")
    round_note: str = ""
    answers: list[PublicAnswerOut] = []


class TransitionIn(InputSchema):
    to_state: str
    reason_code: str = ""
    reason: str = Field("", max_length=2000)
    forwarded_to: str = Field("", max_length=200)
