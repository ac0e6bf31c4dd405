import pytest

from doithoai.accounts.models import Role
from doithoai.accounts.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_user_factory_makes_a_user_who_can_log_in() -> None:
    user = UserFactory()
    user.full_clean()
    assert user.check_password("mat-khau-thu-nghiem")


def test_membership_factory_gives_the_user_a_role() -> None:
    membership = MembershipFactory(role=Role.SECRETARIAT)
    membership.full_clean()
    assert list(membership.user.memberships.values_list("role", flat=True)) == [Role.SECRETARIAT]
