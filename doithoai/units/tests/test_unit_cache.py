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


def test_a_tree_change_made_by_another_process_reaches_this_one(db, monkeypatch):
    """The version is in the shared (database) cache: another server process's change is seen
    here once the process's short-lived copy of the version expires."""
    from django.core.cache import caches

    from doithoai.units import selectors

    ward = Unit.objects.get(scheme="2004", code="01840")
    before = selectors.tree_version()
    first = unit_covered_ids_cached(frozenset({ward.pk}))
    # Another process adds a village and bumps the shared version; this process's memory
    # still holds the old area.
    village = Unit.objects.create(
        scheme="local", code="bench-village", kind=UnitKind.VILLAGE, name="Thôn Khác", parent=ward
    )
    caches["shared"].set(selectors.TREE.key, before + 1, timeout=None)
    assert village.pk not in unit_covered_ids_cached(frozenset({ward.pk}))
    monkeypatch.setattr(selectors.TREE, "seconds", 0)
    assert selectors.tree_version() == before + 1
    assert unit_covered_ids_cached(frozenset({ward.pk})) == first | {village.pk}


def test_a_unit_is_read_once_then_kept_until_the_tree_changes(
    db, django_assert_num_queries, monkeypatch
):
    from django.core.cache import caches

    from doithoai.units import selectors

    ward = Unit.objects.get(scheme="2004", code="01840")
    assert selectors.unit_by_id(ward.pk) == ward
    with django_assert_num_queries(0):
        assert selectors.unit_by_id(ward.pk).name == ward.name
    assert selectors.unit_by_id(-1) is None
    # Another process renames it and bumps the shared version: seen once this process reads it.
    Unit.objects.filter(pk=ward.pk).update(name="Phường Đổi Tên")
    caches["shared"].set(selectors.TREE.key, selectors.tree_version() + 1, timeout=None)
    monkeypatch.setattr(selectors.TREE, "seconds", 0)
    assert selectors.unit_by_id(ward.pk).name == "Phường Đổi Tên"


def test_a_unit_edited_in_the_admin_reaches_every_process(
    db, client, django_capture_on_commit_callbacks
):
    from doithoai.accounts.models import User
    from doithoai.units import selectors

    admin = User.objects.create_superuser(username="sieuquantri", password="x")
    client.force_login(admin)
    ward = Unit.objects.get(scheme="2004", code="01840")
    assert selectors.unit_by_id(ward.pk).name == ward.name
    before = selectors.tree_version()
    url = f"/admin/units/unit/{ward.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["name"] = "Phường Đức Xuân (sửa)"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert selectors.tree_version() == before + 1
    assert selectors.unit_by_id(ward.pk).name == "Phường Đức Xuân (sửa)"
