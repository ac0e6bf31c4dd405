import pytest

from doithoai.followup.choices import AnswerState, AssignmentState
from doithoai.followup.tests.factories import AnswerFactory, AssignmentFactory

pytestmark = pytest.mark.django_db


def test_assignment_factory_gives_an_issue_to_a_department() -> None:
    assignment = AssignmentFactory()
    assignment.full_clean()
    assert assignment.state == AssignmentState.ACTIVE
    assert assignment.lead.code == "qldt"
    assert list(assignment.issue.assignments.all()) == [assignment]


def test_answer_factory_drafts_an_answer() -> None:
    answer = AnswerFactory()
    answer.full_clean()
    assert answer.state == AnswerState.DRAFT
    assert answer.assignment.answers.get() == answer
