"""The dialogues API: plan, read and record the matters raised (same services and access)."""

from datetime import date

import pytest

from tiepdan.dialogues import services
from tiepdan.dialogues.models import Dialogue, Participant
from tiepdan.dialogues.tests.conftest import held, plan
from tiepdan.directives.models import Directive
from tiepdan.integrations.tests.factories import bearer, make_key

pytestmark = pytest.mark.django_db

API = "/api/v1/dialogues"


def test_a_leader_plans_a_dialogue(client, leader_a, ward_a):
    client.force_login(leader_a)
    body = {
        "topic": "Chỉnh trang chợ Bến Thành",
        "held_at": "2026-12-08T08:00:00+07:00",
        "place": "Hội trường UBND phường",
        "chaired_by_id": leader_a.pk,
    }
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Dialogue.objects.get(pk=response.json()["id"]).unit == ward_a
    assert response.json()["participants"][0]["role"] == "chair"


def test_a_dialogue_in_the_past_is_a_400(client, leader_a):
    client.force_login(leader_a)
    body = {
        "topic": "Muộn",
        "held_at": "2026-01-08T08:00:00+07:00",
        "place": "Hội trường",
        "chaired_by_id": leader_a.pk,
    }
    response = client.post(API + "?lang=en", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "held_at"


def test_a_key_reads_its_wards_dialogues_only(client, leader_a, ward_a, ward_b):
    mine = plan(leader_a, ward_a)
    _key, plain = make_key(ward_a, "dialogues.view_dialogue")
    listed = client.get(API, **bearer(plain)).json()["items"]
    assert [d["id"] for d in listed] == [mine.pk]
    _other, other_plain = make_key(ward_b, "dialogues.view_dialogue")
    assert client.get(f"{API}/{mine.pk}", **bearer(other_plain)).status_code == 404


def test_recording_a_matter_needs_the_capability(client, leader_a, officer_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    body = {"raised_by": "Bà Trần Thị Mai", "content": "Vỉa hè bị lấn chiếm"}
    client.force_login(officer_a)
    assert (
        client.post(
            f"{API}/{dialogue.pk}/issues", body, content_type="application/json"
        ).status_code
        == 403
    )
    client.force_login(leader_a)
    made = client.post(f"{API}/{dialogue.pk}/issues", body, content_type="application/json")
    assert made.status_code == 201, made.content


def _post(client, dialogue, action, body, **headers):
    url = f"{API}/{dialogue.pk}/{action}"
    return client.post(url, body, content_type="application/json", **headers)


def test_a_leader_invites_sends_and_records_who_came(client, leader_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    client.force_login(leader_a)
    invited = _post(client, dialogue, "participants", {"name": "Trần Thị Mai", "role": "citizen"})
    assert invited.status_code == 201, invited.content
    sent = _post(client, dialogue, "invitations-sent", {"sent_on": "2026-11-25"})
    assert sent.status_code == 200, sent.content
    assert sent.json()["dialogue"]["invitations_sent_on"] == "2026-11-25"
    chair = dialogue.participants.get(role=Participant.Role.CHAIR)
    body = {
        "attended": [chair.pk],
        "absence_notes": {str(invited.json()["id"]): "Ốm"},
        "result": "Thống nhất lộ trình chỉnh trang.",
    }
    response = _post(client, dialogue, "held", body)
    assert response.status_code == 200, response.content
    came = {p["name"]: p["attended"] for p in response.json()["participants"]}
    assert came == {str(chair.name): True, "Trần Thị Mai": False}
    assert response.json()["status"] == "held" and response.json()["minutes_number"]
    assert Participant.objects.get(pk=invited.json()["id"]).absence_note == "Ốm"
    minutes = client.get(f"{API}/{dialogue.pk}/minutes")
    assert minutes.status_code == 200
    assert b"".join(minutes.streaming_content)[:2] == b"PK"  # a Word file is a zip


def test_someone_not_invited_cannot_be_marked_present(client, leader_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    other = plan(leader_a, ward_a, day=5)
    services.record_invitations_sent(dialogue, sent_on=date(2026, 11, 25))
    stranger = other.participants.get()
    client.force_login(leader_a)
    body = {"attended": [stranger.pk], "result": "Thống nhất."}
    response = _post(client, dialogue, "held?lang=en", body)
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "attended"
    dialogue.refresh_from_db()
    assert dialogue.status == Dialogue.Status.PLANNED


@pytest.mark.parametrize(
    "action, body",
    [
        ("participants", {"name": "", "role": "citizen"}),
        ("participants", {"name": "Mai", "role": "king"}),
        ("invitations-sent", {"sent_on": "hôm qua"}),
        ("held", {"attended": "all", "result": "x"}),
        ("held", {"attended": [], "result": "x", "minutes_copies": 0}),
        ("commitments", {"title": "x", "due_in_working_days": 0}),
        ("commitments", {"title": "x", "source_kind": "dialogue"}),
    ],
)
def test_bad_input_is_a_422_and_changes_nothing(client, leader_a, ward_a, action, body):
    dialogue = plan(leader_a, ward_a)
    client.force_login(leader_a)
    assert _post(client, dialogue, action, body).status_code == 422
    assert dialogue.participants.count() == 1 and not dialogue.commitments.exists()


def test_a_commitment_becomes_a_directive_of_the_dialogue(client, leader_a, officer_a, ward_a):
    dialogue = held(leader_a, ward_a)
    client.force_login(leader_a)
    body = {
        "title": "Lắp đèn hẻm 45 Lê Thánh Tôn",
        "owner_user_id": officer_a.pk,
        "due_in_working_days": 15,
    }
    response = _post(client, dialogue, "commitments", body)
    assert response.status_code == 201, response.content
    directive = Directive.objects.get(pk=response.json()["id"])
    assert directive.source_kind == Directive.SourceKind.DIALOGUE
    assert list(dialogue.commitments.all()) == [directive]


def test_a_commitment_before_the_dialogue_is_held_is_a_409(client, leader_a, officer_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    client.force_login(leader_a)
    body = {"title": "Lắp đèn", "owner_user_id": officer_a.pk, "due_in_working_days": 5}
    assert _post(client, dialogue, "commitments", body).status_code == 409


def test_an_officer_may_read_but_not_record(client, leader_a, officer_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    client.force_login(officer_a)
    assert client.get(f"{API}/{dialogue.pk}").status_code == 200
    for action, body in [
        ("participants", {"name": "Trần Thị Mai"}),
        ("invitations-sent", {"sent_on": "2026-11-25"}),
        ("held", {"attended": [], "result": "x"}),
        ("commitments", {"title": "x", "owner_user_id": officer_a.pk}),
    ]:
        assert _post(client, dialogue, action, body).status_code == 403, action


def test_another_wards_dialogue_is_a_404(client, leader_a, ward_a, ward_b):
    dialogue = held(leader_a, ward_a)
    _key, plain = make_key(ward_b, "dialogues.view_dialogue", "dialogues.manage_dialogues")
    for action, body in [
        ("participants", {"name": "Trần Thị Mai"}),
        ("invitations-sent", {"sent_on": "2026-11-25"}),
        ("held", {"attended": [], "result": "x"}),
        ("commitments", {"title": "x", "due_in_working_days": 5}),
    ]:
        assert _post(client, dialogue, action, body, **bearer(plain)).status_code == 404, action
    assert client.get(f"{API}/{dialogue.pk}/minutes", **bearer(plain)).status_code == 404
