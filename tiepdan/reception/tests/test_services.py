"""Writes on schedules, bookings and the book; each legal rule names its article."""

from datetime import date, time

import pytest

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.reception import services
from tiepdan.reception.models import Appointment, ReceptionDay, ReceptionEntry, RefusalNotice
from tiepdan.reception.services.book import EntryData
from tiepdan.reception.services.schedule import DayDetails

TODAY = date(2026, 11, 23)
MORNING = DayDetails(time(7, 30), time(11, 0), "Phòng tiếp công dân")


def plan(leader, on=date(2026, 12, 10), details=MORNING, **kw):
    return services.create_day(
        unit=leader.unit, leader=leader, on=on, details=details, today=TODAY, **kw
    )


def entry_data(**kw):
    values = dict(
        received_on=date(2026, 11, 20),
        full_name="Trần Thị Mai",
        address="5 Lê Lai",
        id_kind="cccd",
        id_number="079185001234",
        summary="Xin cấp giấy chứng nhận",
        kind=ReceptionEntry.Kind.PETITION,
        route=ReceptionEntry.Route.ACCEPT,
    )
    values.update(kw)
    return EntryData(**values)


def test_it_refuses_a_day_in_the_past(leader_a):
    with pytest.raises(DomainError, match="in the past"):
        plan(leader_a, on=date(2026, 11, 20))
    assert not ReceptionDay.objects.exists()


def test_it_refuses_overlapping_days_for_one_leader(leader_a, chairman_a):
    plan(leader_a)
    with pytest.raises(Conflict, match="overlap"):
        plan(leader_a, details=DayDetails(time(10, 0), time(12, 0), "Hội trường"))
    plan(leader_a, details=DayDetails(time(13, 30), time(16, 0), "Hội trường"))
    plan(chairman_a)  # another leader may receive at the same time
    assert ReceptionDay.objects.count() == 3


def test_it_refuses_to_publish_a_periodic_day_less_than_five_working_days_ahead(leader_a):
    """Law on Citizen Reception Art. 24: publication ≥ 5 working days before the session."""
    day = plan(leader_a, on=date(2026, 11, 27))
    with pytest.raises(DomainError, match="Art. 24") as error:
        services.publish_day(day, today=TODAY)
    assert error.value.code == "late_publication"
    day.refresh_from_db()
    assert day.status == ReceptionDay.Status.DRAFT
    services.publish_day(plan(leader_a, on=date(2026, 12, 1)), today=TODAY)


def test_it_publishes_an_adhoc_day_at_once_with_its_reason(leader_a):
    """Regulation 11 (KL 215): an unscheduled session states its reason from the list."""
    day = plan(leader_a, on=date(2026, 11, 25), adhoc_reason=ReceptionDay.AdhocReason.MANY_PEOPLE)
    assert (day.kind, day.status) == (ReceptionDay.Kind.ADHOC, ReceptionDay.Status.PUBLISHED)
    with pytest.raises(DomainError):
        plan(leader_a, on=date(2026, 11, 26), adhoc_reason="because")


def test_it_postpones_with_a_reason_and_moves_the_bookings(leader_a):
    """Law on Citizen Reception Art. 24: a postponement publishes a notice of the new date."""
    day = services.publish_day(plan(leader_a), today=TODAY)
    booking = services.book(
        day, full_name="Lê Văn Tám", phone="0912345678", subject="Đất", today=TODAY
    )
    with pytest.raises(DomainError, match="reason"):
        services.postpone_day(day, new_on=date(2026, 12, 17), reason=" ", today=TODAY)
    new_day = services.postpone_day(day, new_on=date(2026, 12, 17), reason="Họp HĐND", today=TODAY)
    day.refresh_from_db()
    booking.refresh_from_db()
    assert (day.status, day.replaced_by, day.change_reason) == ("postponed", new_day, "Họp HĐND")
    assert new_day.status == ReceptionDay.Status.PUBLISHED
    assert booking.day == new_day
    assert day.sequence == 2


def test_it_generates_days_from_a_schedule_without_duplicates(leader_a):
    schedule = services.create_schedule(
        unit=leader_a.unit,
        leader=leader_a,
        weekday=3,
        weeks_of_month="2,4",
        details=MORNING,
        valid_from=date(2026, 11, 1),
    )
    created, _ = services.generate_days(
        schedule, start=date(2026, 12, 1), end=date(2027, 1, 31), today=TODAY
    )
    assert [d.on for d in created] == [
        date(2026, 12, 10),
        date(2026, 12, 24),
        date(2027, 1, 14),
        date(2027, 1, 28),
    ]
    again, skipped = services.generate_days(
        schedule, start=date(2026, 12, 1), end=date(2027, 1, 31), today=TODAY
    )
    assert again == [] and len(skipped) == 4


