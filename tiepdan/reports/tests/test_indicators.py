from datetime import date
from decimal import Decimal

import pytest

from tiepdan.cases.models import Status
from tiepdan.reports import indicators
from tiepdan.reports.tests.factories import CaseFactory
from tiepdan.targets import services
from tiepdan.targets.lines import latest_result, line_for
from tiepdan.targets.models import Target
from tiepdan.targets.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_the_on_time_target_is_computed_from_the_cases(ward_a):
    """A built-in indicator takes its result from the system's own records."""
    programme = ProgrammeFactory(unit=ward_a, year=2026)
    target = services.save_target(
        programme, code="on-time", name="Tỷ lệ giải quyết đơn đúng hạn", group="reception",
        measure="%", plan=Decimal(90), builtin=Target.Builtin.CASES_ON_TIME, decimals=1,
    )  # fmt: skip
    CaseFactory(unit=ward_a, received_on=date(2026, 3, 2), answered_on=date(2026, 3, 5),
                status=Status.ANSWERED)  # fmt: skip
    CaseFactory(unit=ward_a, received_on=date(2026, 3, 2), answered_on=date(2026, 3, 30),
                status=Status.ANSWERED)  # fmt: skip
    CaseFactory(unit=ward_a, received_on=date(2025, 3, 2), answered_on=date(2025, 3, 3),
                status=Status.ANSWERED)  # fmt: skip
    written = indicators.refresh_programme(programme, today=date(2026, 4, 10))
    assert written > 0
    q1 = target.results.get(kind="quarter", index=1)
    assert (q1.value, q1.previous, q1.computed) == (Decimal(50), Decimal(100), True)
    line = line_for(target, latest_result(target.results.all()))
    assert line.percent_text == "55,6 %" and line.status == "not_yet"


def test_periods_not_yet_begun_are_left_alone(ward_a):
    programme = ProgrammeFactory(unit=ward_a, year=2026)
    target = services.save_target(
        programme, code="days", name="Ngày tiếp công dân", group="reception", measure="ngày",
        plan=Decimal(48), builtin=Target.Builtin.RECEPTION_DAYS,
    )  # fmt: skip
    indicators.refresh_programme(programme, today=date(2026, 2, 10))
    codes = {r.period.code for r in target.results.all()}
    assert codes == {"2026-01", "2026-02", "2026-Q1", "2026-H1", "2026-9M", "2026"}
    assert all(r.value == 0 for r in target.results.all())
