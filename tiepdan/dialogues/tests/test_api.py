"""The dialogues API: plan, read and record the matters raised (same services and access)."""

import pytest

from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.tests.conftest import plan
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
