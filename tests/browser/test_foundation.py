"""The site's shell in a real browser: public home, login, staff home, logout, language switch."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tiepdan.accounts.forms import LoginForm

pytestmark = pytest.mark.browser


def vi(message: str, **values: object) -> str:
    """Return the Vietnamese text the site shows for `message` (a msgid or a lazy string),
    failing if it has no Vietnamese translation."""
    texts = {}
    for language in ("vi", "en"):
        with translation.override(language):
            texts[language] = translation.gettext(message) if type(message) is str else str(message)
    assert texts["vi"] != texts["en"], f"{texts['en']!r} has no Vietnamese translation"
    return texts["vi"] % values if values else texts["vi"]


def test_it_shows_the_public_home_in_vietnamese(browser_page, ward_a, ward_b):
    page = browser_page
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text(vi("Citizen reception and petitions"))
    expect(page.get_by_role("link", name=vi("Staff login"))).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Phường Bến Thành")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Phường Phước Hội")).to_be_visible()


def test_it_serves_bootstrap_and_the_site_script_to_the_browser(browser_page):
    """Static files come through the live server (the staticfiles finders) and Bootstrap applies."""
    page = browser_page
    statuses = {}
    page.on("response", lambda r: statuses.__setitem__(r.url.rsplit("/", 1)[-1], r.status))
    page.goto("/")
    assert statuses.get("bootstrap.min.css") == 200
    assert statuses.get("bootstrap.bundle.min.js") == 200
    assert statuses.get("site.js") == 200
    login_link = page.get_by_role("link", name=vi("Staff login"))
    # Bootstrap's .btn rounds the link's corners; an unstyled link has square ones.
    radius = login_link.evaluate("el => getComputedStyle(el).borderTopLeftRadius")
    assert radius not in ("", "0px")


def test_it_shows_the_vietnamese_error_next_to_the_form_on_a_wrong_password(
    browser_page, officer_a, settings
):
    page = browser_page
    page.goto(reverse("accounts:login"))
    page.fill("input[name=username]", "officer_a")
    page.fill("input[name=password]", "not-the-password")
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Log in")).click()
    error = page.locator("form .alert-danger")
    expect(error).to_have_text(
        vi(LoginForm.error_messages["invalid_login"], limit=settings.AXES_FAILURE_LIMIT)
    )
    expect(page.locator("input[name=password]")).to_have_value("")
    assert page.url.endswith(reverse("accounts:login"))


def test_it_takes_an_officer_to_the_staff_home_after_login(browser_page, login_as, officer_a):
    page = login_as(browser_page, officer_a, via_form=True)
    assert page.url.endswith(reverse("accounts:home"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        vi("Hello, %(name)s", name=str(officer_a))
    )
    expect(page.get_by_role("button", name=vi("Log out"))).to_be_visible()


def test_it_logs_out_to_the_public_home(browser_page, login_as, officer_a, live_server):
    page = login_as(browser_page, officer_a)
    with page.expect_navigation():
        page.get_by_role("button", name=vi("Log out")).click()
    expect(page).to_have_url(live_server.url + reverse("public:home"))
    expect(page.get_by_role("link", name=vi("Staff login"))).to_be_visible()
    page.goto(reverse("accounts:home"))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + r"\?next="))


def test_it_switches_the_language_to_english_and_keeps_it(browser_page):
    page = browser_page
    page.goto("/")
    with page.expect_navigation():
        page.select_option("#language-select", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Staff login")).to_be_visible()
    page.goto(reverse("accounts:login"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff login")


def test_it_fits_the_public_home_on_a_phone_screen(phone_page, ward_a, screenshot):
    page = phone_page
    page.goto("/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px wide)"
    expect(page.locator(".navbar-toggler")).to_be_visible()
    assert screenshot(page, "home").stat().st_size > 0
