import pytest

from doithoai.notify.models import MessageState
from doithoai.notify.tests.factories import MessageFactory

pytestmark = pytest.mark.django_db


def test_message_factory_queues_a_pending_email() -> None:
    message = MessageFactory()
    message.full_clean()
    assert message.state == MessageState.PENDING
    assert MessageFactory().to != message.to
