from datetime import date
from decimal import Decimal

import pytest

from tiepdan.cases.models import Case, Status
from tiepdan.orgunits.services import ensure_department
from tiepdan.reports import queries
from tiepdan.reports.periods import window
from tiepdan.reports.tests.factories import CaseFactory
from tiepdan.targets.periods import parse_period

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)
NOVEMBER = window(parse_period("2026-11"))


def test_it_counts_received_answered_on_time_and_overdue(ward_a, ward_b):
    CaseFactory(
        unit=ward_a, kind="complaint", answered_on=date(2026, 11, 10), status=Status.ANSWERED
    )
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 20), status=Status.ANSWERED)  # late
    CaseFactory(unit=ward_a, received_on=date(2026, 11, 3))  # due 13/11, still open: overdue
    CaseFactory(unit=ward_a, received_on=date(2026, 10, 1), decided_on=date(2026, 10, 2))
    CaseFactory(unit=ward_b)
    figures = queries.case_figures(queries.unit_ids(ward_a), NOVEMBER, TODAY)
    assert (figures.received, figures.answered, figures.answered_on_time) == (3, 2, 1)
    assert figures.carried_over == 1
    assert figures.overdue == Case.objects.filter(unit=ward_a).overdue(TODAY).count() == 2
    assert figures.by_kind == {"complaint": 1, "feedback": 2}
    assert str(figures.on_time_rate) == "50"


def test_an_empty_period_gives_zeros_and_no_rates(ward_a):
    """A period with no data is an honest empty report, never a division by zero (issue 7)."""
    figures = queries.case_figures(queries.unit_ids(ward_a), NOVEMBER, TODAY)
    assert figures.received == 0 and figures.on_time_rate is None and figures.resolved_rate is None


def test_it_lists_overdue_cases_by_department(ward_a):
    economy = ensure_department(ward_a, "ktht", "Phòng Kinh tế", "bo_phan")
    CaseFactory.create_batch(
        2, unit=ward_a, assignee_department=economy, received_on=date(2026, 11, 3)
    )
    CaseFactory(unit=ward_a, received_on=date(2026, 11, 3))
    lines = queries.overdue_by_department(queries.unit_ids(ward_a), TODAY)
    assert [(line.name, line.overdue) for line in lines] == [("Phòng Kinh tế", 2), ("", 1)]


def test_it_ranks_a_provinces_wards_by_on_time_rate(ward_a):
    from tiepdan.orgunits.services import ensure_ward

    other = ensure_ward(26506)  # Phường Vũng Tàu, also in TP. Hồ Chí Minh
    CaseFactory(unit=ward_a, answered_on=date(2026, 11, 20), status=Status.ANSWERED)
    CaseFactory(unit=other, answered_on=date(2026, 11, 5), status=Status.ANSWERED)
    lines = queries.cases_by_commune(ward_a.parent, NOVEMBER, TODAY)
    assert [line.unit_id for line in lines[:2]] == [other.pk, ward_a.pk]
    assert sum(line.received for line in lines) == 2


def test_it_counts_mediation_outcomes_of_the_wards_teams(ward_a, group_a):
    """Grassroots mediation results by outcome (Law 35/2013 Art. 15 yearly report)."""
    from tiepdan.mediation.models import MediationCase, MediationTeam

    team = MediationTeam.objects.create(group=group_a, name="Tổ hòa giải Khu phố 1")

    def case(number, status, outcome_on=None):
        MediationCase.objects.create(
            team=team, year=2026, number=number, received_on=date(2026, 11, 2), origin="request",
            field="neighbours", summary="Tranh chấp lối đi chung", status=status,
            outcome_on=outcome_on,
        )  # fmt: skip

    case(1, MediationCase.Status.SUCCESSFUL, date(2026, 11, 6))
    case(2, MediationCase.Status.SUCCESSFUL, date(2026, 11, 9))
    case(3, MediationCase.Status.UNSUCCESSFUL, date(2026, 11, 12))
    case(4, MediationCase.Status.OPEN)
    figures = queries.mediation_figures(queries.unit_ids(ward_a), NOVEMBER)
    assert (figures.cases, figures.succeeded, figures.failed, figures.ongoing) == (4, 2, 1, 1)
    assert figures.success_rate.quantize(Decimal("0.1")) == Decimal("66.7")


def test_a_whole_province_counts_the_same_as_its_wards_one_by_one(ward_a):
    """The sequential pass used for a large subtree gives the per-ward figures, summed."""
    from tiepdan.orgunits.models import OrgUnit
    from tiepdan.orgunits.services import import_province

    province, _created = import_province(79)
    wards = list(OrgUnit.objects.subtree_of(province).communes().order_by("pk")[:3])
    for i, ward in enumerate(wards):
        CaseFactory(unit=ward, kind="complaint", answered_on=date(2026, 11, 5 + i),
                    status=Status.ANSWERED)  # fmt: skip
        CaseFactory(unit=ward, received_on=date(2026, 10, 1 + i), decided_on=date(2026, 10, 2))
    CaseFactory(unit=wards[0], received_on=date(2025, 11, 3))  # long overdue, still running
    ids = queries.unit_ids(province)
    assert len(ids) > queries.LARGE_SUBTREE
    whole = queries.case_figures(ids, NOVEMBER, TODAY)
    grouped = queries.case_figures(
        ids, NOVEMBER, TODAY, queries.case_counts_by_unit(ids, NOVEMBER, TODAY)
    )
    parts = [queries.case_figures(queries.unit_ids(w), NOVEMBER, TODAY) for w in wards]
    for name in queries.CASE_COUNTS:
        assert (
            getattr(whole, name) == getattr(grouped, name) == sum(getattr(p, name) for p in parts)
        )
    assert whole.by_kind == {"complaint": 3} and whole.carried_over == 4 and whole.overdue == 4
