"""The citizen's booking flow on a phone and the officer's recording flow, in Chromium."""

from datetime import time

import pytest
from django.core.cache import cache
from django.utils import timezone, translation
from playwright.sync_api import expect

from tiepdan.lib.workdays import add_working_days
from tiepdan.reception import services
from tiepdan.reception.models import Appointment, ReceptionEntry
from tiepdan.reception.services.schedule import DayDetails

pytestmark = pytest.mark.browser


def vi(message: str) -> str:
    with translation.override("vi"):
        return translation.gettext(message)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_a_citizen_books_a_place_and_cancels_it_on_a_phone(phone_page, leader_a, screenshot):
    today = timezone.localdate()
    day = services.create_day(
        unit=leader_a.unit,
        leader=leader_a,
        on=add_working_days(today, 7),
        today=today,
        details=DayDetails(time(7, 30), time(11), "Phòng tiếp công dân"),
    )
    services.publish_day(day, today=today)
    page = phone_page
    page.goto("/tiep-cong-dan/lich/26743/")
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("Citizen reception schedule"))
    screenshot(page, "reception-public-schedule")
    page.get_by_role("link", name=vi("Book a place")).click()
    page.get_by_label(vi("Full name")).fill("Lê Thị Hoa")
    page.get_by_label(vi("Phone")).fill("0912 345 678")
    page.get_by_label(vi("What you want to raise (one line)")).fill("Xin cấp phép sửa nhà")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=vi("Book"), exact=True).click()
    booking = Appointment.objects.get()
    expect(page.locator("#booking-code")).to_have_text(booking.code)
    screenshot(page, "reception-booking")
    page.get_by_role("button", name=vi("Cancel this booking")).click()
    expect(page.locator(".alert-secondary")).to_have_text(vi("This booking has been cancelled."))
    booking.refresh_from_db()
    assert booking.status == Appointment.Status.CANCELLED


def test_an_officer_marks_a_booking_and_records_the_visit(
    browser_page, login_as, officer_a, chairman_a, screenshot
):
    today = timezone.localdate()
    day = services.create_day(
        unit=chairman_a.unit,
        leader=chairman_a,
        on=today,
        today=today,
        details=DayDetails(time(0, 0), time(23, 59), "Phòng tiếp công dân"),
        adhoc_reason="many_people",
    )
    services.book(day, full_name="Trần Văn Ba", phone="0987654321", subject="Ngập nước hẻm 5")
    page = login_as(browser_page, officer_a)
    page.goto(day.get_absolute_url())
    page.get_by_role("button", name=vi("Came")).click()
    expect(page.get_by_role("cell", name=vi("Came"), exact=True)).to_be_visible()
    page.get_by_role("link", name=vi("Record"), exact=True).click()
    expect(page.get_by_label(vi("Full name"))).to_have_value("Trần Văn Ba")
    page.get_by_label(vi("Address")).fill("12 Lê Lai, Phường Bến Thành")
    page.get_by_label(vi("Document number"), exact=True).fill("079085001234")
    page.get_by_label(vi("Type")).select_option("feedback")
    screenshot(page, "reception-entry-form")
    page.get_by_role("button", name=vi("Save in the book")).click()
    entry = ReceptionEntry.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{entry.number}/{entry.year}")
    assert entry.notify_by == add_working_days(today, 10)
    assert entry.day == day and day.appointments.get().status == Appointment.Status.ATTENDED
    screenshot(page, "reception-entry")
