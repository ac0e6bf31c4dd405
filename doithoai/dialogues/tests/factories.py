"""Factories of the dialogues app: a draft round of the demo city and what hangs on a round."""

import datetime

import factory

from doithoai.accounts.tests.factories import UserFactory
from doithoai.dialogues.models import (
    AgendaItem,
    Chair,
    Directive,
    FocusTopic,
    Invitee,
    ParticipantGroup,
    Round,
    RoundState,
    Task,
)
from doithoai.units.models import Organisation
from doithoai.units.tests.factories import city


def peoples_committee() -> Organisation:
    return Organisation.objects.get(unit=city(), code="ubnd")


def department(code: str = "qldt") -> Organisation:
    return Organisation.objects.get(unit=city(), code=code)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    unit = factory.LazyFunction(city)
    organisation = factory.LazyFunction(peoples_committee)
    title = factory.Sequence(lambda n: f"Đối thoại thử nghiệm số {n}")
    starts_at = datetime.datetime(2017, 5, 1, 1, 0, tzinfo=datetime.UTC)
    venue = "Hội trường Ủy ban nhân dân thành phố"
    state = RoundState.DRAFT


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    round = factory.SubFactory(RoundFactory)
    text = "Rà soát, sửa chữa tuyến đường tổ 5 trước mùa mưa."
    assignee = factory.LazyFunction(department)
    deadline = datetime.date(2017, 6, 30)
    created_by = factory.SubFactory(UserFactory)


class InviteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitee

    round = factory.SubFactory(RoundFactory)
    name = factory.Sequence(lambda n: f"Đại biểu thử {n}")
    group = ParticipantGroup.RESIDENT


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    round = factory.SubFactory(RoundFactory)
    title = factory.Sequence(lambda n: f"Nội dung thảo luận {n}")
    position = factory.Sequence(lambda n: n)


class FocusTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusTopic

    round = factory.SubFactory(RoundFactory)
    label = "Trật tự đô thị, vỉa hè"


class ChairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chair

    round = factory.SubFactory(RoundFactory)
    name = factory.Sequence(lambda n: f"Chủ trì thử {n}")
    position_title = "Chủ tịch UBND thành phố"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    round = factory.SubFactory(RoundFactory)
    group = "Chuẩn bị hội nghị"
    organisation = factory.LazyFunction(department)
    text = "Chuẩn bị hội trường, âm thanh, ánh sáng."
    due_on = datetime.date(2017, 4, 25)
