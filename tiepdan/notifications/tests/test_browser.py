"""The bell and the list in a real browser, on a 390 px phone and a 1366 px desktop."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tiepdan.notifications.kinds import Kind
from tiepdan.notifications.tests.factories import tell

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def waiting_work(officer, unit):
    home = reverse("accounts:home")
    tell(officer, unit, key="a", url=home, params={"number": "12/PA-2026"})
    tell(
        officer,
        unit,
        key="b",
        url=home,
        kind=Kind.DRAFT_RETURNED,
        params={"number": "9/KN-2026", "comment": "Bổ sung căn cứ pháp lý tại Điều 12."},
    )
    tell(
        officer,
        unit,
        key="c",
        url=home,
        kind=Kind.DEADLINE_SOON,
        params={"number": "7/PA-2026", "due_on": "2026-12-08"},
    )


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_officer_follows_the_bell_on_a_phone(
    phone_page, login_as, officer_a, ward_a, screenshot
):
    waiting_work(officer_a, ward_a)
    page = login_as(phone_page, officer_a)
    bell = page.get_by_role("link", name="Thông báo: 3 chưa đọc")
    expect(bell).to_be_visible()
    assert fits(page)
    screenshot(page, "header-390", full_page=False)
    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thông báo")
    assert fits(page)
    screenshot(page, "list-390")
    page.get_by_role(
        "button", name="Đánh dấu đã đọc: Vụ việc 7/PA-2026 đến hạn vào ngày 08/12/2026."
    ).click()
    expect(page.get_by_role("alert")).to_have_text("Đã đánh dấu là đã đọc.")
    expect(page.get_by_role("link", name="Thông báo: 2 chưa đọc")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role(
            "link", name="Chưa đọc: Vụ việc 12/PA-2026 được giao cho bạn xử lý."
        ).click()
    assert page.url.endswith(reverse("accounts:home"))
    expect(page.get_by_role("link", name="Thông báo: 1 chưa đọc")).to_be_visible()


def test_the_list_and_the_settings_on_a_desktop(
    browser_page, login_as, officer_a, ward_a, screenshot
):
    waiting_work(officer_a, ward_a)
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    login_as(page, officer_a)
    screenshot(page, "header-1366", full_page=False)
    page.goto(reverse("notifications:list"))
    screenshot(page, "list-1366")
    page.get_by_role("button", name="Đánh dấu tất cả đã đọc").click()
    expect(page.get_by_role("alert")).to_have_text("Đã đánh dấu 3 thông báo là đã đọc.")
    expect(page.get_by_role("link", name="Thông báo: không có thông báo chưa đọc")).to_be_visible()
    page.get_by_role("link", name="Cài đặt thư điện tử").click()
    expect(page.get_by_label("Vụ việc được giao cho tôi")).to_have_value("immediate")
    page.get_by_label("Vụ việc được giao cho tôi").select_option("digest")
    page.get_by_role("button", name="Lưu lựa chọn").click()
    expect(page.get_by_role("alert")).to_have_text("Đã lưu lựa chọn nhận thư của bạn.")
    screenshot(page, "preferences-1366")


def test_the_settings_fit_a_phone(phone_page, login_as, leader_a, screenshot):
    page = login_as(phone_page, leader_a)
    page.goto(reverse("notifications:preferences"))
    assert fits(page)
    screenshot(page, "preferences-390")
