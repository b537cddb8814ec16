"""Data-subject requests: 2-working-day acknowledgement, then closure (Law 91/2025; rule 26)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.privacy import services
from tiepdan.privacy.models import DataSubjectRequest

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def filed(unit, at=datetime(2026, 11, 20, 16, 0, tzinfo=HCM), **extra):
    return services.file_request(
        unit,
        kind=extra.pop("kind", DataSubjectRequest.Kind.ACCESS),
        requester="Lê Thị Cúc",
        contact="0912345678",
        now=at,
        **extra,
    )


def test_it_sets_the_acknowledgement_two_working_days_after_receipt(ward_a):
    # Received on Friday 20/11/2026: the weekend and the 24/11 holiday (Vietnamese Culture
    # Day) do not count, so Monday 23/11 and Wednesday 25/11.
    made = filed(ward_a)
    assert made.ack_due_on == date(2026, 11, 25)
    assert made.is_ack_overdue(date(2026, 11, 25)) is False
    assert made.is_ack_overdue(date(2026, 11, 26)) is True


def test_it_counts_the_local_day_of_a_late_evening_request(ward_a):
    # 23:30 in Hồ Chí Minh City is still Friday there (16:30 UTC).
    made = filed(ward_a, at=datetime(2026, 11, 20, 23, 30, tzinfo=HCM))
    assert made.ack_due_on == date(2026, 11, 25)


def test_it_needs_a_name_and_a_way_to_reply(ward_a):
    with pytest.raises(DomainError) as no_contact:
        services.file_request(ward_a, kind="access", requester="An", contact=" ")
    assert no_contact.value.field == "contact"
    assert not DataSubjectRequest.objects.exists()


def test_it_acknowledges_once_and_is_no_longer_overdue(ward_a, admin_a):
    made = services.acknowledge(filed(ward_a), actor=admin_a)
    assert made.acknowledged_by == admin_a
    assert made.is_ack_overdue(date(2026, 12, 31)) is False
    with pytest.raises(Conflict):
        services.acknowledge(made, actor=admin_a)


def test_closing_records_the_outcome_and_counts_as_acknowledging(ward_a, admin_a):
    made = filed(ward_a, kind=DataSubjectRequest.Kind.DELETION)
    with pytest.raises(DomainError):
        services.close(made, actor=admin_a, outcome="done", note=" ")
    services.close(made, actor=admin_a, outcome="refused", note="Hồ sơ đang giải quyết.")
    made.refresh_from_db()
    assert made.closed_at and made.acknowledged_at and made.outcome == "refused"
    with pytest.raises(Conflict):
        services.close(made, actor=admin_a, outcome="done", note="Lần hai")


def test_the_contact_is_stored_encrypted(ward_a):
    from django.db import connection

    made = filed(ward_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM privacy_datasubjectrequest WHERE id = %s", [made.pk])
        assert "0912345678" not in cursor.fetchone()[0]
    assert DataSubjectRequest.objects.get(pk=made.pk).contact == "0912345678"
