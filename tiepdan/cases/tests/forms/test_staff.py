"""Assigning offers the officers of the case's department first, each with their open workload."""

import pytest

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases.forms.staff import AssignForm
from tiepdan.cases.tests.factories import accepted
from tiepdan.orgunits.models import Department

pytestmark = pytest.mark.django_db


@pytest.fixture
def departments(ward_a):
    land = Department.objects.create(unit=ward_a, name="Ban Địa chính", code="dia-chinh")
    urban = Department.objects.create(unit=ward_a, name="Ban Đô thị", code="do-thi")
    return land, urban


def test_the_chosen_departments_officers_come_first_with_their_open_cases(
    ward_a, officer_a, departments
):
    land, urban = departments
    surveyor = make_user(
        "surveyor", ward_a, roles.HANDLING_OFFICER, first_name="Bình", department=land
    )
    planner = make_user(
        "planner", ward_a, roles.HANDLING_OFFICER, first_name="Anh", department=urban
    )
    for _ in range(2):
        case = accepted(ward_a, officer_a)
        case.assignee = planner
        case.save(update_fields=["assignee"])

    form = AssignForm(unit_id=ward_a.pk, department_id=land.pk)
    officers = list(form.fields["officer"].queryset)
    assert officers[0] == surveyor
    labels = [label for _value, label in form.fields["officer"].choices]
    assert "Bình — Ban Địa chính · 0 đang xử lý" in labels[1]
    assert any("Ban Đô thị · 2 đang xử lý" in label for label in labels)


def test_a_closed_case_does_not_count_as_workload(ward_a, officer_a, departments):
    land, _urban = departments
    surveyor = make_user("surveyor", ward_a, roles.HANDLING_OFFICER, department=land)
    case = accepted(ward_a, officer_a)
    case.assignee, case.status = surveyor, "closed"
    case.save(update_fields=["assignee", "status"])
    form = AssignForm(unit_id=ward_a.pk, department_id=land.pk)
    assert form.fields["officer"].queryset.get(pk=surveyor.pk).open_cases == 0
