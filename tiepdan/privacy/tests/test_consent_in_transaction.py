"""The proof of consent is written in the transaction of the record it covers (Law 91/2025).

Each public form's record and its `Consent` row are saved together or not at all: when keeping
the proof fails, no case, booking or request is left without it.
"""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from tiepdan.cases.models import Case, Field
from tiepdan.citizens.models import Citizen
from tiepdan.privacy.models import Consent, DataSubjectRequest
from tiepdan.privacy.services import file_request
from tiepdan.reception.models import Appointment
from tiepdan.reception.tests.factories import ReceptionDayFactory

pytestmark = pytest.mark.django_db
CASE = {
    "token": "tok-atomic",
    "kind": "feedback",
    "field": "moi-truong",
    "subject": "Rác thải ở hẻm 42",
    "content": "Rác tồn đọng ba ngày chưa thu gom.",
    "full_name": "Lê Thị Cúc",
    "phone": "0912345678",
    "consent": "on",
}
BOOKING = {
    "full_name": "Lê Thị Hoa",
    "phone": "0912345678",
    "subject": "Cấp phép sửa nhà",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


@pytest.fixture
def failing_consent(monkeypatch):
    """Make keeping the proof fail, wherever a flow calls it."""

    def fail(*args, **kwargs):
        raise RuntimeError("consent store down")

    for module in ("tiepdan.cases.views.public", "tiepdan.reception.views.public"):
        monkeypatch.setattr(f"{module}.record_consent", fail)
    monkeypatch.setattr("tiepdan.privacy.services.record_consent", fail)


def request_data(unit):
    return {
        "unit": unit.pk,
        "kind": "correction",
        "requester": "Lê Thị Cúc",
        "contact": "0912345678",
        "details": "Sai năm sinh.",
        "consent": "on",
    }


def test_a_case_is_not_kept_when_its_consent_cannot_be(client, ward_a, failing_consent):
    with pytest.raises(RuntimeError):
        client.post(reverse("cases:public_new", args=[ward_a.code]), CASE)
    assert not Case.objects.exists() and not Consent.objects.exists()
    assert not Citizen.objects.exists() and not Field.objects.exists()


def test_a_case_keeps_exactly_one_consent_even_when_retried(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    assert client.post(url, CASE).status_code == 302
    assert client.post(url, CASE).status_code == 302  # same token: the same case
    case = Case.objects.get()
    consent = Consent.objects.get()
    assert (consent.form, consent.record_id, consent.unit) == (Consent.Form.CASE, case.pk, ward_a)


def test_a_booking_is_not_kept_when_its_consent_cannot_be(client, chairman_a, failing_consent):
    day = ReceptionDayFactory(leader=chairman_a)
    with pytest.raises(RuntimeError):
        client.post(reverse("reception:book", args=[day.pk]), BOOKING)
    assert not Appointment.objects.exists() and not Consent.objects.exists()


def test_a_booking_keeps_exactly_one_consent(client, chairman_a):
    day = ReceptionDayFactory(leader=chairman_a)
    url = reverse("reception:book", args=[day.pk])
    assert client.post(url, BOOKING).status_code == 302
    assert client.post(url, BOOKING).status_code == 200  # same phone, same day: refused
    booking = Appointment.objects.get()
    consent = Consent.objects.get()
    assert (consent.form, consent.record_id) == (Consent.Form.BOOKING, booking.pk)
    assert consent.unit == day.unit


def test_a_request_is_not_kept_when_its_consent_cannot_be(client, ward_a, failing_consent):
    with pytest.raises(RuntimeError):
        client.post(reverse("privacy:request_new"), request_data(ward_a))
    assert not DataSubjectRequest.objects.exists() and not Consent.objects.exists()


def test_a_request_keeps_exactly_one_consent(client, ward_a):
    assert client.post(reverse("privacy:request_new"), request_data(ward_a)).status_code == 302
    made = DataSubjectRequest.objects.get()
    consent = Consent.objects.get()
    assert (consent.form, consent.record_id, consent.unit) == (
        Consent.Form.REQUEST,
        made.pk,
        ward_a,
    )
    assert consent.given_at == made.received_at


def test_a_request_entered_by_staff_records_no_consent(ward_a, admin_a):
    file_request(ward_a, kind="access", requester="A", contact="a@example.vn", actor=admin_a)
    assert DataSubjectRequest.objects.exists() and not Consent.objects.exists()
