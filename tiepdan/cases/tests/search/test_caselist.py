"""The HTML case list and the API list are one query: the same rows for the same choices."""

import pytest

from tiepdan.cases.models import Case, Status
from tiepdan.cases.tests.factories import accepted, receive
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(ward_a, officer_a):
    open_ones = [accepted(ward_a, officer_a) for _ in range(3)] + [receive(ward_a, officer_a)]
    closed = accepted(ward_a, officer_a)
    Case.objects.filter(pk=closed.pk).update(status=Status.CLOSED)
    return open_ones, closed


def _html_ids(client, officer, query):
    client.force_login(officer)
    response = client.get("/don-thu/", query)
    assert response.status_code == 200
    return [case.pk for case in response.context["page"].cases]


def _api_ids(client, unit, query):
    key = make_key(unit, "cases.view_case")[1]
    response = client.get("/api/v1/cases", query, **bearer(key))
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    "query",
    [
        {"view": "all", "sort": "due"},
        {"view": "all", "sort": "received"},
        {"view": "all"},
        {"view": "all", "q": "Lê Lợi"},
        {"view": "all", "q": "Lê Lợi", "sort": "due"},
        {"view": "overdue"},
    ],
)
def test_the_page_and_the_api_list_the_same_cases(client, ward_a, officer_a, cases, query):
    assert _html_ids(client, officer_a, query) == _api_ids(client, ward_a, query)


def test_sorted_by_due_date_both_leave_out_finished_cases(client, ward_a, officer_a, cases):
    open_ones, closed = cases
    query = {"view": "all", "sort": "due"}
    listed = _api_ids(client, ward_a, query)
    assert closed.pk not in listed
    assert set(listed) == {case.pk for case in open_ones}
    assert _html_ids(client, officer_a, query) == listed
