"""The demo cases: two years, every kind, channel and status, some overdue and reopened."""

import pytest
from django.utils import timezone

from tiepdan.accounts import demo as accounts_demo
from tiepdan.cases import demo as cases_demo
from tiepdan.cases.models import Case, Status
from tiepdan.cases.rules import Kind
from tiepdan.cases.tests.factories import receive
from tiepdan.demo.registry import Demo
from tiepdan.orgunits import demo as orgunits_demo

pytestmark = pytest.mark.django_db


def test_the_demo_cases_cover_the_lifecycle():
    demo = Demo()
    orgunits_demo.seed(demo)
    accounts_demo.seed(demo)
    ward = demo.wards["26743"]
    earlier = receive(ward)  # a case another seeder made first
    cases_demo.seed(demo)
    cases = Case.objects.all()
    planted = cases.filter(idempotency_key__startswith="demo:dup:").count()
    assert planted == 8  # repeats for the duplicates panel, four per ward
    assert cases.count() == cases_demo.TOTAL + 1 + planted
    assert set(cases.values_list("kind", flat=True)) == set(Kind.values)
    assert set(cases.values_list("channel", flat=True)) == set(Case.Channel.values)
    assert set(cases.values_list("status", flat=True)) == set(Status.values)
    assert Case.objects.overdue(timezone.localdate()).count() > 20
    assert cases.filter(reopen_count__gt=0).exists()
    assert not cases.filter(is_anonymous=True, kind=Kind.DENUNCIATION, decision="accept").exists()
    numbers = list(cases.values_list("unit", "year", "number"))
    assert len(numbers) == len(set(numbers))
    assert earlier.number == 1 and cases.filter(unit=ward, number=1, year=earlier.year).count() == 1
    cases_demo.seed(demo)  # idempotent
    assert Case.objects.count() == cases_demo.TOTAL + 1 + planted


def test_the_demo_indexes_its_cases_and_plants_duplicates():
    from tiepdan.cases.services import duplicates

    demo = Demo()
    orgunits_demo.seed(demo)
    accounts_demo.seed(demo)
    cases_demo.seed(demo)
    assert duplicates.document_count() == Case.objects.count()
    marked = Case.objects.filter(duplicate_of__isnull=False)
    assert marked.count() == 2  # one per ward, already marked
    resend = Case.objects.get(idempotency_key="demo:dup:26743:1")
    found = duplicates.suggest(duplicates.Draft.of(resend))
    assert found and found[0].same_citizen
    neighbour = Case.objects.get(idempotency_key="demo:dup:26743:2")
    reasons = {r for s in duplicates.suggest(duplicates.Draft.of(neighbour)) for r in s.reasons}
    assert duplicates.Reason.SAME_PLACE in reasons