def test_it_books_within_capacity_and_once_per_phone(leader_a):
    day = services.publish_day(
        plan(leader_a, details=DayDetails(time(7, 30), time(11), "P", capacity=2)), today=TODAY
    )
    first = services.book(day, full_name="A", phone="0912 345 678", subject="Đất", today=TODAY)
    assert len(first.code) == 8 and first.phone == "+84912345678"
    with pytest.raises(Conflict, match="already has a booking"):
        services.book(day, full_name="B", phone="+84912345678", subject="Nhà", today=TODAY)
    services.book(day, full_name="C", phone="0987654321", subject="Nhà", today=TODAY)
    with pytest.raises(Conflict, match="fully booked"):
        services.book(day, full_name="D", phone="0903123456", subject="Nhà", today=TODAY)
    services.cancel_booking(first.code.lower(), today=TODAY)
    services.book(day, full_name="A", phone="0912345678", subject="Đất", today=TODAY)


def test_it_refuses_a_booking_on_a_cancelled_day(leader_a):
    day = services.publish_day(plan(leader_a), today=TODAY)
    services.cancel_day(day, reason="Bão")
    with pytest.raises(DomainError, match="cancelled"):
        services.book(day, full_name="A", phone="0912345678", subject="Đất", today=TODAY)


def test_it_sets_the_notify_by_date_ten_working_days_after_reception(leader_a, officer_a):
    """TCD Art. 28 / Regulation 11: notify within 10 working days; the work list shows it."""
    entry = services.record_entry(officer_a.unit, entry_data(), actor=officer_a, today=TODAY)
    assert (entry.number, entry.year) == (1, 2026)
    assert entry.notify_by == date(2026, 12, 7)
    assert entry.citizen is not None
    assert list(ReceptionEntry.objects.notice_overdue(on=date(2026, 12, 8))) == [entry]
    services.mark_notified(entry, on=date(2026, 12, 1), reference="15/TB-UBND")
    assert not ReceptionEntry.objects.notice_overdue(on=date(2026, 12, 8)).exists()


def test_it_rejects_a_cccd_that_fails_its_check(officer_a):
    """DOMAIN rule 25 / Decree 154 Art. 12: a CCCD has 12 digits."""
    with pytest.raises(DomainError, match="12 digits"):
        services.record_entry(
            officer_a.unit, entry_data(id_number="07908500"), actor=officer_a, today=TODAY
        )
    assert not ReceptionEntry.objects.exists()


def test_it_requires_the_route_document_number(officer_a):
    """DOMAIN rule 5 (Form 03/TCD columns 10–11): guided or transferred with document number."""
    data = entry_data(route=ReceptionEntry.Route.TRANSFER, route_body="Công an phường")
    with pytest.raises(DomainError, match="number"):
        services.record_entry(officer_a.unit, data, actor=officer_a, today=TODAY)


def test_it_records_a_group_with_members_as_representatives(officer_a):
    """Law on Citizen Reception Art. 29: 5–10 people, 1–2 representatives among the members."""
    members = [f"Hộ dân {i}" for i in range(1, 8)]
    bad = entry_data(members=members, representatives=["Người ngoài"], appointment_signed=True)
    with pytest.raises(DomainError, match="members"):
        services.record_entry(officer_a.unit, bad, actor=officer_a, today=TODAY)
    unsigned = entry_data(members=members, representatives=["Hộ dân 1"])
    with pytest.raises(DomainError, match="signed by all"):
        services.record_entry(officer_a.unit, unsigned, actor=officer_a, today=TODAY)
    good = entry_data(
        members=members, representatives=["Hộ dân 1", "Hộ dân 2"], appointment_signed=True
    )
    entry = services.record_entry(officer_a.unit, good, actor=officer_a, today=TODAY)
    assert entry.is_group and entry.people_count == 7
    assert [m.full_name for m in entry.members.filter(is_representative=True)] == [
        "Hộ dân 1",
        "Hộ dân 2",
    ]


def test_it_creates_form_01_for_refusal_ground_h_due_in_three_working_days(officer_a):
    """TCD Art. 9; Decree 154 Art. 4(1)(h): a written refusal notice due in 3 working days."""
    refused = entry_data(route=ReceptionEntry.Route.REFUSED, refusal_ground="nd154_4_1_h")
    entry = services.record_entry(officer_a.unit, refused, actor=officer_a, today=TODAY)
    assert entry.refusal_notice.due_on == date(2026, 11, 26)
    assert entry.notify_by is None
    oral = entry_data(route=ReceptionEntry.Route.REFUSED, refusal_ground="tcd_9_1")
    services.record_entry(officer_a.unit, oral, actor=officer_a, today=TODAY)
    assert RefusalNotice.objects.count() == 1
    with pytest.raises(DomainError, match="ground"):
        services.record_entry(
            officer_a.unit, entry_data(route="refused"), actor=officer_a, today=TODAY
        )


