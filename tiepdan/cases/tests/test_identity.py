"""The denouncer-identity policy (rule 19): who may see it, as a check and as a filter."""

import pytest

from tiepdan.cases.identity import identity_visible_q, may_see_identity
from tiepdan.cases.models import Case
from tiepdan.cases.rules import Kind
from tiepdan.cases.tests.factories import receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def denunciation(ward_a, officer_a, chairman_a, leader_a):
    case = receive(ward_a, kind=Kind.DENUNCIATION)
    Case.objects.filter(pk=case.pk).update(assignee=officer_a, resolver=chairman_a)
    case.refresh_from_db()
    return case


def test_it_shows_a_denouncer_to_the_resolver_and_the_assigned_officer(
    denunciation, officer_a, chairman_a
):
    assert may_see_identity(officer_a, denunciation)
    assert may_see_identity(chairman_a, denunciation)


def test_it_hides_a_denouncer_from_everyone_else(denunciation, leader_a, admin_a, officer_b):
    for user in (leader_a, admin_a, officer_b, None):
        assert not may_see_identity(user, denunciation)


def test_it_hides_a_denouncer_from_a_superuser(denunciation, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="pw-for-tests-1")
    assert not may_see_identity(root, denunciation)


def test_it_shows_other_kinds_to_anyone_who_sees_the_case(ward_a, leader_a):
    petition = receive(ward_a, kind=Kind.PETITION)
    assert may_see_identity(leader_a, petition)


def test_the_filter_agrees_with_the_check(ward_a, denunciation, officer_a, leader_a):
    petition = receive(ward_a, kind=Kind.PETITION)
    for user in (officer_a, leader_a):
        visible = set(Case.objects.filter(identity_visible_q(user)).values_list("pk", flat=True))
        for case in (denunciation, petition):
            assert (case.pk in visible) == may_see_identity(user, case)
