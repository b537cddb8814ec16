"""A leader publishes an answer on a desktop; a citizen finds and reads it on a phone."""

import pytest
from playwright.sync_api import expect

from tiepdan.cases.tests.factories import CitizenFactory, answered

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SENDER = "Phạm Văn Long"


def test_a_published_answer_is_found_on_a_phone_without_personal_data(
    browser_page, phone_page, login_as, ward_a, officer_a, leader_a, screenshot
):
    citizen = CitizenFactory(full_name=SENDER, phone="+84903123456")
    case = answered(
        ward_a,
        officer_a,
        leader_a,
        subject="Ngập nước trước nhà số 45 Lê Thánh Tôn",
        citizen=citizen,
        text=(
            f"Kính gửi ông {SENDER}, điện thoại 0903 123 456. Ủy ban nhân dân phường đã chỉ "
            "đạo nạo vét hố ga và nâng mặt đường đoạn trước số 40–50 trong 7 ngày."
        ),
    )
    leader = login_as(browser_page, leader_a)
    leader.goto(f"/don-thu/{case.pk}/")
    leader.get_by_role("link", name="Công khai trả lời").click()
    expect(leader.locator("textarea[name=answer]")).to_contain_text("Kính gửi ông ***")
    leader.fill("input[name=subject]", "Ngập nước đường Lê Thánh Tôn sau mưa")
    leader.fill(
        "textarea[name=answer]",
        "Ủy ban nhân dân phường đã chỉ đạo nạo vét hố ga và nâng mặt đường trong 7 ngày.",
    )
    leader.check("input[name=confirmed]")
    screenshot(leader, "publish-form")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Công khai trả lời").click()
    expect(leader.locator("#publication")).to_contain_text("Đã công khai ngày")

    phone_page.goto("/")
    phone_page.get_by_role("link", name="Trả lời đã công khai").first.click()
    phone_page.fill("input[name=q]", "ngap nuoc le thanh ton")
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name="Tìm").click()
    link = phone_page.get_by_role("link", name="Ngập nước đường Lê Thánh Tôn sau mưa")
    expect(link).to_be_visible()
    screenshot(phone_page, "published-list-phone")
    link.click()
    expect(phone_page.locator("#answer")).to_contain_text("nạo vét hố ga")
    screenshot(phone_page, "published-detail-phone")
    html = phone_page.content()
    for secret in (SENDER, "0903", case.code_display, case.registration_number, "45 Lê Thánh"):
        assert secret not in html
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing wider than the phone's screen
