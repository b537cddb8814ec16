"""The mediation API: the log book through the same services; parties stay private to keys."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.mediation.models import MediationCase
from tiepdan.mediation.tests.conftest import register

pytestmark = pytest.mark.django_db

API = "/api/v1/mediation"
CASE = {
    "received_on": "2026-11-10",
    "origin": "request",
    "field": "neighbours",
    "summary": "Tiếng ồn từ xưởng mộc gia đình lúc nửa đêm",
    "parties": [
        {"side": "a", "full_name": "Ngô Văn Bảy"},
        {"side": "b", "full_name": "Hồ Thị Tám"},
    ],
}


def test_a_mediator_logs_a_case(client, mediator_a, team):
    client.force_login(mediator_a)
    response = client.post(
        f"{API}/cases", {**CASE, "team_id": team.pk}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    case = MediationCase.objects.get(pk=response.json()["id"])
    assert case.number == 1 and case.parties.count() == 2


def test_an_excluded_matter_needs_its_reason(client, mediator_a, team):
    client.force_login(mediator_a)
    body = {**CASE, "team_id": team.pk, "exclusion": "state"}
    response = client.post(f"{API}/cases?lang=en", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "refusal_note"


def test_a_key_reads_the_book_without_the_parties(client, team, ward_a):
    case = register(team)
    _key, plain = make_key(ward_a, "mediation.view_mediationcase")
    page = client.get(f"{API}/cases", **bearer(plain)).json()
    assert [c["id"] for c in page["items"]] == [case.pk]
    assert page["items"][0]["parties"] == []


def test_another_wards_key_gets_a_404(client, team, ward_b):
    case = register(team)
    _key, plain = make_key(ward_b, "mediation.view_mediationcase")
    assert client.get(f"{API}/cases/{case.pk}", **bearer(plain)).status_code == 404


def test_an_outcome_before_any_session_is_refused(client, mediator_a, team):
    case = register(team)
    client.force_login(mediator_a)
    body = {"status": "successful", "ended_on": "2026-11-12"}
    response = client.post(f"{API}/cases/{case.pk}/outcome", body, content_type="application/json")
    assert response.status_code == 400
