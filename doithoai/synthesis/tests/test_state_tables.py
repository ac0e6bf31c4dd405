"""The Front's report's state table: every move outside it is refused and changes nothing."""

import datetime

import pytest

from doithoai.core.tests.state_tables import assert_table_enforced
from doithoai.dialogues.tests.factories import RoundFactory
from doithoai.synthesis.models import REPORT_TRANSITIONS, SynthesisReport

pytestmark = pytest.mark.django_db


def test_report_table():
    report = SynthesisReport.objects.create(
        round=RoundFactory(), report_date=datetime.date(2017, 5, 10)
    )
    assert_table_enforced(report, REPORT_TRANSITIONS)
