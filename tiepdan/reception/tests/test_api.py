"""The reception API: the book, days and bookings through the same services and access."""

import pytest

from tiepdan.integrations.tests.factories import bearer, make_key
from tiepdan.reception.models import Appointment, ReceptionEntry
from tiepdan.reception.tests.factories import EntryFactory, ReceptionDayFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/reception"
ENTRY = {
    "received_on": "2026-11-20",
    "full_name": "Phạm Văn Lực",
    "address": "8 Nguyễn Huệ, Phường Bến Thành",
    "id_kind": "cccd",
    "id_number": "079085001234",
    "summary": "Phản ánh quán ăn lấn chiếm vỉa hè trước nhà.",
    "kind": "feedback",
    "route": "accept",
}


@pytest.fixture
def book_key(ward_a):
    return make_key(ward_a, "reception.view_reception", "reception.record_entry")[1]


def test_it_records_a_visit_in_the_book(client, book_key, ward_a):
    response = client.post(
        f"{API}/entries", ENTRY, content_type="application/json", **bearer(book_key)
    )
    assert response.status_code == 201, response.content
    entry = ReceptionEntry.objects.get(pk=response.json()["id"])
    assert entry.unit == ward_a and entry.number == 1
    assert entry.notify_by is not None


def test_a_rule_of_the_book_is_a_400_on_its_field(client, book_key):
    body = {**ENTRY, "route": "guide"}
    response = client.post(
        f"{API}/entries?lang=en", body, content_type="application/json", **bearer(book_key)
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"][0]["field"] == "route_body"


def test_the_book_pages_newest_first(client, book_key, ward_a):
    for day in (18, 19, 20):
        EntryFactory(unit=ward_a, received_on=f"2026-11-{day}")
    first = client.get(f"{API}/entries?limit=2", **bearer(book_key)).json()
    assert [e["received_on"] for e in first["items"]] == ["2026-11-20", "2026-11-19"]
    rest = client.get(f"{API}/entries?limit=2&cursor={first['next_cursor']}", **bearer(book_key))
    assert [e["received_on"] for e in rest.json()["items"]] == ["2026-11-18"]
    assert rest.json()["next_cursor"] is None


def test_a_denouncers_identity_is_hidden_from_a_key(client, book_key, ward_a, officer_a, leader_a):
    entry = EntryFactory(unit=ward_a, kind=ReceptionEntry.Kind.DENUNCIATION, received_by=officer_a)
    by_key = client.get(f"{API}/entries/{entry.pk}", **bearer(book_key)).json()
    assert by_key["full_name"] == "" and by_key["id_number"] == ""
    client.force_login(leader_a)  # neither recorded the visit nor resolves it
    assert client.get(f"{API}/entries/{entry.pk}").json()["full_name"] == ""
    client.force_login(officer_a)  # recorded it
    assert client.get(f"{API}/entries/{entry.pk}").json()["full_name"] == entry.full_name


def test_another_wards_entry_is_a_404(client, book_key, ward_b):
    entry = EntryFactory(unit=ward_b)
    assert client.get(f"{API}/entries/{entry.pk}", **bearer(book_key)).status_code == 404


def test_days_and_bookings(client, book_key, chairman_a):
    day = ReceptionDayFactory(leader=chairman_a)
    days = client.get(f"{API}/days?from=2026-12-01", **bearer(book_key)).json()
    assert [d["id"] for d in days] == [day.pk]
    booked = client.post(
        f"{API}/days/{day.pk}/bookings",
        {"full_name": "Lê Thị Hoa", "phone": "0903123456", "subject": "Hỏi về cấp sổ đỏ"},
        content_type="application/json",
        **bearer(book_key),
    )
    assert booked.status_code == 201, booked.content
    assert Appointment.objects.get().phone == "+84903123456"
    listed = client.get(f"{API}/days/{day.pk}/bookings", **bearer(book_key)).json()
    assert [b["full_name"] for b in listed] == ["Lê Thị Hoa"]
    assert [b["phone"] for b in listed] == ["0903•••456"]  # lists mask the number (rule 26)


def test_planning_a_day_needs_the_capability(client, book_key, chairman_a):
    body = {
        "leader_id": chairman_a.pk,
        "on": "2026-12-17",
        "starts_at": "07:30",
        "ends_at": "11:00",
        "place": "Phòng tiếp công dân",
    }
    refused = client.post(f"{API}/days", body, content_type="application/json", **bearer(book_key))
    assert refused.status_code == 403
    _key, planner = make_key(
        chairman_a.unit, "reception.view_reception", "reception.manage_schedule"
    )
    made = client.post(f"{API}/days", body, content_type="application/json", **bearer(planner))
    assert made.status_code == 201, made.content
    assert made.json()["status"] == "draft"


def test_a_published_day_is_postponed_with_its_reason(client, chairman_a):
    day = ReceptionDayFactory(leader=chairman_a)
    _key, planner = make_key(
        chairman_a.unit, "reception.view_reception", "reception.manage_schedule"
    )
    body = {"new_on": "2026-12-17", "reason": "Chủ tịch đi công tác đột xuất"}
    moved = client.post(
        f"{API}/days/{day.pk}/postpone", body, content_type="application/json", **bearer(planner)
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["on"] == "2026-12-17"
    day.refresh_from_db()
    assert day.status == "postponed"
    cancelled = client.post(
        f"{API}/days/{moved.json()['id']}/cancel",
        {"reason": "Bão"},
        content_type="application/json",
        **bearer(planner),
    )
    assert cancelled.json()["status"] == "cancelled"
