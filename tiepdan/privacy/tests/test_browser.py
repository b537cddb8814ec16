"""The privacy notice and a citizen's request on a phone; the unit admin's log on a desktop."""

import pytest
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import expect

from tiepdan.privacy.models import DataSubjectRequest

pytestmark = pytest.mark.browser


def vi(message: str) -> str:
    with translation.override("vi"):
        return translation.gettext(message)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_a_citizen_reads_the_notice_and_asks_for_a_correction_on_a_phone(
    phone_page, ward_a, screenshot
):
    page = phone_page
    page.goto("/bao-ve-du-lieu/", timeout=30_000)  # the live server's first page: more time
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("Privacy notice"))
    screenshot(page, "privacy-notice-phone")
    page.get_by_role("link", name=vi("Make a request about my data")).click()
    page.get_by_label(vi("Ward or commune that holds your data")).select_option(str(ward_a.pk))
    page.get_by_label(vi("Correct my data")).check()
    page.get_by_label(vi("Full name")).fill("Lê Thị Cúc")
    page.get_by_label(vi("Phone or e-mail for the reply")).fill("0912 345 678")
    page.get_by_role("button", name=vi("Send the request")).click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()  # consent not yet given
    screenshot(page, "privacy-request-no-consent-phone")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name=vi("Send the request")).click()
    made = DataSubjectRequest.objects.get()
    expect(page.locator("#request-reference")).to_have_text(made.reference)
    screenshot(page, "privacy-request-sent-phone")


def test_the_unit_admin_acknowledges_a_request(browser_page, login_as, admin_a, screenshot):
    from tiepdan.privacy.services import file_request

    made = file_request(
        admin_a.unit, kind="deletion", requester="Trần Văn Bảy", contact="0987654321"
    )
    page = login_as(browser_page, admin_a)
    page.get_by_role("link", name=vi("Data requests")).first.click()
    expect(page.get_by_role("link", name=made.reference)).to_be_visible()
    screenshot(page, "privacy-requests-desktop")
    page.get_by_role("link", name=made.reference).click()
    page.get_by_role("button", name=vi("Acknowledged to the citizen")).click()
    expect(page.locator(".alert-success")).to_be_visible()
    screenshot(page, "privacy-request-desktop")
    made.refresh_from_db()
    assert made.acknowledged_by == admin_a
