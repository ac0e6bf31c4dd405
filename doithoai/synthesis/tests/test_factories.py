import pytest

from doithoai.synthesis.tests.factories import IssueFactory, IssueMembershipFactory

pytestmark = pytest.mark.django_db


def test_issue_factory_makes_a_valid_issue_of_a_round() -> None:
    issue = IssueFactory()
    issue.full_clean()
    assert issue.unit == issue.round.unit
    assert issue.title_folded.startswith("duong to")


def test_membership_factory_groups_a_petition_of_the_same_round() -> None:
    issue = IssueFactory()
    membership = IssueMembershipFactory(issue=issue)
    membership.full_clean()
    assert membership.petition.round == issue.round
    assert list(issue.memberships.all()) == [membership]
