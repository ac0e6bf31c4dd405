"""The petition's state table: every move outside it is refused and changes nothing."""

import pytest

from doithoai.core.tests.state_tables import assert_table_enforced
from doithoai.petitions.choices import TRANSITIONS
from doithoai.petitions.tests.factories import PetitionFactory

pytestmark = pytest.mark.django_db


def test_petition_table():
    assert_table_enforced(PetitionFactory(), TRANSITIONS)
