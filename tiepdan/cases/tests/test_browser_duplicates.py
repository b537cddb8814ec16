"""Duplicates in a real browser: the public form's step on a phone, the officer's panel."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tiepdan.cases.models import Case
from tiepdan.cases.tests.services.test_duplicates import BUILDING, FLOOD, NOISE, take, unaccented

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_sees_a_published_answer_like_theirs_before_sending(
    phone_page, ward_a, screenshot
):
    take(ward_a, *NOISE)
    take(ward_a, *BUILDING)
    published = take(ward_a, *FLOOD)
    Case.objects.filter(pk=published.pk).update(
        published_at=timezone.now(),
        public_subject="Ngập nước ở hẻm 45 Nguyễn Thái Học",
        public_answer="Phường đã nạo vét cống và sẽ nâng mặt hẻm trong quý I năm 2027.",
    )
    page = phone_page
    page.goto(f"/don-thu/gui/{ward_a.code}/", timeout=60_000)  # the first page of a busy server
    page.fill("input[name=subject]", unaccented(FLOOD[0]))
    page.fill("textarea[name=content]", unaccented(FLOOD[1]))
    results = page.locator("[data-similar-results]")
    expect(results).to_be_visible(timeout=30_000)  # after a pause in typing
    expect(results).to_contain_text("Ngập nước ở hẻm 45 Nguyễn Thái Học")
    screenshot(page, "similar-published")
    with page.expect_navigation():
        results.get_by_role("link", name="Theo dõi câu trả lời này").click()
    assert page.url.endswith(f"/tra-loi-cong-khai/{published.pk}/")
    assert Case.objects.count() == 3  # nothing was sent


def test_an_officer_marks_a_duplicate_from_the_case_page(
    browser_page, login_as, ward_a, officer_a, screenshot
):
    take(ward_a, *NOISE)
    take(ward_a, *BUILDING)
    original = take(ward_a, *FLOOD)
    resend = take(ward_a, unaccented(FLOOD[0]), "Tôi xin gửi lại đơn lần 2. " + FLOOD[1])
    page = login_as(browser_page, officer_a)
    page.goto(f"/don-thu/{resend.pk}/")
    panel = page.locator("#duplicates")
    expect(panel.locator(f"[data-suggestion='{original.pk}']")).to_be_visible()
    expect(panel).to_contain_text("Nội dung tương tự")
    screenshot(page, "panel")
    with page.expect_navigation():
        panel.get_by_role("button", name="Đánh dấu trùng với vụ việc này").click()
    expect(page.locator("#duplicates")).to_contain_text(original.registration_number)
    resend.refresh_from_db()
    assert resend.duplicate_of_id == original.pk
    screenshot(page, "marked")
