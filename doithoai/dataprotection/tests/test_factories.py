import pytest

from doithoai.dataprotection.models import RequestState
from doithoai.dataprotection.tests.factories import DataSubjectRequestFactory

pytestmark = pytest.mark.django_db


def test_request_factory_records_a_received_request() -> None:
    request = DataSubjectRequestFactory()
    request.full_clean()
    assert request.state == RequestState.RECEIVED
    assert request.acknowledge_by < request.due_on
