"""The Secretary plans and records a dialogue in a real browser and finds its commitments on
the directive board; the minutes download as a Word file."""

import io

import pytest
from django.urls import reverse
from docx import Document
from playwright.sync_api import expect

from tiepdan.dialogues.models import Dialogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in(page, action: str, selector: str):
    return page.locator(f"form[action$='{action}'] {selector}")


def test_the_secretary_plans_records_and_tracks_a_dialogue(
    browser_page, login_as, leader_a, group_a, dept_a, screenshot
):
    page = login_as(browser_page, leader_a)
    page.goto(reverse("dialogues:plan"))
    page.select_option("#id_kind", "general")
    page.fill("#id_topic", "Trật tự vỉa hè đường Lê Thánh Tôn")
    page.fill("#id_held_at", "2026-12-04T08:00")
    page.fill("#id_place", "Hội trường UBND phường")
    page.select_option("#id_chaired_by", str(leader_a.pk))
    page.check("#id_residential_groups_0")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    dialogue = Dialogue.objects.get()
    assert page.url.endswith(dialogue.get_absolute_url())

    _in(page, "/moi/", "[name=name]").fill("Trần Thị Mai")
    _in(page, "/moi/", "[name=role]").select_option("citizen")
    with page.expect_navigation():
        _in(page, "/moi/", "button[type=submit]").click()
    _in(page, "/da-gui-giay-moi/", "[name=invitations_sent_on]").fill("2026-11-25")
    with page.expect_navigation():
        _in(page, "/da-gui-giay-moi/", "button[type=submit]").click()

    for box in _in(page, "/ket-qua/", "[name=attended]").all():
        box.check()
    _in(page, "/ket-qua/", "[name=result]").fill("Thống nhất ra quân lập lại trật tự vỉa hè.")
    with page.expect_navigation():
        _in(page, "/ket-qua/", "button[type=submit]").click()
    expect(page.get_by_text("01-BB/ĐU")).to_be_visible()

    page.locator(
        "#commitment ~ details summary, details:has(form[action$='/cam-ket/']) summary"
    ).first.click()
    _in(page, "/cam-ket/", "[name=title]").fill("Ra quân lập lại trật tự vỉa hè")
    _in(page, "/cam-ket/", "[name=owner_department]").select_option(str(dept_a.pk))
    _in(page, "/cam-ket/", "[name=due_in_working_days]").fill("10")
    with page.expect_navigation():
        _in(page, "/cam-ket/", "button[type=submit]").click()

    with page.expect_download() as download:
        page.locator(f"a[href='{reverse('dialogues:minutes', args=[dialogue.pk])}']").click()
    text = "\n".join(
        p.text for p in Document(io.BytesIO(download.value.path().read_bytes())).paragraphs
    )
    assert "BIÊN BẢN ĐỐI THOẠI" in text and "Trần Thị Mai" in text
    screenshot(page, "dialogue")

    page.goto(reverse("directives:board"))
    row = page.locator("tr", has_text="Ra quân lập lại trật tự vỉa hè")
    expect(row).to_be_visible()
    expect(row).to_contain_text("18/12/2026")  # 10 working days after Friday 04/12/2026
    screenshot(page, "directive-board")
