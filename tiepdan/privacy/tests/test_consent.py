"""Explicit consent on the public forms: never pre-ticked, required, recorded (Law 91/2025)."""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from tiepdan.cases.models import Case
from tiepdan.privacy.consent import NOTICE_VERSION
from tiepdan.privacy.models import Consent
from tiepdan.reception.models import Appointment
from tiepdan.reception.tests.factories import ReceptionDayFactory

pytestmark = pytest.mark.django_db
CASE = {
    "token": "tok-consent",
    "kind": "feedback",
    "subject": "Rác thải ở hẻm 42",
    "content": "Rác tồn đọng ba ngày chưa thu gom.",
    "full_name": "Lê Thị Cúc",
    "phone": "0912345678",
}
BOOKING = {"full_name": "Lê Thị Hoa", "phone": "0912345678", "subject": "Cấp phép sửa nhà"}


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


def unticked(page: str) -> bool:
    tag = page.split('name="consent"')[0].rsplit("<input", 1)[1] + page.split('name="consent"')[1]
    return "checked" not in tag.split(">")[0]


def test_the_online_case_form_needs_consent_and_records_it(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    assert unticked(client.get(url).content.decode())
    refused = client.post(url, CASE)
    assert refused.status_code == 200 and not Case.objects.exists()
    assert 'id="id_consent"' in refused.content.decode()
    client.post(url, {**CASE, "consent": "on"})
    case = Case.objects.get()
    consent = Consent.objects.get()
    assert (consent.form, consent.record_id, consent.unit) == ("case", case.pk, ward_a)
    assert consent.notice_version == NOTICE_VERSION and consent.given_at


def test_a_retried_submission_keeps_one_proof(client, ward_a):
    url = reverse("cases:public_new", args=[ward_a.code])
    client.post(url, {**CASE, "consent": "on"})
    client.post(url, {**CASE, "consent": "on"})
    assert Case.objects.count() == 1 and Consent.objects.count() == 1


def test_booking_a_reception_day_needs_consent_and_records_it(client, chairman_a):
    day = ReceptionDayFactory(leader=chairman_a)
    url = reverse("reception:book", args=[day.pk])
    assert unticked(client.get(url).content.decode())
    assert client.post(url, BOOKING).status_code == 200
    assert not Appointment.objects.exists()
    client.post(url, {**BOOKING, "consent": "on"})
    booking = Appointment.objects.get()
    assert Consent.objects.filter(form="booking", record_id=booking.pk).exists()
