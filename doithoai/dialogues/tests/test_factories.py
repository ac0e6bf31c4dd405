import pytest

from doithoai.dialogues.models import RoundState
from doithoai.dialogues.tests.factories import (
    AgendaItemFactory,
    ChairFactory,
    DirectiveFactory,
    FocusTopicFactory,
    InviteeFactory,
    RoundFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def test_round_factory_makes_a_valid_draft_of_the_city() -> None:
    round_ = RoundFactory()
    round_.full_clean()
    assert round_.state == RoundState.DRAFT
    assert round_.organisation.unit == round_.unit


@pytest.mark.parametrize(
    "factory_class",
    [
        DirectiveFactory,
        InviteeFactory,
        AgendaItemFactory,
        FocusTopicFactory,
        ChairFactory,
        TaskFactory,
    ],
)
def test_part_factories_hang_valid_rows_on_one_round(factory_class) -> None:  # type: ignore[no-untyped-def]
    round_ = RoundFactory()
    made = factory_class(round=round_)
    made.full_clean()
    assert made.round_id == round_.pk
