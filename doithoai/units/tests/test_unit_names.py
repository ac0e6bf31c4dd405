"""Unit names as written in documents."""

from doithoai.units.models import Unit
from doithoai.units.services import unit_name


def test_the_kind_is_written_in_lower_case_after_its_first_letter(db):
    assert unit_name("Thành Phố Bắc Kạn") == "Thành phố Bắc Kạn"
    assert unit_name("Thành phố Huế") == "Thành phố Huế"
    assert unit_name("Phường Phố Huế") == "Phường Phố Huế"  # "Phố" of a name stays


def test_no_loaded_unit_is_named_with_an_upper_case_kind(db):
    names = Unit.objects.filter(name__contains="Bắc Kạn").values_list("name", flat=True)
    assert "Thành phố Bắc Kạn" in names
    assert not [n for n in Unit.objects.values_list("name", flat=True) if n.startswith("Thành Phố")]


def test_a_load_refused_half_way_writes_no_unit(db):
    """`units_load` is one transaction: a province written in its first wave is gone again when
    a later row has no parent in the data."""
    import pytest
    from django.core.exceptions import ValidationError

    from doithoai.units.models import Scheme, UnitKind
    from doithoai.units.services import UnitRow, units_load

    rows = [
        UnitRow(Scheme.CURRENT_2025, "98", UnitKind.PROVINCE, "Tỉnh Thử", None, None, None),
        UnitRow(Scheme.CURRENT_2025, "99999", UnitKind.PROVINCE, "Xã Mồ Côi", "97", None, None),
    ]
    with pytest.raises(ValidationError):
        units_load(rows=rows, successions=[], source="test")
    assert not Unit.objects.filter(scheme=Scheme.CURRENT_2025, code="98").exists()
