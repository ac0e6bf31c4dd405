"""Factories of the documents app: an entry of the register (issuing goes through the service)."""

import datetime

import factory

from doithoai.accounts.tests.factories import UserFactory
from doithoai.dialogues.tests.factories import RoundFactory
from doithoai.documents.models import IssuedDocument


class IssuedDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssuedDocument

    round = factory.SubFactory(RoundFactory)
    organisation = factory.LazyAttribute(lambda o: o.round.organisation)
    year = 2017
    series = "TB"
    number = factory.Sequence(lambda n: n + 1)
    kind = "conclusion"
    symbol = factory.LazyAttribute(lambda o: f"{o.number}/TB-UBND")
    title = "Thông báo kết luận của Chủ tịch UBND thành phố tại hội nghị đối thoại"
    issued_on = datetime.date(2017, 5, 8)
    issued_by = factory.SubFactory(UserFactory)
