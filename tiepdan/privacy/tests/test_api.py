"""/api/v1/privacy: the same request log as the staff pages, through the same services."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.privacy.models import DataSubjectRequest
from tiepdan.privacy.services import file_request

pytestmark = pytest.mark.django_db
API = "/api/v1/privacy/requests"


def test_the_admin_logs_acknowledges_and_closes_a_request(client, admin_a):
    client.force_login(admin_a)
    body = {"kind": "access", "requester": "Lê Thị Cúc", "contact": "0912345678"}
    made = client.post(API, body, content_type="application/json")
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    assert made.json()["channel"] == "in_person" and made.json()["reference"].startswith("YC-")
    assert [r["id"] for r in client.get(API).json()] == [pk]
    assert client.post(f"{API}/{pk}/acknowledge").json()["acknowledged_at"]
    assert client.post(f"{API}/{pk}/acknowledge").status_code == 409
    closed = client.post(
        f"{API}/{pk}/close", {"outcome": "done", "note": "Đã gửi bản sao."}, "application/json"
    )
    assert closed.json()["outcome"] == "done"
    assert client.get(API).json() == []
    assert [r["id"] for r in client.get(f"{API}?open=false").json()] == [pk]


def test_a_key_with_the_capability_sees_only_its_ward(client, ward_a, ward_b):
    own = file_request(ward_a, kind="deletion", requester="A", contact="a@example.vn")
    other = file_request(ward_b, kind="deletion", requester="B", contact="b@example.vn")
    _key, plain = make_key(ward_a, "privacy.manage_privacy")
    assert [r["id"] for r in client.get(API, **bearer(plain)).json()] == [own.pk]
    assert client.post(f"{API}/{other.pk}/acknowledge", **bearer(plain)).status_code == 404


def test_other_roles_are_refused_and_nothing_changes(client, officer_a, ward_a):
    made = file_request(ward_a, kind="access", requester="A", contact="a@example.vn")
    client.force_login(officer_a)
    assert client.get(API).status_code == 403
    assert client.post(f"{API}/{made.pk}/acknowledge").status_code == 403
    assert DataSubjectRequest.objects.get().acknowledged_at is None
