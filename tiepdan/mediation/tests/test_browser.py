"""A mediator records a case from the request to a successful agreement in a real browser and
exports the mediation log book."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from tiepdan.mediation.models import MediationCase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in(page, action: str, selector: str):
    return page.locator(f"form[action$='{action}'] {selector}")


def _submit(page, action: str) -> None:
    with page.expect_navigation():
        _in(page, action, "button[type=submit]").click()


def test_a_mediator_records_a_case_to_a_successful_agreement(
    browser_page, login_as, mediator_a, team, screenshot
):
    page = login_as(browser_page, mediator_a)
    page.goto(reverse("mediation:case_new"))
    page.select_option("#id_team", str(team.pk))
    page.fill("#id_received_on", "2026-11-16")
    page.select_option("#id_origin", "request")
    page.select_option("#id_field", "neighbours")
    page.fill("#id_summary", "Tranh chấp lối đi chung giữa hai hộ liền kề")
    page.fill("#id_a_name", "Đỗ Văn Hải")
    page.fill("#id_b_name", "Bùi Thị Lan")
    page.check("#id_mediators_0")
    page.fill("#id_assigned_on", "2026-11-16")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    case = MediationCase.objects.get()

    _in(page, "/buoi-hoa-giai/", "[name=held_on]").fill("2026-11-18")
    _in(page, "/buoi-hoa-giai/", "[name=place]").fill("Nhà văn hóa Khu phố 1")
    _in(page, "/buoi-hoa-giai/", "[name=notes]").fill("Hai bên trình bày, thống nhất lối đi 1,2 m.")
    _submit(page, "/buoi-hoa-giai/")
    _in(page, "/ket-qua/", "[name=status]").select_option("successful")
    _in(page, "/ket-qua/", "[name=ended_on]").fill("2026-11-18")
    _submit(page, "/ket-qua/")

    form = "/van-ban-hoa-giai-thanh/"
    _in(page, form, "[name=place]").fill("Nhà văn hóa Khu phố 1")
    for name, text in {
        "course": "Một buổi hòa giải ngày 18/11/2026",
        "agreement": "Giữ lối đi chung rộng 1,2 m",
        "rights_and_duties": "Hai bên cùng giữ gìn lối đi",
        "method_and_deadline": "Bà Lan dỡ mái che trước ngày 30/11/2026",
    }.items():
        _in(page, form, f"[name={name}]").fill(text)
    _in(page, form, "[name=signed]").check()
    _submit(page, form)
    case.refresh_from_db()
    assert case.status == "successful" and case.agreement.signed
    with page.expect_download() as download:
        page.locator(
            f"a[href='{reverse('mediation:case_agreement_docx', args=[case.pk])}']"
        ).click()
    assert download.value.path().read_bytes()[:2] == b"PK"
    screenshot(page, "case")

    page.goto(reverse("mediation:home"))
    expect(page.get_by_text("Tranh chấp lối đi chung giữa hai hộ liền kề")).to_be_visible()
    with page.expect_download() as download:
        page.locator(f"a[href^='{reverse('mediation:book')}']").click()
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes()))["Khu phố 1"]
    assert sheet["C6"].value.startswith("Đỗ Văn Hải")
    assert sheet["I6"].value == "Hòa giải thành"
