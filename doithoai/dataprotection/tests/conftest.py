"""Fixtures of the personal-data tests: the demo's officer ("baove"), a request, a person's
petitions."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from doithoai.dataprotection.models import IdentifiedBy
from doithoai.dataprotection.services import request_receive
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.units.models import Organisation

NAME = "Trần Văn Bí Mật"
PHONE = "0912345678"
EMAIL = "bimat@example.vn"


@pytest.fixture
def dpo(demo_user: Any) -> Any:
    return demo_user("baove")


@pytest.fixture
def dpo_org(dpo: Any) -> Organisation:
    return Organisation.objects.get(memberships__user=dpo, memberships__role="dpo")


@pytest.fixture
def person(db: Any) -> list[Any]:
    """Three petitions of one person (the phone typed differently in one) and one of another
    person who only shares the name."""
    return [
        PetitionFactory(
            text="Đề nghị sửa đường tổ 5, liên hệ ông Trần Văn Bí Mật số 0912345678.",
            submitter_name=NAME,
            phone=PHONE,
            email=EMAIL,
        ),
        PetitionFactory(submitter_name=NAME, phone="+84 912 345 678", email=""),
        PetitionFactory(submitter_name="", phone="", email="BiMat@Example.vn"),
    ]


@pytest.fixture
def namesake(db: Any) -> Any:
    return PetitionFactory(submitter_name=NAME, phone="0988000111", email="khac@example.vn")


@pytest.fixture
def stranger(db: Any) -> Any:
    return PetitionFactory(submitter_name="Lê Thị Khác", phone="0977111222", email="le@example.vn")


@pytest.fixture
def make_request(dpo: Any, dpo_org: Organisation) -> Any:
    def make(kind: str, received_on: datetime.date | None = None, **extra: Any) -> Any:
        values = {"requester_name": NAME, "requester_phone": PHONE, "requester_email": EMAIL}
        values.update(extra)
        return request_receive(
            actor=dpo,
            organisation=dpo_org,
            kind=kind,
            identified_by=IdentifiedBy.IN_PERSON,
            received_on=received_on or timezone.localdate(),
            **values,
        )

    return make


@pytest.fixture
def dpo_client(client: Any, dpo: Any) -> Any:
    client.force_login(dpo)
    return client
