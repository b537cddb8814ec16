"""Fixtures for browser tests: Playwright driving Debian's Chromium against the live server.

Registered for the whole suite by the root conftest.py, so any app's tests can use them:

    @pytest.mark.browser
    def test_it_shows_the_book(browser_page, login_as, officer_a, live_server):
        login_as(browser_page, officer_a)
        browser_page.goto("/tiep-cong-dan/")

- `browser_page`: a fresh desktop page (1280x800, Vietnamese browser, Asia/Ho_Chi_Minh) whose
  relative URLs go to the live server; `phone_page` is the same on a phone-sized screen.
- `page_factory(viewport="phone", locale="en-US")`: more pages, e.g. two users at once.
- `login_as(page, user)`: signs the page in without the form (a real session cookie);
  `login_as(page, user, via_form=True, password=...)` types into the login form instead.
- `screenshot(page, "name")`: writes a PNG under the test run's temp dir and returns its path.
  A failing browser test saves a screenshot of each of its pages there too.

Without /usr/bin/chromium the browser tests are skipped with a message; with
TIEPDAN_REQUIRE_BROWSER=1 (as in .ci/run) they fail instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path(os.environ.get("TIEPDAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
TEST_PASSWORD = "pw-for-tests-1"  # the password of the conftest.py personas
DEFAULT_TIMEOUT_MS = 10_000


def browser_required() -> bool:
    return os.environ.get("TIEPDAN_REQUIRE_BROWSER", "").lower() in {"1", "true", "yes", "on"}


_skipped_because: list[str] = []


def _unavailable(reason: str) -> None:
    if browser_required():
        pytest.fail(f"{reason} and TIEPDAN_REQUIRE_BROWSER=1: browser tests must run.")
    message = f"{reason}: browser tests skipped (install Debian's chromium to run them)."
    _skipped_because.append(message)
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _skipped_because:
        terminalreporter.write_sep("=", "browser tests", yellow=True)
        terminalreporter.write_line(_skipped_because[0])


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the whole run."""
    if not CHROMIUM.exists():
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("The playwright Python package is not installed")
    # Playwright's sync API keeps an event loop on the test thread; the ORM calls made by tests
    # and fixtures there are still synchronous, so Django's async-safety check must stand down.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class PageProblems:
    """Uncaught JavaScript errors and Content-Security-Policy refusals seen by a page."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("pageerror", lambda error: self.messages.append(f"JavaScript error: {error}"))
        page.on("console", self._on_console)

    def _on_console(self, message: Any) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.messages.append(f"CSP: {message.text}")


@pytest.fixture
def page_factory(
    chromium: Browser, live_server: Any, screenshot_dir: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Page]]:
    """Open pages in fresh browser contexts (separate cookies), closed after the test."""
    contexts: list[Any] = []
    problems: list[PageProblems] = []
    request.node._browser_pages = []
    request.node._screenshot_dir = screenshot_dir

    def open_page(viewport: str = "desktop", locale: str = "vi-VN") -> Page:
        context = chromium.new_context(
            base_url=live_server.url,
            locale=locale,
            timezone_id="Asia/Ho_Chi_Minh",
            **VIEWPORTS[viewport],
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        # The site has no favicon; answering the browser's request keeps 404s out of the logs.
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        contexts.append(context)
        page = context.new_page()
        problems.append(PageProblems(page))
        request.node._browser_pages.append(page)
        return page

    yield open_page
    found = [message for p in problems for message in p.messages]
    for context in contexts:
        context.close()
    if found:
        pytest.fail("The pages reported problems:\n" + "\n".join(found))


@pytest.fixture
def browser_page(page_factory: Callable[..., Page]) -> Page:
    """A fresh desktop page; `page.goto("/")` opens the live server's home page."""
    return page_factory()


@pytest.fixture
def phone_page(page_factory: Callable[..., Page]) -> Page:
    """A fresh page on a phone-sized touch screen (390x844)."""
    return page_factory(viewport="phone")


def login_as(
    page: Page,
    user: Any,
    *,
    live_server_url: str,
    via_form: bool = False,
    password: str = TEST_PASSWORD,
) -> Page:
    """Sign `page` in as `user` and open the staff home page."""
    if via_form:
        from django.urls import reverse

        page.goto(reverse("accounts:login"))
        page.fill("input[name=username]", user.get_username())
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("form button[type=submit]")
        return page
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server_url, "httpOnly": True}]
    )
    from django.urls import reverse

    page.goto(reverse("accounts:home"))
    return page


@pytest.fixture(name="login_as")
def login_as_fixture(live_server: Any) -> Callable[..., Page]:
    """`login_as(page, user, via_form=False, password=...)`: see the module docstring."""

    def sign_in(page: Page, user: Any, **options: Any) -> Page:
        return login_as(page, user, live_server_url=live_server.url, **options)

    return sign_in


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")[:120] or "page"


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    configured = os.environ.get("TIEPDAN_SCREENSHOT_DIR")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def screenshot(screenshot_dir: Path, request: pytest.FixtureRequest) -> Callable[..., Path]:
    """`screenshot(page, "name", full_page=True)`: save a PNG and return its path."""

    def take(page: Page, name: str, *, full_page: bool = True) -> Path:
        path = screenshot_dir / f"{_safe_name(request.node.name)}-{_safe_name(name)}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    pages = getattr(item, "_browser_pages", None)
    if report.when == "call" and report.failed and pages:
        for index, page in enumerate(pages):
            path = item._screenshot_dir / f"failed-{_safe_name(item.name)}-{index}.png"  # type: ignore[attr-defined]
            try:
                page.screenshot(path=str(path), full_page=True)
            except Exception:  # noqa: BLE001, S112 - a closed page has nothing to show
                continue
            report.sections.append(("screenshot", str(path)))
    return report
