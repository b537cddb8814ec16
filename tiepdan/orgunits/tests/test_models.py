"""The unit tree: paths, subtrees, the commune and province of a unit, containment."""

import pytest
from django.core.exceptions import ValidationError

from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import ensure_group, ensure_ward


def test_a_path_lists_the_ancestors_ids(ward_a, group_a):
    province = ward_a.parent
    assert province.path == f"/{province.pk}/"
    assert ward_a.path == f"/{province.pk}/{ward_a.pk}/"
    assert group_a.path == f"{ward_a.path}{group_a.pk}/"


def test_a_subtree_holds_the_unit_and_everything_below_it(ward_a, group_a, ward_b):
    province = ward_a.parent
    assert set(OrgUnit.objects.subtree_of(province)) == {province, ward_a, group_a}
    assert set(OrgUnit.objects.subtree_of(ward_a)) == {ward_a, group_a}


def test_a_subtree_does_not_catch_a_sibling_whose_id_shares_a_prefix(ward_a):
    """Path "/1/2/" must not match "/1/23/": the trailing slash separates ids."""
    siblings = [ensure_group(ward_a, f"Khu phố {n}") for n in range(1, 13)]
    first = siblings[0]
    assert list(OrgUnit.objects.subtree_of(first)) == [first]


def test_commune_and_province_of_each_level(ward_a, group_a):
    province = ward_a.parent
    assert group_a.commune() == ward_a
    assert ward_a.commune() == ward_a
    assert province.commune() is None
    assert group_a.province() == province
    assert province.province() == province


def test_contains_is_true_for_itself_and_below_only(ward_a, group_a, ward_b):
    assert ward_a.contains(ward_a)
    assert ward_a.contains(group_a)
    assert ward_a.parent.contains(group_a)
    assert not group_a.contains(ward_a)
    assert not ward_a.contains(ward_b)


def test_moving_a_unit_moves_its_subtree(ward_a, group_a):
    other = ensure_ward(26740)  # Phường Sài Gòn, TP. Hồ Chí Minh
    inner = ensure_group(group_a, "Tổ 1")
    group_a.parent = other
    group_a.save()
    inner.refresh_from_db()
    assert inner.path == f"{other.path}{group_a.pk}/{inner.pk}/"
    assert other.contains(inner)
    assert not ward_a.contains(inner)


def test_a_unit_cannot_be_placed_inside_itself(ward_a, group_a):
    ward_a.parent = group_a
    with pytest.raises(ValidationError):
        ward_a.clean()


def test_a_residential_group_cannot_hang_from_a_province(ward_a):
    group = OrgUnit(
        name="Tổ 9",
        kind=OrgUnit.Kind.RESIDENTIAL_GROUP,
        level=OrgUnit.Level.GROUP,
        parent=ward_a.parent,
    )
    with pytest.raises(ValidationError):
        group.clean()


def test_current_leaves_out_historical_units(ward_a):
    old = OrgUnit.objects.create(
        name="Quận 1",
        kind=OrgUnit.Kind.DISTRICT,
        level=OrgUnit.Level.DISTRICT,
        code="760",
        parent=ward_a.parent,
        is_historical=True,
    )
    assert old not in OrgUnit.objects.current()
    assert ward_a in OrgUnit.objects.current().communes()
