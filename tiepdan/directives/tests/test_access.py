import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tiepdan.directives.access import get_directive_for
from tiepdan.directives.tests.factories import DirectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directive(ward_a, leader_a, officer_a):
    return DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)


def test_another_wards_officer_gets_404(directive, officer_b):
    with pytest.raises(Http404):
        get_directive_for(officer_b, directive.pk)


def test_a_role_without_the_capability_gets_403(directive, mediator_a):
    with pytest.raises(PermissionDenied):
        get_directive_for(mediator_a, directive.pk)


def test_the_owner_may_report_and_the_leader_may_too(directive, officer_a, leader_a):
    assert get_directive_for(officer_a, directive.pk, write=True) == directive
    assert get_directive_for(leader_a, directive.pk, write=True) == directive


def test_an_officer_who_does_not_own_it_may_only_read(directive, ward_a):
    from conftest import make_user
    from tiepdan.accounts import roles

    other = make_user("other_a", ward_a, roles.HANDLING_OFFICER)
    assert get_directive_for(other, directive.pk) == directive
    with pytest.raises(PermissionDenied):
        get_directive_for(other, directive.pk, write=True)


def test_the_province_reader_reads_but_cannot_report(directive, province_reader):
    assert get_directive_for(province_reader, directive.pk) == directive
    with pytest.raises(PermissionDenied):
        get_directive_for(province_reader, directive.pk, write=True)
