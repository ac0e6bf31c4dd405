"""The follow-up's state tables (issue, answer, directive, extension request, answer letter):
every move outside a table is refused and changes nothing."""

import datetime

import pytest

from doithoai.core.tests.state_tables import assert_table_enforced
from doithoai.dialogues.tests.factories import DirectiveFactory, peoples_committee
from doithoai.followup.choices import (
    ANSWER_TRANSITIONS,
    DIRECTIVE_TRANSITIONS,
    EXTENSION_TRANSITIONS,
    ISSUE_TRANSITIONS,
)
from doithoai.followup.letter_choices import LETTER_TRANSITIONS
from doithoai.followup.models import AnswerLetter, ExtensionRequest
from doithoai.followup.tests.factories import AnswerFactory
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.synthesis.tests.factories import IssueFactory

pytestmark = pytest.mark.django_db


def test_issue_table():
    assert_table_enforced(IssueFactory(), ISSUE_TRANSITIONS)


def test_answer_table():
    assert_table_enforced(AnswerFactory(), ANSWER_TRANSITIONS)


def test_directive_table():
    assert_table_enforced(DirectiveFactory(), DIRECTIVE_TRANSITIONS)


def test_letter_table():
    petition = PetitionFactory()
    letter = AnswerLetter.objects.create(
        petition=petition,
        answer=AnswerFactory(),
        ward=petition.unit,
        organisation=peoples_committee(),
        year=2017,
        seq=1,
        issued_on=datetime.date(2017, 6, 1),
    )
    assert_table_enforced(letter, LETTER_TRANSITIONS)


def test_extension_table():
    directive = DirectiveFactory()
    request = ExtensionRequest.objects.create(
        directive=directive,
        old_deadline=directive.deadline,
        requested_deadline=datetime.date(2017, 7, 31),
        reason="Chờ kinh phí bổ sung.",
    )
    assert_table_enforced(request, EXTENSION_TRANSITIONS)
