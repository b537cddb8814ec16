"""Public schedule, feeds and booking; the officer's recording flow; scope."""

from datetime import date, time

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from icalendar import Calendar

from tiepdan.reception import services
from tiepdan.reception.models import Appointment, ReceptionEntry
from tiepdan.reception.services.schedule import DayDetails

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def published_day(leader, on=date(2026, 12, 10)):
    day = services.create_day(
        unit=leader.unit,
        leader=leader,
        on=on,
        today=TODAY,
        details=DayDetails(time(7, 30), time(11), "Phòng tiếp công dân"),
    )
    return services.publish_day(day, today=TODAY)


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_the_public_page_lists_days_and_notices_with_feed_links(client, leader_a, chairman_a):
    day = published_day(leader_a)
    moved = published_day(chairman_a, on=date(2026, 12, 11))
    services.postpone_day(moved, new_on=date(2026, 12, 18), reason="Họp HĐND", today=TODAY)
    page = client.get(reverse("reception:schedule", args=["26743"])).content.decode()
    assert str(day.leader) in page and "Họp HĐND" in page
    assert reverse("reception:unit_feed", args=["26743"]) in page


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_the_feed_has_stable_uids_and_cancelled_events(client, leader_a):
    day = published_day(leader_a)
    services.cancel_day(published_day(leader_a, on=date(2026, 12, 17)), reason="Bão")
    body = client.get(reverse("reception:unit_feed", args=["26743"])).content
    calendar = Calendar.from_ical(body)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = calendar.walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    assert by_uid[day.uid]["STATUS"] == "CONFIRMED"
    cancelled = [e for e in events if e["STATUS"] == "CANCELLED"]
    assert len(cancelled) == 1 and int(cancelled[0]["SEQUENCE"]) == 2
    leader_feed = client.get(reverse("reception:leader_feed", args=["26743", leader_a.pk]))
    assert leader_feed["Content-Type"].startswith("text/calendar")


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_a_citizen_books_and_cancels_with_the_code(client, leader_a):
    day = published_day(leader_a)
    response = client.post(
        reverse("reception:book", args=[day.pk]),
        {
            "full_name": "Lê Thị Hoa",
            "phone": "0912345678",
            "subject": "Cấp phép sửa nhà",
            "consent": "on",
        },
    )
    booking = Appointment.objects.get()
    assert response.url == reverse("reception:booking", args=[booking.code])
    again = client.post(
        reverse("reception:book", args=[day.pk]),
        {"full_name": "Lê Thị Hoa", "phone": "0912 345 678", "subject": "Lần hai", "consent": "on"},
    )
    assert again.status_code == 200 and Appointment.objects.count() == 1
    client.post(reverse("reception:cancel"), {"code": booking.code})
    booking.refresh_from_db()
    assert booking.status == Appointment.Status.CANCELLED


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_booking_is_rate_limited(client, leader_a):
    day = published_day(leader_a)
    for n in range(6):
        client.post(
            reverse("reception:book", args=[day.pk]),
            {"full_name": "A", "phone": f"091234567{n}", "subject": "x", "consent": "on"},
        )
    assert Appointment.objects.count() == 5


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_an_officer_records_a_group_visit_and_downloads_its_documents(client, officer_a):
    client.force_login(officer_a)
    data = {
        "received_on": "2026-11-23",
        "full_name": "Nguyễn Văn Tâm",
        "address": "Khu phố 3",
        "id_kind": "cccd",
        "id_number": "079085001234",
        "summary": "Ngập nước hẻm 12",
        "kind": "feedback",
        "people_count": 6,
        "members": "\n".join(f"Hộ {i}" for i in range(6)),
        "representatives": "Hộ 1",
        "appointment_signed": "on",
        "route": "accept",
        "oral_statement": "on",
    }
    response = client.post(reverse("reception:entry_create"), data)
    entry = ReceptionEntry.objects.get()
    assert response.url == entry.get_absolute_url()
    assert entry.notify_by == date(2026, 12, 8)
    docx = client.get(reverse("reception:entry_document", args=[entry.pk, "bien-ban"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    client.post(
        reverse("reception:receipt_create", args=[entry.pk]),
        {
            "provider_name": "Nguyễn Văn Tâm",
            "items": "Đơn phản ánh; 2; original\nẢnh chụp; 5; copy",
        },
    )
    receipt = entry.receipts.get()
    assert client.get(reverse("reception:receipt_document", args=[receipt.pk])).status_code == 200
    xlsx = client.get(
        reverse("reception:export", args=["xlsx"]), {"start": "2026-11-01", "end": "2026-11-30"}
    )
    assert xlsx.content[:2] == b"PK"


def test_a_group_whose_representative_is_not_a_member_is_refused_on_the_form(client, officer_a):
    """Law on Citizen Reception Art. 29: representatives come from the members."""
    client.force_login(officer_a)
    data = {
        "received_on": "2026-11-20",
        "full_name": "A",
        "address": "B",
        "id_kind": "other",
        "summary": "S",
        "kind": "feedback",
        "people_count": 5,
        "members": "\n".join(f"Hộ {i}" for i in range(5)),
        "representatives": "Người ngoài",
        "appointment_signed": "on",
        "route": "accept",
    }
    response = client.post(reverse("reception:entry_create"), data)
    assert response.status_code == 200 and not ReceptionEntry.objects.exists()


def test_another_wards_entry_is_not_found(client, officer_b, officer_a):
    entry = services.record_entry(officer_a.unit, _data(), actor=officer_a, today=TODAY)
    client.force_login(officer_b)
    assert client.get(reverse("reception:entry", args=[entry.pk])).status_code == 404


def test_the_secretary_sees_the_compliance_table(client, leader_a):
    client.force_login(leader_a)
    response = client.get(
        reverse("reception:compliance"), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    assert response.status_code == 200 and "12/2026" in response.content.decode()


def _data():
    from tiepdan.reception.services.book import EntryData

    return EntryData(
        received_on=date(2026, 11, 20),
        full_name="A",
        address="B",
        id_kind="other",
        id_number="",
        summary="S",
        kind="feedback",
        route="explain",
    )
