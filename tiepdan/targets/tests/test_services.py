from decimal import Decimal

import pytest

from tiepdan.lib.errors import DomainError
from tiepdan.targets import services
from tiepdan.targets.models import Target, UnitRating
from tiepdan.targets.periods import parse_period
from tiepdan.targets.tests.factories import ProgrammeFactory, TargetFactory

pytestmark = pytest.mark.django_db


def test_it_refuses_a_zero_plan_where_a_ratio_is_wanted(ward_a):
    """A percentage of plan needs a plan above zero (issue 7, bad input)."""
    programme = ProgrammeFactory(unit=ward_a)
    with pytest.raises(DomainError) as error:
        services.save_target(programme, code="x", name="X", group="party", plan=Decimal(0))
    assert error.value.field == "plan"
    assert not Target.objects.exists()


def test_it_accepts_a_zero_plan_when_lower_is_better(ward_a):
    programme = ProgrammeFactory(unit=ward_a)
    target = services.save_target(
        programme,
        code="drugs",
        name="Không phát sinh điểm nóng ma túy",
        group="defence",
        plan=Decimal(0),
        direction=Target.Direction.LOWER,
    )
    result = services.record_result(target, period=parse_period("2026"), value=Decimal(0))
    assert result.percent() is None


def test_it_refuses_a_negative_plan(ward_a):
    programme = ProgrammeFactory(unit=ward_a)
    with pytest.raises(DomainError):
        services.save_target(
            programme, code="x", name="X", group="party", plan=Decimal(-1), direction="lower"
        )


def test_it_refuses_a_result_outside_the_programmes_year(ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a, year=2023))
    with pytest.raises(DomainError) as error:
        services.record_result(target, period=parse_period("2024-Q1"), value=Decimal(3))
    assert error.value.field == "period"
    assert not target.results.exists()


def test_it_corrects_a_result_for_the_same_period(ward_a, officer_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    services.record_result(target, period=parse_period("2026-H1"), value=Decimal(3))
    services.record_result(
        target, period=parse_period("2026-H1"), value=Decimal(4), actor=officer_a
    )
    assert [(r.value, r.entered_by) for r in target.results.all()] == [(Decimal(4), officer_a)]


def test_it_updates_a_target_with_the_same_code(ward_a):
    programme = ProgrammeFactory(unit=ward_a)
    services.save_target(programme, code="a", name="A", group="party", plan=Decimal(5))
    services.save_target(programme, code="a", name="A2", group="party", plan=Decimal(6))
    assert list(programme.targets.values_list("name", "plan")) == [("A2", Decimal(6))]


def test_it_refuses_a_second_programme_for_the_same_year(ward_a):
    services.create_programme(unit=ward_a, year=2026, title="CT 2026")
    with pytest.raises(DomainError):
        services.create_programme(unit=ward_a, year=2026, title="CT 2026 bis")


def test_it_keeps_the_rating_history_and_its_streak(ward_a):
    for year in (2021, 2022, 2023):
        services.set_rating(unit=ward_a, year=year, rating=UnitRating.Rating.EXCELLENT)
    assert UnitRating.objects.get(unit=ward_a, year=2023).streak() == 3
