import pytest

from doithoai.petitions.models import Petition


@pytest.fixture
def counts():
    from doithoai.core.models import Event
    from doithoai.petitions.models import Attachment

    def snapshot():
        return Petition.objects.count(), Event.objects.count(), Attachment.objects.count()

    return snapshot
