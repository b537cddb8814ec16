"""The mediation API: the log book through the same services; parties stay private to keys."""

from datetime import date

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.mediation import services
from tiepdan.mediation.models import Agreement, MediationCase
from tiepdan.mediation.tests.conftest import AGREEMENT, members, register
from tiepdan.orgunits.services import ensure_group

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


def _post(client, case, action, body, **headers):
    return client.post(
        f"{API}/cases/{case.pk}/{action}", body, content_type="application/json", **headers
    )


def _put_agreement(client, case, body, **headers):
    return client.put(
        f"{API}/cases/{case.pk}/agreement", body, content_type="application/json", **headers
    )


SESSION = {"held_on": "2026-11-04", "place": "Nhà văn hóa Khu phố 1", "notes": "Hai bên trình bày"}
AGREEMENT_BODY = {k: str(v) if isinstance(v, date) else v for k, v in AGREEMENT.items()}


def test_a_mediator_records_a_session_with_the_mediators_present(client, mediator_a, team):
    case = register(team)
    present = list(team.mediators.order_by("pk")[:2])
    client.force_login(mediator_a)
    body = {**SESSION, "mediator_ids": [m.pk for m in present]}
    response = _post(client, case, "sessions", body)
    assert response.status_code == 201, response.content
    assert sorted(response.json()["mediator_ids"]) == [m.pk for m in present]
    case.refresh_from_db()
    assert case.started_on == date(2026, 11, 4)
    listed = client.get(f"{API}/cases/{case.pk}/sessions").json()
    assert [s["notes"] for s in listed] == ["Hai bên trình bày"]


def test_a_mediator_of_another_team_is_refused_without_naming_them(
    client, mediator_a, team, ward_b
):
    other = services.establish_team(
        group=ensure_group(ward_b, "Thôn 2"),
        name="Tổ hòa giải Thôn 2",
        mediators=members("F", "M", "M"),
        leader_index=0,
        leader_decision_number="7/QĐ-UBND",
        leader_decision_on=date(2026, 1, 5),
    )
    stranger = other.mediators.first()
    case = register(team)
    client.force_login(mediator_a)
    response = _post(client, case, "sessions", {**SESSION, "mediator_ids": [stranger.pk]})
    assert response.status_code == 400
    assert stranger.full_name not in response.content.decode()
    assert not case.sessions.exists()


@pytest.mark.parametrize(
    "body",
    [
        {**SESSION, "held_on": "04/11/2026"},
        {**SESSION, "notes": ""},
        {**SESSION, "mediator_ids": ["one"]},
        {**SESSION, "room": "A"},
    ],
)
def test_a_bad_session_is_a_422_and_nothing_is_saved(client, mediator_a, team, body):
    case = register(team)
    client.force_login(mediator_a)
    assert _post(client, case, "sessions", body).status_code == 422
    assert not case.sessions.exists()


def test_a_successful_mediation_gets_its_agreement_and_document(client, mediator_a, team):
    case = register(team)
    services.record_session(case, held_on=date(2026, 11, 4), place="Nhà văn hóa", notes="Buổi 1")
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    client.force_login(mediator_a)
    response = _put_agreement(client, case, AGREEMENT_BODY)
    assert response.status_code == 200, response.content
    assert response.json()["parties"] == AGREEMENT["parties"]
    corrected = _put_agreement(client, case, {**AGREEMENT_BODY, "signed": False})
    assert corrected.json()["signed"] is False
    assert Agreement.objects.filter(case=case).count() == 1
    document = client.get(f"{API}/cases/{case.pk}/agreement/document")
    assert document.status_code == 200
    assert b"".join(document.streaming_content)[:2] == b"PK"


def test_an_agreement_needs_a_successful_outcome(client, mediator_a, team):
    case = register(team)
    client.force_login(mediator_a)
    assert _put_agreement(client, case, AGREEMENT_BODY).status_code == 409
    missing = {k: v for k, v in AGREEMENT_BODY.items() if k != "agreement"}
    assert _put_agreement(client, case, missing).status_code == 422
    assert client.get(f"{API}/cases/{case.pk}/agreement").status_code == 404


def test_a_key_reads_the_agreement_without_the_parties_and_not_its_document(client, team, ward_a):
    case = register(team)
    services.record_session(case, held_on=date(2026, 11, 4), place="Nhà văn hóa", notes="Buổi 1")
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    services.record_agreement(case, **AGREEMENT)
    _key, plain = make_key(ward_a, "mediation.view_mediationcase")
    read = client.get(f"{API}/cases/{case.pk}/agreement", **bearer(plain))
    assert read.status_code == 200 and read.json()["parties"] == ""
    sessions = client.get(f"{API}/cases/{case.pk}/sessions", **bearer(plain)).json()
    assert sessions[0]["notes"] == ""
    document = client.get(f"{API}/cases/{case.pk}/agreement/document", **bearer(plain))
    assert document.status_code == 403


def test_recording_needs_the_capability_and_the_scope(client, officer_a, team, ward_a, ward_b):
    case = register(team)
    client.force_login(officer_a)
    assert _post(client, case, "sessions", SESSION).status_code == 403
    assert _put_agreement(client, case, AGREEMENT_BODY).status_code == 403
    _key, plain = make_key(ward_b, "mediation.view_mediationcase", "mediation.record_mediation")
    assert _post(client, case, "sessions", SESSION, **bearer(plain)).status_code == 404
    assert _put_agreement(client, case, AGREEMENT_BODY, **bearer(plain)).status_code == 404
    assert client.get(f"{API}/cases/{case.pk}/sessions", **bearer(plain)).status_code == 404
    assert not case.sessions.exists()


def test_another_wards_staff_cannot_read_the_agreement(client, team, officer_b):
    case = register(team)
    services.record_session(case, held_on=date(2026, 11, 4), place="Nhà văn hóa", notes="Buổi 1")
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    services.record_agreement(case, **AGREEMENT)
    client.force_login(officer_b)
    assert client.get(f"{API}/cases/{case.pk}/agreement").status_code == 404
    assert client.get(f"{API}/cases/{case.pk}/agreement/document").status_code == 404
