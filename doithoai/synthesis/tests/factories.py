"""Factories of the synthesis app: an issue of a round with its petitions."""

import factory

from doithoai.core.text import fold
from doithoai.dialogues.tests.factories import RoundFactory
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.synthesis.models import Issue, IssueMembership


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    round = factory.SubFactory(RoundFactory)
    unit = factory.LazyAttribute(lambda o: o.round.unit)
    title = factory.Sequence(lambda n: f"Đường tổ {n} phường Đức Xuân xuống cấp")
    title_folded = factory.LazyAttribute(lambda o: fold(o.title))
    title_confirmed = True


class IssueMembershipFactory(factory.django.DjangoModelFactory):
    """A petition of the issue's round grouped into the issue."""

    class Meta:
        model = IssueMembership

    issue = factory.SubFactory(IssueFactory)
    petition = factory.SubFactory(
        PetitionFactory,
        round=factory.SelfAttribute("..issue.round"),
        state="grouped",
    )
