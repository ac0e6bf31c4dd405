import pytest

from doithoai.documents.tests.factories import IssuedDocumentFactory

pytestmark = pytest.mark.django_db


def test_issued_document_factory_numbers_each_entry() -> None:
    first, second = IssuedDocumentFactory(), IssuedDocumentFactory()
    first.full_clean()
    assert second.number == first.number + 1
    assert first.symbol == f"{first.number}/TB-UBND"
    assert first.organisation == first.round.organisation
