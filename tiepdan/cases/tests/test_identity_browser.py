"""In the browser: a leader not resolving a denunciation sees it redacted; the unit
administrator reads who was shown the denouncer."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tiepdan.cases import services
from tiepdan.cases.rules import Kind
from tiepdan.cases.tests.factories import receive
from tiepdan.citizens.models import Citizen

NAME = "Hoàng Thị Tố Giang"


@pytest.fixture
def denunciation(ward_a, officer_a, chairman_a):
    citizen = Citizen.objects.create(full_name=NAME, phone="+84987654321", address="77 hẻm Kín")
    case = receive(
        ward_a,
        officer_a,
        kind=Kind.DENUNCIATION,
        subject="Tố cáo cán bộ địa chính nhận tiền",
        content=f"Tôi là {NAME}, điện thoại 0987 654 321. Tôi tố cáo cán bộ địa chính.",
        citizen=False,
    )
    case.case_citizens.create(citizen=citizen)
    services.classify(
        case, services.ClassifyInput(kind=Kind.DENUNCIATION, field=None), actor=officer_a
    )
    services.decide(case, actor=chairman_a, decision="accept", today=date(2026, 11, 23))
    return case


@pytest.mark.browser
def test_a_leader_not_resolving_sees_the_denunciation_redacted(
    browser_page, login_as, leader_a, denunciation, screenshot
):
    page = login_as(browser_page, leader_a)
    page.goto(reverse("cases:detail", args=[denunciation.pk]))
    expect(page.locator("[data-identity=protected]")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(NAME)
    expect(page.locator("main")).not_to_contain_text("0987 654 321")
    screenshot(page, "identity-case-redacted")


@pytest.mark.browser
def test_the_unit_admin_reads_who_was_shown_the_denouncer(
    browser_page, login_as, admin_a, chairman_a, officer_a, denunciation, screenshot
):
    for user in (chairman_a, officer_a):  # the resolver and the registering officer look
        client = Client()
        client.force_login(user)
        client.get(reverse("cases:detail", args=[denunciation.pk]))
    page = login_as(browser_page, admin_a)
    page.get_by_role("link", name="Nhật ký xem danh tính").click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(str(officer_a))  # newest first
    expect(page.locator("main")).not_to_contain_text(NAME)
    screenshot(page, "identity-access-log")
