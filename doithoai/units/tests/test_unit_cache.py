from django.core.cache import cache

from doithoai.units.models import Unit, UnitKind
from doithoai.units.selectors import unit_covered_ids, unit_covered_ids_cached
from doithoai.units.services import unit_add_local


def test_cached_area_equals_the_computed_one_and_follows_tree_changes(
    db, demo_user, django_capture_on_commit_callbacks
):
    ward = Unit.objects.get(scheme="2004", code="01840")
    first = unit_covered_ids_cached(frozenset({ward.pk}))
    assert first == unit_covered_ids([ward.pk])
    with django_capture_on_commit_callbacks(execute=True):
        village = unit_add_local(
            actor=demo_user("phuong"), parent=ward, kind=UnitKind.VILLAGE, name="Thôn Mới"
        )
    assert village.pk in unit_covered_ids_cached(frozenset({ward.pk}))
    cache.clear()
