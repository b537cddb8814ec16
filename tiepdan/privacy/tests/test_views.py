"""The privacy notice, the public request form and the unit admin's request log."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from tiepdan.privacy import services
from tiepdan.privacy.consent import NOTICE_VERSION
from tiepdan.privacy.models import Consent, DataSubjectRequest

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=HCM), tick=False):
        yield


def request_data(unit, **extra):
    data = {
        "unit": unit.pk,
        "kind": "correction",
        "requester": "Lê Thị Cúc",
        "contact": "0912345678",
        "details": "Sai năm sinh trong đơn gửi ngày 02/11.",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_the_notice_says_why_how_long_and_how_to_ask(client):
    page = client.get(reverse("privacy:notice")).content.decode()
    assert "91/2025" in page
    assert "365" in page  # the bookings' retention period, from the settings
    assert reverse("privacy:request_new") in page
    assert NOTICE_VERSION in page


def test_every_page_links_to_the_notice(client):
    assert reverse("privacy:notice") in client.get(reverse("public:home")).content.decode()


def test_a_citizen_files_a_request_and_gets_a_reference(client, ward_a):
    response = client.post(reverse("privacy:request_new"), request_data(ward_a))
    made = DataSubjectRequest.objects.get()
    assert response.url == reverse("privacy:request_sent")
    assert made.unit == ward_a and made.channel == "online" and made.created_by is None
    receipt = client.get(response.url).content.decode()
    assert made.reference in receipt and "26/11/2026" in receipt  # 24/11 is a holiday
    consent = Consent.objects.get()
    assert (consent.form, consent.record_id, consent.notice_version) == (
        "request",
        made.pk,
        NOTICE_VERSION,
    )


def test_the_receipt_is_only_for_the_browser_that_filed_it(client, ward_a):
    client.post(reverse("privacy:request_new"), request_data(ward_a))
    client.cookies.clear()
    assert client.get(reverse("privacy:request_sent")).status_code == 302


def test_without_consent_nothing_is_kept_and_the_box_is_not_pre_ticked(client, ward_a):
    blank = client.get(reverse("privacy:request_new")).content.decode()
    assert 'name="consent"' in blank and "checked" not in blank.split('name="consent"')[1][:80]
    response = client.post(reverse("privacy:request_new"), request_data(ward_a, consent=""))
    assert response.status_code == 200
    assert "Hãy đánh dấu ô đồng ý" in response.content.decode()
    assert not DataSubjectRequest.objects.exists() and not Consent.objects.exists()


def test_public_requests_are_rate_limited(client, ward_a):
    for n in range(7):
        client.post(reverse("privacy:request_new"), request_data(ward_a, requester=f"A{n}"))
    assert DataSubjectRequest.objects.count() == 5


def _filed(unit, at):
    return services.file_request(
        unit, kind="deletion", requester="Trần Văn Bảy", contact="bay@example.vn", now=at
    )


def test_the_admin_sees_the_units_requests_overdue_ones_marked(client, admin_a, ward_a, ward_b):
    late = _filed(ward_a, datetime(2026, 11, 16, 9, 0, tzinfo=HCM))  # due 18/11
    fresh = _filed(ward_a, datetime(2026, 11, 23, 8, 0, tzinfo=HCM))
    other = _filed(ward_b, datetime(2026, 11, 23, 8, 0, tzinfo=HCM))
    client.force_login(admin_a)
    page = client.get(reverse("privacy:requests")).content.decode()
    assert late.reference in page and fresh.reference in page and other.reference not in page
    row = page.split(late.reference)[0].rsplit("<tr", 1)[1]
    assert "table-danger" in row
    assert "table-danger" not in page.split(fresh.reference)[0].rsplit("<tr", 1)[1]


def test_the_admin_acknowledges_then_closes(client, admin_a, ward_a):
    made = _filed(ward_a, datetime(2026, 11, 23, 8, 0, tzinfo=HCM))
    client.force_login(admin_a)
    detail = client.get(reverse("privacy:request", args=[made.pk])).content.decode()
    assert "bay@example.vn" in detail  # the full contact on the record's own page
    client.post(reverse("privacy:acknowledge", args=[made.pk]))
    refused = client.post(reverse("privacy:close", args=[made.pk]), {"outcome": "done"})
    assert refused.status_code == 400
    client.post(
        reverse("privacy:close", args=[made.pk]),
        {"outcome": "done", "outcome_note": "Đã xóa số điện thoại."},
    )
    made.refresh_from_db()
    assert made.acknowledged_by == admin_a and made.outcome == "done" and made.closed_at
    assert made.reference not in client.get(reverse("privacy:requests")).content.decode()
    assert made.reference in client.get(reverse("privacy:requests") + "?show=all").content.decode()


def test_staff_log_a_request_received_at_the_office(client, admin_a):
    client.force_login(admin_a)
    client.post(
        reverse("privacy:request_create"),
        {"channel": "in_person", "kind": "access", "requester": "An", "contact": "0987654321"},
    )
    made = DataSubjectRequest.objects.get()
    assert made.created_by == admin_a and made.channel == "in_person"


def test_other_units_and_other_roles_are_kept_out(client, admin_a, officer_a, officer_b, ward_a):
    made = _filed(ward_a, datetime(2026, 11, 23, 8, 0, tzinfo=HCM))
    client.force_login(officer_b)
    assert client.get(reverse("privacy:request", args=[made.pk])).status_code == 404
    client.force_login(officer_a)
    assert client.get(reverse("privacy:request", args=[made.pk])).status_code == 403
    assert client.get(reverse("privacy:requests")).status_code == 403
    assert client.post(reverse("privacy:acknowledge", args=[made.pk])).status_code == 403
    made.refresh_from_db()
    assert made.acknowledged_at is None
