from datetime import date

import pytest
from django.core.cache import cache

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.lib.workdays import installed_calendar, is_working_day
from tiepdan.workcalendar import loader, services
from tiepdan.workcalendar.models import Holiday
from tiepdan.workcalendar.tests.factories import HolidayFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shipped")]


def add(actor, on=date(2027, 3, 8), kind=Holiday.Kind.DAY_OFF, name="Nghỉ bù", source="5/TB-BNV"):
    return services.add_holiday(on=on, kind=kind, name=name, source=source, actor=actor)


def test_it_adds_a_day_and_the_calendar_follows_once_committed(
    admin_a, django_capture_on_commit_callbacks
):
    """An announced day off is no longer a working day (DOMAIN rule 23)."""
    assert is_working_day(date(2027, 3, 8))
    stamp = cache.get(loader.CACHE_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        holiday = add(admin_a, name="  Nghỉ   bù ")
    assert (holiday.year, holiday.created_by, holiday.name) == (2027, admin_a, "Nghỉ bù")
    assert cache.get(loader.CACHE_KEY) != stamp
    assert not is_working_day(date(2027, 3, 8))


def test_a_make_up_saturday_becomes_a_working_day(admin_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        add(admin_a, on=date(2027, 3, 13), kind=Holiday.Kind.MAKEUP, name="Làm bù")
    assert is_working_day(date(2027, 3, 13))


def test_nothing_changes_before_commit(admin_a, django_capture_on_commit_callbacks):
    before = installed_calendar()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        add(admin_a)
    assert installed_calendar() is before
    assert len(callbacks) == 1


@pytest.mark.parametrize(
    ("on", "kind"),
    [(date(2027, 3, 9), Holiday.Kind.MAKEUP), (date(2027, 3, 13), Holiday.Kind.DAY_OFF)],
)
def test_it_refuses_a_day_of_the_wrong_weekday(admin_a, on, kind):
    """Make-up days are weekend days, extra days off are weekdays (Labour Code Art. 111)."""
    with pytest.raises(DomainError) as exc:
        add(admin_a, on=on, kind=kind)
    assert exc.value.field == "date"
    assert not Holiday.objects.filter(date=on).exists()


def test_it_refuses_a_second_entry_for_the_same_date(admin_a):
    HolidayFactory(date=date(2027, 3, 8))
    with pytest.raises(Conflict) as exc:
        add(admin_a, on=date(2027, 3, 8))
    assert exc.value.field == "date"
    assert Holiday.objects.filter(date=date(2027, 3, 8)).count() == 1


@pytest.mark.parametrize(
    ("name", "source", "field"), [("  ", "5/TB", "name"), ("Nghỉ", " ", "source")]
)
def test_it_requires_a_name_and_a_source(admin_a, name, source, field):
    with pytest.raises(DomainError) as exc:
        add(admin_a, name=name, source=source)
    assert exc.value.field == field


def test_it_changes_a_day(admin_a, django_capture_on_commit_callbacks):
    holiday = HolidayFactory(date=date(2027, 3, 8))
    with django_capture_on_commit_callbacks(execute=True):
        services.update_holiday(
            holiday,
            on=date(2028, 3, 10),
            kind=Holiday.Kind.DAY_OFF,
            name="Đổi",
            source="6/TB",
            actor=admin_a,
        )
    holiday.refresh_from_db()
    assert (holiday.date, holiday.year, holiday.name, holiday.source) == (
        date(2028, 3, 10),
        2028,
        "Đổi",
        "6/TB",
    )
    assert is_working_day(date(2027, 3, 8)) and not is_working_day(date(2028, 3, 10))


def test_changing_a_day_onto_another_entry_is_refused(admin_a):
    HolidayFactory(date=date(2027, 3, 8))
    other = HolidayFactory(date=date(2027, 3, 9))
    with pytest.raises(Conflict):
        services.update_holiday(
            other,
            on=date(2027, 3, 8),
            kind=other.kind,
            name=other.name,
            source=other.source,
            actor=admin_a,
        )


def test_it_removes_a_day(admin_a, django_capture_on_commit_callbacks):
    """Removing the New Year 2026 swap restores the statutory calendar for 2/1/2026."""
    assert not is_working_day(date(2026, 1, 2))
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_holiday(Holiday.objects.get(date=date(2026, 1, 2)), actor=admin_a)
    assert is_working_day(date(2026, 1, 2))
