from datetime import date

import pytest

from tiepdan.directives.models import Directive
from tiepdan.directives.tests.factories import DirectiveFactory

pytestmark = pytest.mark.django_db


def test_overdue_and_due_soon_pick_open_directives_by_date(ward_a, leader_a, officer_a):
    kw = dict(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    late = DirectiveFactory(due_on=date(2026, 12, 4), **kw)
    soon = DirectiveFactory(due_on=date(2026, 12, 9), **kw)
    DirectiveFactory(due_on=date(2026, 12, 30), **kw)
    DirectiveFactory(due_on=date(2026, 12, 1), status=Directive.Status.DONE, **kw)
    monday = date(2026, 12, 7)
    assert list(Directive.objects.overdue(on=monday)) == [late]
    assert list(Directive.objects.due_soon(on=monday)) == [soon]
    assert late.is_overdue(monday) and not soon.is_overdue(monday)


def test_it_refuses_a_row_without_an_owner_at_the_database(ward_a, leader_a):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        DirectiveFactory(unit=ward_a, issued_by=leader_a)


def test_visible_to_keeps_other_wards_out(ward_a, leader_a, officer_a, officer_b):
    DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    assert Directive.objects.visible_to(officer_a).count() == 1
    assert Directive.objects.visible_to(officer_b).count() == 0


def test_owned_by_covers_the_officer_and_their_department(ward_a, leader_a, officer_a):
    from tiepdan.orgunits.services import ensure_department

    dept = ensure_department(ward_a, "tcd", "Bộ phận Tiếp công dân", "bo_phan")
    officer_a.department = dept
    officer_a.save()
    mine = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    ours = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_department=dept)
    DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=leader_a)
    assert set(Directive.objects.owned_by(officer_a)) == {mine, ours}
