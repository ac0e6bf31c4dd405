"""Factories of the dataprotection app: a data subject's request as an officer records it."""

import datetime

import factory

from doithoai.dataprotection.models import DataSubjectRequest, IdentifiedBy, RequestKind
from doithoai.dialogues.tests.factories import peoples_committee


class DataSubjectRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DataSubjectRequest

    organisation = factory.LazyFunction(peoples_committee)
    kind = RequestKind.ACCESS
    requester_name = "Nguyễn Thị Yêu Cầu"
    identified_by = IdentifiedBy.IN_PERSON
    received_on = datetime.date(2026, 12, 1)
    acknowledge_by = datetime.date(2026, 12, 3)
    due_on = datetime.date(2026, 12, 31)
