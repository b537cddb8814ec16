"""The directives API: issue, read, report progress, through the same services and access."""

import pytest

from tiepdan.directives.models import Directive
from tiepdan.directives.tests.factories import DirectiveFactory
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

API = "/api/v1/directives"


def test_a_leader_issues_a_directive_to_an_officer(client, leader_a, officer_a):
    client.force_login(leader_a)
    body = {
        "title": "Xử lý điểm ngập đường Lê Lợi",
        "owner_user_id": officer_a.pk,
        "due_in_working_days": 10,
    }
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 201, response.content
    directive = Directive.objects.get(pk=response.json()["id"])
    assert directive.owner_user == officer_a and directive.issued_by == leader_a


def test_an_owner_reports_progress_and_it_shows_in_the_history(client, leader_a, officer_a, ward_a):
    directive = DirectiveFactory(unit=ward_a, issued_by=leader_a, owner_user=officer_a)
    client.force_login(officer_a)
    url = f"{API}/{directive.pk}"
    done = client.post(
        url + "/progress", {"percent": 40, "note": "Đã khảo sát"}, content_type="application/json"
    )
    assert done.status_code == 200, done.content
    assert done.json()["percent_done"] == 40
    assert [u["kind"] for u in client.get(url + "/updates").json()][-1] == "progress"


def test_an_officer_cannot_issue_and_another_ward_is_a_404(
    client, officer_a, leader_a, ward_b, officer_b
):
    client.force_login(officer_a)
    refused = client.post(
        API, {"title": "x", "owner_user_id": officer_a.pk}, content_type="application/json"
    )
    assert refused.status_code == 403
    elsewhere = DirectiveFactory(unit=ward_b, issued_by=officer_b, owner_user=officer_b)
    assert client.get(f"{API}/{elsewhere.pk}").status_code == 404


def test_the_list_pages_newest_first(client, leader_a, ward_a):
    for day in (3, 4, 5):
        DirectiveFactory(
            unit=ward_a, issued_by=leader_a, owner_user=leader_a, issued_on=f"2026-11-{day:02d}"
        )
    _key, plain = make_key(ward_a, "directives.view_directive")
    first = client.get(f"{API}?limit=2", **bearer(plain)).json()
    assert [d["issued_on"] for d in first["items"]] == ["2026-11-05", "2026-11-04"]
    rest = client.get(f"{API}?limit=2&cursor={first['next_cursor']}", **bearer(plain)).json()
    assert [d["issued_on"] for d in rest["items"]] == ["2026-11-03"]
