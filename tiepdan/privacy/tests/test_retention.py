"""Retention: a dry run changes nothing; --apply purges or anonymises only what has expired."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from config.env import envcounts
from tiepdan.cases.models import Case, IdentityAccess, Status
from tiepdan.cases.models.records import Attachment
from tiepdan.cases.tests.factories import receive
from tiepdan.citizens.models import Citizen
from tiepdan.privacy import retention
from tiepdan.privacy.consent import record_consent
from tiepdan.privacy.models import Consent, DataSubjectRequest
from tiepdan.privacy.services import file_request
from tiepdan.reception.models import Appointment, ReceptionEntry
from tiepdan.reception.tests.factories import EntryFactory, ReceptionDayFactory

pytestmark = pytest.mark.django_db
TODAY = date(2032, 1, 15)


def closed_case(unit, actor, closed_on):
    case = receive(unit, actor)
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, closed_on=closed_on)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def world(ward_a, officer_a, chairman_a, settings, tmp_path):
    """One record of each type just past its period, and one just inside it."""
    settings.MEDIA_ROOT = str(tmp_path)
    days = retention.periods()

    def before(key, extra):
        return TODAY - timedelta(days=days[key] + extra)

    old_case = closed_case(ward_a, officer_a, before("citizens", 1))
    new_case = closed_case(ward_a, officer_a, before("citizens", -1))
    open_case = receive(ward_a, officer_a)
    Case.objects.filter(pk=open_case.pk).update(received_on=date(2020, 1, 2))
    old_day = ReceptionDayFactory(leader=chairman_a, on=before("bookings", 1))
    new_day = ReceptionDayFactory(leader=chairman_a, on=before("bookings", -1))
    bookings = [
        Appointment.objects.create(
            day=day, code=code, position=1, full_name="A", phone="0912345678", subject="x"
        )
        for day, code in ((old_day, "OLDCODE1"), (new_day, "NEWCODE1"))
    ]
    for booking in bookings:
        record_consent(Consent.Form.BOOKING, booking.pk, ward_a)
    files = []
    for case in (old_case, new_case):
        attachment = Attachment(
            case=case, original_name="cccd.jpg", content_type="image/jpeg", size=3
        )
        attachment.file.save("cccd.jpg", ContentFile(b"abc"), save=True)
        files.append(attachment)
    entries = [
        EntryFactory(unit=ward_a, received_on=before("reception_entries", 1)),
        EntryFactory(unit=ward_a, received_on=before("reception_entries", -1)),
    ]
    at = timezone.make_aware(datetime.combine(TODAY, datetime.min.time()))
    logs = [
        IdentityAccess.objects.create(
            case=old_case, at=at - timedelta(days=days["identity_accesses"] + n), via="page"
        )
        for n in (1, -1)
    ]
    orphans = [Citizen.objects.create(full_name=f"Vãng lai {n}", phone="0987654321") for n in "12"]
    Citizen.objects.filter(pk=orphans[1].pk).update(created_at=at - timedelta(days=1))
    requests = []
    for n in (1, -1):
        made = file_request(ward_a, kind="access", requester="B", contact="b@example.vn")
        made.closed_at = at - timedelta(days=days["privacy_requests"] + n)
        made.save()
        requests.append(made)
    return {
        "citizens": [c.case_citizens.get().citizen for c in (old_case, new_case, open_case)],
        "bookings": bookings,
        "files": files,
        "entries": entries,
        "logs": logs,
        "requests": requests,
        "orphans": orphans,
    }


def counts(lines):
    return {line.record_type.key: line.count for line in lines}


def test_a_dry_run_reports_what_expired_and_changes_nothing(world):
    out = StringIO()
    call_command("apply_retention", "--today", TODAY.isoformat(), stdout=out)
    assert "dry run" in out.getvalue() and "bookings: would delete 1" in out.getvalue()
    assert counts(retention.plan(TODAY)) == {
        "citizens": 2,  # the closed case's citizen and the old citizen without a case
        "reception_entries": 1,
        "bookings": 1,
        "attachments": 1,
        "identity_accesses": 1,
        "privacy_requests": 1,
    }
    old = Citizen.objects.get(pk=world["citizens"][0].pk)
    assert old.full_name != retention.ANONYMOUS and old.phone == "+84912345678"
    assert Appointment.objects.count() == 2 and Attachment.objects.count() == 2


def test_apply_purges_and_anonymises_only_what_expired(world):
    out = StringIO()
    call_command("apply_retention", "--apply", "--today", TODAY.isoformat(), stdout=out)
    assert "citizens: done anonymise 2" in out.getvalue()
    old, recent, still_open = (Citizen.objects.get(pk=c.pk) for c in world["citizens"])
    assert old.full_name == retention.ANONYMOUS
    assert (old.id_number, old.phone, old.email, old.address) == ("", "", "", "")
    assert not Citizen.objects.with_phone("0912345678").filter(pk=old.pk).exists()
    assert recent.full_name != retention.ANONYMOUS and recent.phone == "+84912345678"
    assert still_open.full_name != retention.ANONYMOUS
    old_orphan, new_orphan = (Citizen.objects.get(pk=c.pk) for c in world["orphans"])
    assert old_orphan.full_name == retention.ANONYMOUS and old_orphan.phone == ""
    assert new_orphan.full_name == "Vãng lai 2" and new_orphan.phone == "+84987654321"
    old_booking, new_booking = world["bookings"]
    assert list(Appointment.objects.all()) == [new_booking]
    assert list(Consent.objects.values_list("record_id", flat=True)) == [new_booking.pk]
    old_file, new_file = world["files"]
    assert list(Attachment.objects.all()) == [new_file]
    assert not old_file.file.storage.exists(old_file.file.name)
    assert new_file.file.storage.exists(new_file.file.name)
    old_entry, new_entry = (ReceptionEntry.objects.get(pk=e.pk) for e in world["entries"])
    assert old_entry.full_name == retention.ANONYMOUS and old_entry.id_number == ""
    assert new_entry.full_name == "Nguyễn Văn Bình" and new_entry.id_number == "079085001234"
    assert list(IdentityAccess.objects.all()) == [world["logs"][1]]
    assert list(DataSubjectRequest.objects.all()) == [world["requests"][1]]
    # A second run finds nothing more to do.
    assert set(counts(retention.plan(TODAY)).values()) == {0}


def test_a_period_of_zero_keeps_that_record_type(world, settings):
    settings.TIEPDAN_RETENTION_DAYS = {"bookings": 0}
    retention.apply(TODAY)
    assert Appointment.objects.count() == 2


def test_the_environment_overrides_the_defaults(monkeypatch, settings):
    monkeypatch.setenv("TIEPDAN_RETENTION", "bookings=30, citizens=x, unknown=5")
    settings.TIEPDAN_RETENTION_DAYS = envcounts("TIEPDAN_RETENTION")  # as config/settings.py does
    days = retention.periods()
    assert days["bookings"] == 30 and days["citizens"] == 5 * 365 and "unknown" not in days
