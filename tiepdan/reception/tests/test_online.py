"""Online reception sessions (DOMAIN rule 11; Decree 154 Arts. 16–24)."""

from datetime import date, time

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiepdan.lib.errors import DomainError
from tiepdan.reception import rules, services
from tiepdan.reception.models import ReceptionDay
from tiepdan.reception.services.schedule import DayDetails

TODAY = date(2026, 11, 23)
DETAILS = DayDetails(time(8), time(10), "Phòng họp trực tuyến")


def online_day(leader, **kw):
    return services.create_day(
        unit=leader.unit,
        leader=leader,
        on=date(2026, 12, 10),
        details=DETAILS,
        mode="online",
        today=TODAY,
        **kw,
    )


def test_the_connection_test_is_due_one_working_day_before():
    """Decree 154 Art. 24: the link is tested at least 1 working day before the session."""
    assert rules.link_test_due(date(2026, 12, 10)) == date(2026, 12, 9)
    assert rules.link_test_due(date(2026, 12, 7)) == date(2026, 12, 4)  # Monday → Friday


def test_an_online_session_needs_its_link(leader_a):
    """Decree 154 Art. 23: citizens are told how to join the online session."""
    with pytest.raises(DomainError, match="link"):
        online_day(leader_a)
    day = online_day(leader_a, online_link="https://hop.example.vn/tcd-10-12")
    assert day.online_link == "https://hop.example.vn/tcd-10-12"


def test_the_recording_is_kept_after_the_session(leader_a):
    """Decree 154 Art. 23: the online session's recording is stored on the system."""
    day = online_day(leader_a, online_link="https://hop.example.vn/x")
    services.record_link_test(day, on=date(2026, 12, 8))
    video = SimpleUploadedFile("buoi-tiep.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 300)
    with pytest.raises(DomainError):
        services.attach_recording(day, video, today=TODAY)
    services.attach_recording(day, video, today=date(2026, 12, 10))
    day.refresh_from_db()
    assert day.recording.name.endswith(".mp4") and day.link_tested_on == date(2026, 12, 8)


def test_the_recording_is_stored_byte_for_byte_under_the_name_its_content_gives(leader_a):
    """A recording is not re-encoded: only its type is checked, by its content."""
    day = online_day(leader_a, online_link="https://hop.example.vn/x")
    data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8
    upload = SimpleUploadedFile("buoi-tiep.dat", data, content_type="application/octet-stream")
    services.attach_recording(day, upload, today=date(2026, 12, 10))
    day.refresh_from_db()
    assert day.recording.name.endswith(".mp4")
    with day.recording.open("rb") as stored:
        assert stored.read() == data


def test_a_recording_that_is_a_web_page_is_refused(leader_a):
    day = online_day(leader_a, online_link="https://hop.example.vn/x")
    page = SimpleUploadedFile("buoi-tiep.mp4", b"<!DOCTYPE html><html></html>", "video/mp4")
    with pytest.raises(DomainError) as error:
        services.attach_recording(day, page, today=date(2026, 12, 10))
    assert error.value.field == "recording"
    day.refresh_from_db()
    assert not day.recording


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_the_work_list_shows_an_untested_online_session(client, leader_a, officer_a):
    day = online_day(leader_a, online_link="https://hop.example.vn/x")
    client.force_login(officer_a)
    assert list(client.get(reverse("reception:home")).context["online"]) == [day]
    services.record_link_test(ReceptionDay.objects.get(), on=TODAY)
    assert list(client.get(reverse("reception:home")).context["online"]) == []
