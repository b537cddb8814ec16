"""The one door: out of scope is a 404, in scope without the capability is a 403."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from conftest import make_user
from tiepdan.accounts.access import get_in_scope, get_user_for, require, scoped
from tiepdan.accounts.models import User
from tiepdan.orgunits.models import Department
from tiepdan.orgunits.services import ensure_department

MANAGE = "accounts.manage_unit_users"


@pytest.fixture
def dept_a(ward_a) -> Department:
    return ensure_department(ward_a, "tcd", "Bộ phận Tiếp công dân", Department.Kind.SECTION)


@pytest.fixture
def dept_b(ward_b) -> Department:
    return ensure_department(ward_b, "tcd", "Bộ phận Tiếp công dân", Department.Kind.SECTION)


def test_it_keeps_a_user_to_the_records_of_their_units(officer_a, dept_a, dept_b):
    assert list(scoped(Department.objects.all(), officer_a)) == [dept_a]


def test_it_shows_a_province_reader_every_ward_below_the_province(province_reader, dept_a, dept_b):
    assert list(scoped(Department.objects.all(), province_reader)) == [dept_a]


def test_it_shows_a_superuser_everything(dept_a, dept_b):
    root = User.objects.create_superuser("root", password="x-long-password-1")
    assert set(scoped(Department.objects.all(), root)) == {dept_a, dept_b}


def test_it_shows_a_user_without_a_unit_nothing(db, dept_a):
    loner = make_user("loner", None)
    assert not scoped(Department.objects.all(), loner).exists()


def test_it_answers_404_for_a_record_out_of_scope(officer_b, dept_a):
    with pytest.raises(Http404):
        get_in_scope(Department.objects.all(), officer_b, dept_a.pk, read=MANAGE)


def test_it_answers_404_for_a_malformed_id(officer_a):
    with pytest.raises(Http404):
        get_in_scope(Department.objects.all(), officer_a, "not-a-number")


def test_it_answers_403_in_scope_without_the_capability(officer_a, dept_a):
    with pytest.raises(PermissionDenied):
        get_in_scope(Department.objects.all(), officer_a, dept_a.pk, read=MANAGE)


def test_it_checks_the_write_capability_only_for_writes(officer_a, dept_a):
    found = get_in_scope(Department.objects.all(), officer_a, dept_a.pk, read=None, write=MANAGE)
    assert found == dept_a
    with pytest.raises(PermissionDenied):
        get_in_scope(Department.objects.all(), officer_a, dept_a.pk, write=MANAGE, for_write=True)


def test_it_returns_the_record_in_scope_with_the_capability(admin_a, dept_a):
    assert get_in_scope(Department.objects.all(), admin_a, dept_a.pk, read=MANAGE) == dept_a


def test_it_requires_every_capability_listed(admin_a, officer_a):
    require(admin_a, MANAGE, "accounts.view_staff_pages")
    with pytest.raises(PermissionDenied):
        require(officer_a, MANAGE)


def test_a_disabled_account_holds_no_capability(admin_a):
    admin_a.is_active = False
    admin_a.save(update_fields=["is_active"])
    with pytest.raises(PermissionDenied):
        require(User.objects.get(pk=admin_a.pk), MANAGE)


def test_a_unit_admin_reaches_only_the_accounts_of_their_subtree(admin_a, officer_a, officer_b):
    assert get_user_for(admin_a, officer_a.pk) == officer_a
    with pytest.raises(Http404):
        get_user_for(admin_a, officer_b.pk)


def test_no_unit_admin_reaches_a_superuser(admin_a, ward_a):
    root = User.objects.create_superuser("root", password="x-long-password-1", unit=ward_a)
    with pytest.raises(Http404):
        get_user_for(admin_a, root.pk)
