import importlib

import pytest
from django.apps import apps

from tiepdan.lib.workdays import reset_installed_calendar
from tiepdan.workcalendar import loader

shipped_days = importlib.import_module(
    "tiepdan.workcalendar.migrations.0002_announced_days_2025_2026"
)


@pytest.fixture(autouse=True)
def fresh_calendar():
    """Each test starts and ends with no built calendar, so no test sees another's rows."""
    reset_installed_calendar()
    loader.freshness.checked_at = 0.0
    yield
    reset_installed_calendar()


@pytest.fixture
def shipped(db):
    """The announced days the data migration ships (a flushing test elsewhere may remove them)."""
    shipped_days.ship(apps, None)
