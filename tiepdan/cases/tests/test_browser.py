"""The citizen's flow in a real browser on a phone, with the officer and leader on desktops."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tiepdan.cases.models import Case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def jpeg(tmp_path):
    path = tmp_path / "ngap-nuoc.jpg"
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "steelblue").save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_a_citizen_sends_feedback_with_a_photo_and_follows_it_to_the_answer(
    phone_page, page_factory, login_as, ward_a, officer_a, leader_a, tmp_path
):
    citizen = phone_page
    citizen.goto(f"/don-thu/gui/{ward_a.code}/")
    citizen.select_option("select[name=kind]", "feedback")
    citizen.fill("input[name=subject]", "Ngập nước trước nhà số 12 Lê Lợi")
    citizen.fill("textarea[name=content]", "Mỗi lần mưa, nước ngập sâu 30 cm, xe không qua được.")
    citizen.fill("input[name=location_text]", "12 Lê Lợi")
    citizen.set_input_files("input[name=attachments]", str(jpeg(tmp_path)))
    citizen.fill("input[name=full_name]", "Lê Thị Cúc")
    citizen.fill("input[name=phone]", "0912 345 678")
    citizen.check("input[name=consent]")
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Gửi").click()
    code = citizen.locator("#tracking-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    expect(citizen.locator(".qr svg")).to_be_visible()
    case = Case.objects.get()
    assert case.attachments.count() == 1

    officer = page_factory()
    login_as(officer, officer_a)
    officer.goto(f"/don-thu/{case.pk}/phan-loai/")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Lưu").click()
    officer.goto(f"/don-thu/{case.pk}/quyet-dinh/")
    officer.select_option("select[name=decision]", "accept")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Lưu").click()
    officer.locator("select[name=officer]").select_option(str(officer_a.pk))
    with officer.expect_navigation():
        officer.locator("form[action$='/giao/'] button").click()
    officer.fill("textarea[name=text]", "Phường đã nạo vét cống trước nhà số 12 ngày 24/11.")
    with officer.expect_navigation():
        officer.locator("form[action$='/tra-loi/'] button").click()

    leader = page_factory()
    login_as(leader, leader_a)
    leader.goto(f"/don-thu/{case.pk}/")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Duyệt").click()

    officer.reload()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Gửi cho công dân").click()

    citizen.goto("/don-thu/tra-cuu/")
    citizen.fill("input[name=code]", code.lower())
    with citizen.expect_navigation():
        citizen.get_by_role("button", name="Tra cứu").click()
    expect(citizen.locator("#case-status")).to_have_text("Đã trả lời")
    expect(citizen.locator("#answer")).to_contain_text("nạo vét cống")
    assert "Lê Thị Cúc" not in citizen.content()
    width = citizen.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing overflows the phone screen


def test_a_draft_goes_to_the_leader_comes_back_with_a_comment_and_is_approved_edited(
    page_factory, login_as, ward_a, officer_a, leader_a, screenshot
):
    """The approval loop across two desks: submit, the leader's queue, a refused empty return,
    the return with a comment, the revision, the edit on approval, and the timeline."""
    from tiepdan.cases.tests.factories import accepted

    case = accepted(ward_a, officer_a, subject="Rác tồn đọng hẻm 12 Lê Lợi")
    officer = page_factory()
    login_as(officer, officer_a)
    officer.goto(f"/don-thu/{case.pk}/")
    officer.fill("textarea[name=text]", "Phường sẽ thu gom rác.")
    with officer.expect_navigation():
        officer.locator("form[action$='/tra-loi/'] button").click()
    expect(officer.locator(".alert-success")).to_contain_text("Đã lưu dự thảo trả lời")
    with officer.expect_navigation():
        officer.get_by_role("button", name="Gửi trình duyệt").click()
    expect(officer.locator(".alert-success")).to_have_text("Đã gửi dự thảo trình lãnh đạo duyệt.")

    leader = page_factory()
    login_as(leader, leader_a)
    leader.goto("/don-thu/cho-duyet/")
    with leader.expect_navigation():
        leader.get_by_role("link", name="Rác tồn đọng hẻm 12 Lê Lợi").click()
    leader.fill("textarea[name='return-comment']", "   ")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Trả lại").click()
    expect(leader.locator("#answer .invalid-feedback")).to_contain_text("Hãy ghi rõ nội dung")
    leader.fill("textarea[name='return-comment']", "Nêu rõ ngày thu gom.")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Trả lại").click()

    officer.reload()
    expect(officer.locator("#return-comment")).to_contain_text("Nêu rõ ngày thu gom.")
    officer.fill("textarea[name=text]", "Phường thu gom rác ngày 24/11.")
    with officer.expect_navigation():
        officer.locator("form[action$='/tra-loi/'] button").click()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Gửi trình duyệt").click()

    leader.goto(f"/don-thu/{case.pk}/")
    leader.fill("textarea[name='approve-text']", "Phường đã thu gom rác ngày 24/11.")
    screenshot(leader, "leader-approves")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Duyệt", exact=True).click()
    expect(leader.locator(".alert-success")).to_contain_text("Đã duyệt văn bản trả lời")
    timeline = leader.locator("#timeline")
    for step in ("Trình duyệt dự thảo trả lời", "Lãnh đạo trả lại dự thảo để sửa"):
        expect(timeline).to_contain_text(step)
    expect(timeline).to_contain_text("Lãnh đạo sửa nội dung trả lời")

    phone = page_factory(viewport="phone")
    login_as(phone, leader_a)
    phone.goto("/don-thu/cho-duyet/")
    screenshot(phone, "queue-phone")
    officer.reload()
    screenshot(officer, "officer-approved")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
