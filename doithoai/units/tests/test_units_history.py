import io

from django.core.management import call_command

from doithoai.units.models import Scheme, Unit, UnitKind
from doithoai.units.selectors import unit_covered_ids, unit_current_successors

BAC_KAN_2016_WARDS = {
    "Phường Nguyễn Thị Minh Khai",
    "Phường Sông Cầu",
    "Phường Đức Xuân",
    "Phường Phùng Chí Kiên",
    "Phường Huyền Tụng",
    "Phường Xuất Hóa",
    "Xã Dương Quang",
    "Xã Nông Thượng",
}


def test_bac_kan_city_2016_has_its_wards_with_parent_links(db):
    province = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="06")
    city = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")
    assert province.name == "Tỉnh Bắc Kạn" and province.kind == UnitKind.PROVINCE
    assert city.parent == province and city.kind == UnitKind.PROVINCIAL_CITY
    assert set(city.children.values_list("name", flat=True)) == BAC_KAN_2016_WARDS
    assert str(city.valid_to) == "2025-06-30"
    assert city.is_current(on=__import__("datetime").date(2016, 9, 23))


def test_today_thai_nguyen_is_two_levels(db):
    province = Unit.objects.get(scheme=Scheme.CURRENT_2025, code="19")
    assert province.name == "Tỉnh Thái Nguyên"
    wards = province.children.all()
    assert wards.count() > 50
    assert {w.kind for w in wards} <= {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE}
    assert not Unit.objects.filter(parent__in=wards, scheme=Scheme.CURRENT_2025).exists()
    assert str(province.valid_from) == "2025-07-01"


def test_a_2016_ward_maps_to_its_successor_and_is_found_under_it(db):
    huyen_tung = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="01846")
    successors = list(unit_current_successors(huyen_tung))
    assert len(successors) == 1
    successor = successors[0]
    assert successor.scheme == Scheme.CURRENT_2025 and successor.parent.code == "19"
    assert huyen_tung.pk in unit_covered_ids([successor.pk])
    # The whole old city is found under today's province, not under an unrelated one.
    assert Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058").pk in unit_covered_ids(
        [successor.parent.pk]
    ) or huyen_tung.pk in unit_covered_ids([successor.parent.pk])
    ha_noi_unit = Unit.objects.filter(scheme=Scheme.CURRENT_2025, code="01").first()
    if ha_noi_unit:
        assert huyen_tung.pk not in unit_covered_ids([ha_noi_unit.pk])


def test_todays_province_reaches_the_2016_city_through_the_province_merger(db):
    today = Unit.objects.get(scheme=Scheme.CURRENT_2025, code="19")
    city_2016 = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")
    assert city_2016.pk in unit_covered_ids([today.pk])
    assert Unit.objects.get(scheme=Scheme.LEGACY_2004, code="06").successors.get() == today


def test_loading_twice_creates_nothing_twice(db):
    before = Unit.objects.count()
    call_command("load_units", "--legacy-province", "6", "--province", "19", stdout=io.StringIO())
    assert Unit.objects.count() == before
