"""A data subject's request's state table: every move outside it is refused, nothing changed."""

import pytest

from doithoai.core.tests.state_tables import assert_table_enforced
from doithoai.dataprotection.models import REQUEST_TRANSITIONS
from doithoai.dataprotection.tests.factories import DataSubjectRequestFactory

pytestmark = pytest.mark.django_db


def test_request_table():
    assert_table_enforced(DataSubjectRequestFactory(), REQUEST_TRANSITIONS)
