"""`core.states`: a table names every state; a refused move says which, in Vietnamese."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models

from doithoai.core.states import StateTable


class Light(models.TextChoices):
    RED = "red", "Đỏ"
    GREEN = "green", "Xanh"


def test_a_table_must_name_every_state_and_only_known_ones():
    with pytest.raises(ImproperlyConfigured):
        StateTable(Light, {Light.RED: {Light.GREEN}})
    with pytest.raises(ImproperlyConfigured):
        StateTable(Light, {Light.RED: {"blue"}, Light.GREEN: set()})


def test_a_refusal_names_both_states_by_their_labels_and_a_target_may_have_its_own():
    table = StateTable(
        Light,
        {Light.RED: {Light.GREEN}, Light.GREEN: set()},
        refusals={Light.RED: "Đèn đã đỏ."},
    )
    assert table.allows("red", "green") and not table.allows("green", "green")
    assert table["red"] == frozenset({"green"}) and dict(table)["green"] == frozenset()
    with pytest.raises(ValidationError) as refused:
        table.check("green", "green")
    assert refused.value.messages == ["Không thể chuyển từ trạng thái “Xanh” sang “Xanh”."]
    with pytest.raises(ValidationError) as refused:
        table.check("green", "red")
    assert refused.value.messages == ["Đèn đã đỏ."]
