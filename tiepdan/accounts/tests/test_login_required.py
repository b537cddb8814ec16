"""Every URL of the site needs a login, except the pages on the public allow-list below.

The walk covers every pattern of the root URLconf, recursively, so a page any app adds later is
checked too. A view marked `@login_not_required` that is not on the list fails the test.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from hypothesis import find
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tiepdan.api.middleware import API_PREFIXES

# Pages anyone may open, by "namespace:url_name". Apps with public pages add theirs here.
PUBLIC_URL_NAMES = [
    "public:home",
    "public:healthz",
    "set_language",
    "accounts:login",
    "admin:login",
    # Citizen-facing pages (DESIGN §1: citizens need no account).
    "reception:index",
    "reception:schedule",
    "reception:unit_feed",
    "reception:leader_feed",
    "reception:book",
    "reception:booking",
    "reception:cancel",
    "cases:public_new",
    "cases:receipt",
    "cases:track",
    "cases:track_case",
    "cases:rate",
    "cases:reopen",
    "cases:published_list",
    "cases:published_detail",
    "cases:similar_published",
    "dialogues:public_list",
    "dialogues:public_detail",
    "reports:public",
    # Published answers, also as read-only JSON (cases.api_public).
    "api:list_published",
    "api:read_published",
    "privacy:notice",
    "privacy:request_new",
    "privacy:request_sent",
    # Open311 GeoReport v2 is public by its specification (POST needs an api_key).
    "open311:discovery",
    "open311:services",
    "open311:service",
    "open311:requests",
    "open311:request",
    "open311:token",
]

# Routes that answer 404 to everyone (the API root only points at the docs).
EMPTY_URL_NAMES = ["api:api-root"]


@dataclass
class Route:
    name: str
    path: str
    callback: object
    pattern: str  # the route's pattern text, all levels joined

    @property
    def is_api(self) -> bool:
        return self.path.startswith(API_PREFIXES)


def _sample(regex: str, condition: Callable[[str], bool] = lambda _s: True) -> str:
    """The simplest string that fully matches `regex` (and meets `condition`)."""
    strategy = st.from_regex(regex, fullmatch=True)
    return find(strategy, condition, settings=hypothesis_settings(database=None))


@functools.cache
def _converter_sample(regex: str) -> str:
    return _sample(regex)


def _resolves_to(path: str, callback: object) -> bool:
    try:
        return resolve(path).func == callback
    except Resolver404:
        return False


def _segment(pattern: object, prefix: str, callback: object = None) -> str:
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        for name, converter in pattern.converters.items():
            route = re.sub(rf"<(?:\w+:)?{name}>", _converter_sample(converter.regex), route)
        return route
    assert isinstance(pattern, RegexPattern), pattern
    regex = pattern.regex.pattern.removeprefix("^").removesuffix(r"\Z").removesuffix("$")
    if callback is None:  # an include's prefix
        return _sample(regex) if regex else ""
    return _sample(regex, lambda s: _resolves_to(prefix + s, callback))


def _walk(
    resolver: URLResolver, prefix: str = "/", namespace: str = "", pattern: str = ""
) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        text = pattern + str(entry.pattern)
        if isinstance(entry, URLResolver):
            path = prefix + _segment(entry.pattern, prefix)
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, path, inner, text)
        elif isinstance(entry, URLPattern):
            path = prefix + _segment(entry.pattern, prefix, entry.callback)
            name = f"{namespace}{entry.name}" if entry.name else f"{namespace}<unnamed {path}>"
            yield Route(name=name, path=path, callback=entry.callback, pattern=text)


ROUTES = list(_walk(get_resolver()))
PRIVATE = [r for r in ROUTES if r.name not in PUBLIC_URL_NAMES]


def test_the_walk_finds_the_known_pages():
    names = {route.name for route in ROUTES}
    assert {"public:home", "accounts:home", "accounts:user_list", "admin:index"} <= names


def test_every_public_page_on_the_list_exists():
    names = {route.name for route in ROUTES}
    assert set(PUBLIC_URL_NAMES) <= names, set(PUBLIC_URL_NAMES) - names


@pytest.mark.parametrize("route", PRIVATE, ids=lambda r: r.name)
def test_no_page_off_the_list_opts_out_of_the_login(route):
    """Only the allow-list may carry @login_not_required."""
    assert getattr(route.callback, "login_required", True) is not False, (
        f"{route.name} ({route.path}) is public: add it to PUBLIC_URL_NAMES if it must be"
    )


def _anonymous_answer(client: Client, route: Route) -> str | None:
    """Request the route anonymously; describe what is wrong, or None when it asks for a login."""
    # Several patterns with the same text (django-ninja: one per HTTP method) share a path.
    shared = resolve(route.path).route == route.pattern
    if not _resolves_to(route.path, route.callback) and not shared:
        return f"{route.path} does not resolve to its own view"
    response = client.get(route.path)
    if route.is_api and response.status_code == 405:
        method = response["Allow"].split(",")[0].strip().lower()
        response = getattr(client, method)(route.path)
    status = response.status_code
    if route.name in EMPTY_URL_NAMES:
        return None if status == 404 else f"{route.path} answered {status}, not 404"
    if route.is_api:
        return None if status in (401, 403) else f"{route.path} answered {status}, not 401/403"
    # A view may name its own login page (the admin's views do, as the middleware allows).
    login_url = resolve_url(getattr(route.callback, "login_url", None) or settings.LOGIN_URL)
    if status == 302 and response["Location"].startswith(login_url + "?next="):
        return None
    return f"{route.path} answered {status} {response.get('Location', '')}, not the login page"


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login(client):
    """One request per route (one test, to keep the walk quick); every failure is listed."""
    problems = {route.name: _anonymous_answer(client, route) for route in PRIVATE}
    problems = {name: problem for name, problem in problems.items() if problem}
    assert not problems, problems
