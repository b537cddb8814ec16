"""The staff case list's search box, in a real browser."""

import pytest
from playwright.sync_api import expect

from tiepdan.cases.tests.factories import receive


@pytest.mark.browser
@pytest.mark.parametrize("page_fixture", ["browser_page", "phone_page"])
def test_an_officer_finds_a_case_typing_without_accents(
    request, page_fixture, login_as, officer_a, ward_a, screenshot
):
    receive(ward_a, officer_a, subject="Tranh chấp đất đai ở hẻm 12")
    receive(ward_a, officer_a, subject="Việc kéo dài, đất ở đầu hẻm bị sụt")
    page = login_as(request.getfixturevalue(page_fixture), officer_a)
    page.goto("/don-thu/?view=all")
    box = page.get_by_role("searchbox")
    box.fill("dat dai")
    box.press("Enter")
    expect(page.get_by_role("link", name="Tranh chấp đất đai ở hẻm 12")).to_be_visible()
    expect(page.get_by_text("Việc kéo dài")).to_have_count(0)
    expect(box).to_have_value("dat dai")
    expect(page.locator("select[name=sort]")).to_have_value("")  # best match first
    screenshot(page, f"case-search-{page_fixture}")
