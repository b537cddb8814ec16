"""The targets API: programmes with their targets, results entered through the same service."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.targets.models import Programme
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


def _post(client, url, body, **headers):
    return client.post(f"{API}{url}", body, content_type="application/json", **headers)


PROGRAMME = {"year": 2027, "title": "Chương trình công tác năm 2027", "source": "NQ 05-NQ/ĐU"}
TARGET = {"code": "dang-vien-moi", "name": "Kết nạp đảng viên mới", "group": "party", "plan": "12"}


def test_a_leader_opens_a_programme_and_adds_its_targets(client, leader_a, officer_a, ward_a):
    client.force_login(leader_a)
    created = _post(client, "/programmes", PROGRAMME)
    assert created.status_code == 201, created.content
    programme = Programme.objects.get(pk=created.json()["id"])
    assert programme.unit == ward_a and created.json()["targets"] == []
    url = f"/programmes/{programme.pk}/targets"
    added = _post(client, url, {**TARGET, "measure": "người", "responsible_id": officer_a.pk})
    assert added.status_code == 200, added.content
    changed = _post(client, url, {**TARGET, "plan": "15"})
    assert changed.json()["id"] == added.json()["id"] and float(changed.json()["plan"]) == 15
    assert programme.targets.get().plan == 15


def test_a_second_programme_for_the_same_year_is_refused(client, leader_a, ward_a):
    ProgrammeFactory(unit=ward_a, year=2027)
    client.force_login(leader_a)
    response = _post(client, "/programmes?lang=en", PROGRAMME)
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "year"


@pytest.mark.parametrize(
    "url, body",
    [
        ("/programmes", {**PROGRAMME, "year": 1999}),
        ("/programmes", {**PROGRAMME, "title": ""}),
        ("/programmes", {**PROGRAMME, "budget": 1}),
        ("TARGETS", {**TARGET, "plan": "-1"}),
        ("TARGETS", {**TARGET, "code": "đảng viên"}),
        ("TARGETS", {**TARGET, "group": "sports"}),
        ("TARGETS", {**TARGET, "decimals": 9}),
    ],
)
def test_bad_input_is_a_422_and_changes_nothing(client, leader_a, ward_a, url, body):
    programme = ProgrammeFactory(unit=ward_a)
    client.force_login(leader_a)
    url = f"/programmes/{programme.pk}/targets" if url == "TARGETS" else url
    assert _post(client, url, body).status_code == 422
    assert Programme.objects.count() == 1 and not programme.targets.exists()


def test_a_responsible_officer_of_another_ward_is_refused(client, ward_a, ward_b, officer_b):
    programme = ProgrammeFactory(unit=ward_a)
    _key, plain = make_key(ward_a, "targets.view_targets", "targets.manage_targets")
    url = f"/programmes/{programme.pk}/targets"
    response = _post(client, url, {**TARGET, "responsible_id": officer_b.pk}, **bearer(plain))
    assert response.status_code == 404
    assert not programme.targets.exists()


def test_setting_up_needs_the_capability_and_the_scope(client, officer_a, ward_a, ward_b):
    programme = ProgrammeFactory(unit=ward_a)
    client.force_login(officer_a)
    assert _post(client, "/programmes", PROGRAMME).status_code == 403
    assert _post(client, f"/programmes/{programme.pk}/targets", TARGET).status_code == 403
    _key, plain = make_key(ward_b, "targets.view_targets", "targets.manage_targets")
    url = f"/programmes/{programme.pk}/targets"
    assert _post(client, url, TARGET, **bearer(plain)).status_code == 404
    assert not programme.targets.exists() and Programme.objects.count() == 1