def test_it_marks_the_booking_and_the_day_when_the_visit_is_recorded(leader_a, officer_a):
    day = services.publish_day(plan(leader_a), today=TODAY)
    booking = services.book(day, full_name="A", phone="0912345678", subject="Đất", today=TODAY)
    services.record_entry(
        officer_a.unit,
        entry_data(received_on=day.on, day=day, appointment=booking),
        actor=officer_a,
        today=day.on,
    )
    booking.refresh_from_db()
    day.refresh_from_db()
    assert booking.status == Appointment.Status.ATTENDED
    assert day.status == ReceptionDay.Status.HELD


def test_it_records_a_receipt_of_documents(officer_a):
    """Decree 154 Art. 14 (Form 02/TCD): each item with its pages and condition."""
    from django.utils import timezone

    from tiepdan.reception.services.book import ItemData

    entry = services.record_entry(officer_a.unit, entry_data(), actor=officer_a, today=TODAY)
    with pytest.raises(DomainError):
        services.add_receipt(
            entry,
            officer=officer_a,
            received_at=timezone.now(),
            place="P",
            provider_name="Mai",
            provider_id_number="",
            items=[],
        )
    receipt = services.add_receipt(
        entry,
        officer=officer_a,
        received_at=timezone.now(),
        place="P",
        provider_name="Mai",
        provider_id_number="",
        items=[ItemData("Đơn kiến nghị", 2, "original"), ItemData("Sổ đỏ", 4, "copy")],
    )
    assert [(i.pages, i.condition) for i in receipt.items.all()] == [(2, "original"), (4, "copy")]


def test_the_refusal_notice_takes_the_next_number(officer_a):
    refused = entry_data(route=ReceptionEntry.Route.REFUSED, refusal_ground="tcd_9_3")
    entry = services.record_entry(officer_a.unit, refused, actor=officer_a, today=TODAY)
    notice = services.issue_refusal_notice(entry.refusal_notice, issued_on=TODAY)
    entry.refresh_from_db()
    assert notice.number == "1/TB-UBND" and entry.notified_on == TODAY


def test_it_publishes_only_the_planned_days_still_in_time(leader_a):
    """Law on Citizen Reception Art. 24: days closer than 5 working days stay unpublished."""
    late = plan(leader_a, on=date(2026, 11, 26))
    in_time = plan(leader_a, on=date(2026, 12, 3))
    published = services.publish_planned(
        ReceptionDay.objects.all(), until=date(2027, 1, 31), today=TODAY
    )
    assert published == [in_time]
    late.refresh_from_db()
    assert late.status == ReceptionDay.Status.DRAFT


def test_it_requires_an_identity_document_unless_the_visit_was_refused(officer_a):
    """Decree 154 Art. 12; DOMAIN rule 5: name, address and an ID or another document."""
    with pytest.raises(DomainError) as error:
        services.record_entry(
            officer_a.unit, entry_data(id_kind="none", id_number=""), actor=officer_a, today=TODAY
        )
    assert error.value.field == "id_kind"
    refused = entry_data(
        id_kind="none", id_number="", route="refused", refusal_ground="nd154_4_1_b"
    )
    assert services.record_entry(officer_a.unit, refused, actor=officer_a, today=TODAY).pk


def test_the_signed_oral_statement_record_is_attached_as_a_scan(officer_a):
    """Law on Citizen Reception Arts. 7 and 25 (rule 6): the citizen signs the record of an oral
    statement; its scan is kept with the entry."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = services.record_entry(
        officer_a.unit, entry_data(oral_statement=True), actor=officer_a, today=TODAY
    )
    assert not entry.statement_signed
    with pytest.raises(DomainError):
        services.attach_statement_scan(
            entry, SimpleUploadedFile("bien-ban.pdf", b"MZ" + b"0" * 300)
        )
    services.attach_statement_scan(
        entry, SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n" + b"0" * 300)
    )
    entry.refresh_from_db()
    assert entry.statement_signed and entry.statement_scan.name.endswith(".pdf")


def test_a_photographed_statement_record_is_stored_without_its_gps_tags(officer_a):
    """A phone photo of the signed record must not keep where and with what it was taken."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tiepdan.lib.tests.photos import exif_of, gps_photo

    entry = services.record_entry(
        officer_a.unit, entry_data(oral_statement=True), actor=officer_a, today=TODAY
    )
    photo = SimpleUploadedFile("bien-ban.jpg", gps_photo(), content_type="image/jpeg")
    services.attach_statement_scan(entry, photo)
    entry.refresh_from_db()
    assert entry.statement_signed and entry.statement_scan.name.endswith(".jpg")
    with entry.statement_scan.open("rb") as stored:
        assert exif_of(stored) == {}


def test_a_scan_named_jpg_that_is_a_web_page_is_refused(officer_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    entry = services.record_entry(
        officer_a.unit, entry_data(oral_statement=True), actor=officer_a, today=TODAY
    )
    page = SimpleUploadedFile("bien-ban.jpg", b"<html><script>x()</script></html>", "image/jpeg")
    with pytest.raises(DomainError) as error:
        services.attach_statement_scan(entry, page)
    assert error.value.field == "scan"
    entry.refresh_from_db()
    assert not entry.statement_signed and not entry.statement_scan
