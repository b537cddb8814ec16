"""The inbox in a real browser: stacked on a 390 px phone, in columns on a 1366 px office PC."""

from datetime import date

import pytest
from playwright.sync_api import expect

from conftest import make_user
from tiepdan.accounts import roles
from tiepdan.cases import services
from tiepdan.cases.models import Case, CaseEvent, Response
from tiepdan.cases.tests.factories import CitizenFactory, accepted, receive
from tiepdan.inbox.tests.conftest import TODAY, draft
from tiepdan.reception import services as reception_services
from tiepdan.reception.tests.factories import EntryFactory, ReceptionDayFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def a_morning_of_work(ward_a, officer_a, leader_a):
    """What waits for officer_a on Monday 23/11/2026: a bit of everything they do."""
    receive(ward_a, officer_a, subject="Cây xanh đổ chắn lối đi hẻm 42 Lê Lợi")
    receive(ward_a, officer_a, subject="Rác thải tập kết sai nơi quy định", received_on=TODAY)
    denunciation = receive(
        ward_a,
        make_user("reception_a2", ward_a, roles.RECEPTION_OFFICER),
        kind=Case.Kind.DENUNCIATION,
        citizen=False,
        subject="Tố cáo cán bộ địa chính nhận tiền, người tố cáo Lê Thị Hồng",
    )
    denunciation.case_citizens.create(citizen=CitizenFactory(full_name="Lê Thị Hồng"))
    for subject in ("Ngập nước đường Lê Lợi sau mưa", "Xin cấp phép sửa chữa nhà"):
        case = accepted(ward_a, officer_a, subject=subject)
        services.assign(case, actor=officer_a, officer=officer_a)
    returned = accepted(ward_a, officer_a, subject="Khiếu nại về tiền đền bù giải phóng mặt bằng")
    services.assign(returned, actor=officer_a, officer=officer_a)
    response = draft(returned, officer_a, Response.State.RETURNED)
    CaseEvent.record(
        returned,
        actor=leader_a,
        kind=CaseEvent.Kind.ANSWER_RETURNED,
        response=response.pk,
        comment="Bổ sung căn cứ pháp lý tại Điều 12 và số liệu đo đạc thực tế.",
    )
    EntryFactory(unit=ward_a, notify_by=date(2026, 11, 19), summary="Lấn chiếm vỉa hè")
    EntryFactory(unit=ward_a, notify_by=date(2026, 11, 26), summary="Ô nhiễm tiếng ồn")
    day = ReceptionDayFactory(leader=leader_a, on=TODAY)
    for phone in ("0912345001", "0912345002", "0912345003"):
        reception_services.book(day, full_name="Trần Văn Ba", phone=phone, subject="Đất đai")


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def cards(page):
    return page.locator("section.card")


def test_an_officer_reads_the_inbox_on_a_phone(
    phone_page, login_as, ward_a, officer_a, leader_a, screenshot
):
    a_morning_of_work(ward_a, officer_a, leader_a)
    page = login_as(phone_page, officer_a)
    expect(page.get_by_role("heading", level=2, name="Việc của tôi")).to_be_visible()
    mine = page.get_by_role("heading", level=3, name="Đơn được giao cho tôi (3 việc đang chờ)")
    expect(mine).to_be_visible()
    expect(page.get_by_text("Ý kiến của lãnh đạo: Bổ sung căn cứ pháp lý")).to_be_visible()
    expect(page.get_by_text("Lê Thị Hồng")).to_have_count(0)  # not entitled: redacted
    assert fits(page)
    boxes = [cards(page).nth(i).bounding_box() for i in range(3)]
    assert len({round(box["x"]) for box in boxes}) == 1  # one column: the blocks stack
    screenshot(page, "inbox-390-top", full_page=False)
    screenshot(page, "inbox-390")
    with page.expect_navigation():
        page.get_by_role("link", name="Xem tất cả: Đơn được giao cho tôi").click()
    assert "view=mine" in page.url


def test_an_officer_reads_the_inbox_on_an_office_pc(
    browser_page, login_as, ward_a, officer_a, leader_a, screenshot
):
    a_morning_of_work(ward_a, officer_a, leader_a)
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 768})
    login_as(page, officer_a)
    assert fits(page)
    first_row = [cards(page).nth(i).bounding_box() for i in range(3)]
    assert len({round(box["y"]) for box in first_row}) == 1  # three columns side by side
    assert len({round(box["x"]) for box in first_row}) == 3
    screenshot(page, "inbox-1366")
    link = page.get_by_role("link", name="Cây xanh đổ chắn lối đi hẻm 42 Lê Lợi", exact=False)
    with page.expect_navigation():
        link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cây xanh đổ chắn lối đi")


def test_a_leader_sees_the_regulation_11_warning_on_a_phone(
    phone_page, login_as, leader_a, officer_a, ward_a, screenshot
):
    ReceptionDayFactory(leader=leader_a, on=date(2026, 12, 10))
    case = accepted(ward_a, officer_a, subject="Phản ánh mất trật tự tại chợ Bến Thành")
    draft(case, officer_a, Response.State.SUBMITTED)
    page = login_as(phone_page, leader_a)
    expect(page.get_by_role("status")).to_contain_text("Quy định 11")
    expect(page.get_by_text("Phản ánh mất trật tự tại chợ Bến Thành")).to_be_visible()
    assert fits(page)
    screenshot(page, "leader-390")
