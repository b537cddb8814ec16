"""The dashboard and the report page in a real browser (charts under the site's CSP, the job)."""

import pytest
from playwright.sync_api import expect

from tiepdan.targets import demo

pytestmark = pytest.mark.browser


def test_the_dashboard_draws_its_charts_under_the_content_security_policy(
    browser_page, login_as, leader_a, ward_a
):
    demo.seed_ward(ward_a)
    login_as(browser_page, leader_a)
    browser_page.goto("/bao-cao/tong-quan/")
    expect(browser_page.locator('[data-target="land-tax"] .percent')).to_have_text("126,2 %")
    chart = browser_page.locator("img[src^='data:image/svg+xml']").first
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.naturalWidth") > 100


def test_a_leader_generates_a_report_and_downloads_it(browser_page, login_as, leader_a, ward_a):
    login_as(browser_page, leader_a)
    browser_page.goto("/bao-cao/")
    browser_page.locator("#id_kind").select_option("party")
    browser_page.locator("#id_period").fill("2026-10")
    browser_page.locator("#id_fmt").select_option("docx")
    browser_page.get_by_role("button", name="Lập báo cáo").click()
    download_link = browser_page.get_by_role("link", name="Tải về")
    expect(download_link).to_be_visible()
    with browser_page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "bao-cao-dang-26743-2026-10.docx"
