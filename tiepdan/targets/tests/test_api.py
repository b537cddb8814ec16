"""The targets API: programmes with their targets, results entered through the same service."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.targets.tests.factories import ProgrammeFactory, TargetFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/targets"


def test_a_programme_reads_with_its_targets(client, ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    _key, plain = make_key(ward_a, "targets.view_targets")
    listed = client.get(f"{API}/programmes?year=2026", **bearer(plain)).json()
    assert [p["id"] for p in listed] == [target.programme_id]
    body = client.get(f"{API}/programmes/{target.programme_id}", **bearer(plain)).json()
    assert body["targets"][0]["code"] == target.code


def test_a_result_is_entered_with_its_percent_of_plan(client, ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    _key, plain = make_key(ward_a, "targets.view_targets", "targets.enter_target_results")
    body = {"period": "2026-H1", "value": "3.5"}
    response = client.post(
        f"{API}/{target.pk}/results", body, content_type="application/json", **bearer(plain)
    )
    assert response.status_code == 200, response.content
    assert response.json()["period"] == "2026-H1"
    assert float(response.json()["percent_of_plan"]) == pytest.approx(50)


def test_a_period_outside_the_year_or_malformed_is_a_400(client, ward_a):
    target = TargetFactory(programme=ProgrammeFactory(unit=ward_a))
    _key, plain = make_key(ward_a, "targets.enter_target_results")
    for period in ("2025-Q1", "sometime"):
        body = {"period": period, "value": "1"}
        response = client.post(
            f"{API}/{target.pk}/results", body, content_type="application/json", **bearer(plain)
        )
        assert response.status_code == 400
        assert response.json()["error"]["fields"][0]["field"] == "period"


def test_another_wards_programme_is_a_404(client, ward_b, ward_a):
    programme = ProgrammeFactory(unit=ward_b)
    _key, plain = make_key(ward_a, "targets.view_targets")
    assert client.get(f"{API}/programmes/{programme.pk}", **bearer(plain)).status_code == 404
