import pytest

from tiepdan.lib.workdays import reset_installed_calendar
from tiepdan.workcalendar import loader


@pytest.fixture(autouse=True)
def fresh_calendar():
    """Each test starts and ends with no built calendar, so no test sees another's rows."""
    reset_installed_calendar()
    loader.freshness.checked_at = 0.0
    yield
    reset_installed_calendar()
