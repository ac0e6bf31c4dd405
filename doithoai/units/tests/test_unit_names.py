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
