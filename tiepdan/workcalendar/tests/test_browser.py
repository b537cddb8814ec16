"""The calendar page in a real browser: a unit admin adds an announced day and removes it."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tiepdan.workcalendar.models import Holiday

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_admin_adds_and_removes_an_announced_day(browser_page, login_as, admin_a, screenshot):
    page = browser_page
    login_as(page, admin_a)
    with translation.override("vi"):
        link_name = translation.gettext("Working-day calendar")
    page.get_by_role("link", name=link_name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lịch ngày làm việc năm 2026")
    expect(page.locator("table.wd-month")).to_have_count(12)

    page.goto(reverse("workcalendar:year", kwargs={"year": 2027}))
    page.fill("input[name=date]", "2027-03-13")  # a Saturday: refused as a day off
    page.fill("input[name=name]", "Nghỉ bù thử")
    page.fill("input[name=source]", "15/TB-BNV")
    page.get_by_role("button", name="Thêm", exact=True).click()
    expect(page.locator(".invalid-feedback")).to_contain_text("thứ Bảy hoặc Chủ nhật")

    page.fill("input[name=date]", "2027-03-12")
    page.get_by_role("button", name="Thêm", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("Nghỉ bù thử")
    expect(page.get_by_role("cell", name="15/TB-BNV")).to_be_visible()
    screenshot(page, "year-2027")
    assert Holiday.objects.filter(date=date(2027, 3, 12)).exists()

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("row", name="Nghỉ bù thử").get_by_role("button").last.click()
    expect(page.locator(".alert-success")).to_contain_text("Nghỉ bù thử")
    assert not Holiday.objects.filter(date=date(2027, 3, 12)).exists()
