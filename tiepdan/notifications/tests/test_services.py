"""notify(): an event recorded once per recipient, e-mailed once after commit, as each one chose."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction

from tiepdan.notifications import services
from tiepdan.notifications.kinds import Delivery, Kind
from tiepdan.notifications.models import Notification, Preference
from tiepdan.notifications.tests.conftest import SITE, with_email
from tiepdan.notifications.tests.factories import (
    DENUNCIATION_NUMBER,
    FailingOnceBackend,
    RacingBackend,
    tell,
)

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_event_told_twice_is_recorded_and_mailed_once(
    ward_a, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.notify(
            [officer, officer],
            Kind.CASE_ASSIGNED,
            unit=ward_a,
            url="/don-thu/1/",
            params={"number": "12/PA-2026"},
            key="case-assigned:1:2026-12-04T10:00",
        )
        again = services.notify(
            [officer],
            Kind.CASE_ASSIGNED,
            unit=ward_a,
            url="/don-thu/1/",
            params={"number": "12/PA-2026"},
            key="case-assigned:1:2026-12-04T10:00",
        )
    assert len(first) == 1 and again == []
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_mail_waits_for_the_commit_and_a_rollback_tells_no_one(
    ward_a, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        tell(officer, ward_a)
        assert mail.outbox == []
    assert len(callbacks) == 1 and len(mail.outbox) == 1
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        tell(officer, ward_a, key="case-assigned:2:x")
        raise RuntimeError("the caller's change fails")
    assert callbacks == [] and mail.outbox == []
    assert not Notification.objects.filter(key="case-assigned:2:x").exists()


def test_the_mail_links_to_the_page_with_the_sites_address_and_copies_no_content(
    ward_a, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell(officer, ward_a, url="/don-thu/1/")
    (message,) = mail.outbox
    assert f"{SITE}/don-thu/1/" in message.body
    assert f"{SITE}/thong-bao/cai-dat/" in message.body
    assert message.subject == f"Vụ việc {DENUNCIATION_NUMBER} được giao cho bạn xử lý."


def test_a_denunciation_is_told_by_its_number_only(
    ward_a, officer, django_capture_on_commit_callbacks
):
    """Rule 19: only the ids the sentence names are stored; a name cannot be passed along."""
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer, ward_a, params={"number": DENUNCIATION_NUMBER})
    notification.refresh_from_db()
    assert notification.params == {"number": DENUNCIATION_NUMBER}
    with pytest.raises(ValueError, match="takes exactly"):
        tell(
            officer,
            ward_a,
            key="other",
            params={"number": DENUNCIATION_NUMBER, "denouncer": "Nguyễn Văn Tố"},
        )
    assert "Nguyễn Văn Tố" not in mail.outbox[0].body
    assert Notification.objects.count() == 1


def test_it_refuses_a_link_to_another_site(ward_a, officer):
    with pytest.raises(ValueError, match="path of this site"):
        tell(officer, ward_a, url="https://evil.example/")
    with pytest.raises(ValueError, match="path of this site"):
        tell(officer, ward_a, url="//evil.example/")


def test_inactive_and_missing_recipients_are_skipped(ward_a, officer, leader):
    leader.is_active = False
    leader.save(update_fields=["is_active"])
    recorded = services.notify(
        [officer, leader, None],
        Kind.DEADLINE_PASSED,
        unit=ward_a,
        url="/don-thu/1/",
        params={"number": "1/PA", "due_on": date(2026, 12, 3)},
        key="overdue:1:2026-12-03",
    )
    assert [n.recipient for n in recorded] == [officer]
    assert recorded[0].params == {"number": "1/PA", "due_on": "2026-12-03"}


def test_each_recipient_is_mailed_as_they_chose(
    ward_a, officer, leader, officer_b, django_capture_on_commit_callbacks
):
    """A leader gets a draft for approval at once by default; the officer who chose "off" and
    the one who chose the digest get no mail now."""
    with_email(officer_b)
    services.set_preferences(officer, {Kind.DRAFT_SUBMITTED: Delivery.OFF})
    services.set_preferences(officer_b, {Kind.DRAFT_SUBMITTED: Delivery.DIGEST})
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            [officer, leader, officer_b],
            Kind.DRAFT_SUBMITTED,
            unit=ward_a,
            url="/don-thu/1/",
            params={"number": "1/PA"},
            key="draft-submitted:7",
        )
    assert Notification.objects.count() == 3
    assert [m.to for m in mail.outbox] == [[leader.email]]


def test_a_user_without_an_address_gets_it_on_the_site_only(
    ward_a, officer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell(officer_a, ward_a)
    assert mail.outbox == []
    assert Notification.objects.get().emailed_at is None


def test_two_workers_on_the_same_job_send_one_mail(ward_a, officer, settings):
    """The row is claimed before the mail goes: a second worker running meanwhile finds it
    claimed and sends nothing."""
    notification = tell(officer, ward_a)
    settings.EMAIL_BACKEND = "tiepdan.notifications.tests.factories.RacingBackend"
    RacingBackend.notification_id = notification.pk
    RacingBackend.second_worker_sent = None
    assert services.send_email(notification.pk) is True
    assert RacingBackend.second_worker_sent is False
    assert services.send_email(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_is_sent_by_the_retry_and_only_once(ward_a, officer, settings):
    notification = tell(officer, ward_a)
    settings.EMAIL_BACKEND = "tiepdan.notifications.tests.factories.FailingOnceBackend"
    FailingOnceBackend.failures = 0
    with pytest.raises(ConnectionRefusedError):
        services.send_email(notification.pk)
    notification.refresh_from_db()
    assert notification.emailed_at is None  # released for the retry
    assert services.send_email(notification.pk) is True
    assert services.send_email(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_record_moved_out_of_the_recipients_units_is_not_mailed(ward_a, ward_b, officer):
    notification = tell(officer, ward_b)
    assert services.send_email(notification.pk) is False
    assert mail.outbox == []


def test_marking_read_touches_only_the_readers_own(ward_a, officer, leader):
    mine = tell(officer, ward_a, key="a")
    other = tell(officer, ward_a, key="b")
    theirs = tell(leader, ward_a, key="a")
    assert services.mark_read(leader, [mine.pk]) == 0
    assert services.mark_read(officer, [mine.pk]) == 1
    assert services.mark_read(officer, [mine.pk]) == 0
    assert services.mark_all_read(officer) == 1
    unread = Notification.objects.filter(read_at=None)
    assert list(unread) == [theirs] and other not in unread


def test_a_choice_equal_to_the_default_keeps_no_row(officer):
    services.set_preferences(officer, {Kind.CASE_ASSIGNED: Delivery.DIGEST})
    assert Preference.objects.for_user(officer)[Kind.CASE_ASSIGNED] == Delivery.DIGEST
    services.set_preferences(officer, {Kind.CASE_ASSIGNED: Delivery.IMMEDIATE})
    assert not Preference.objects.exists()
    with pytest.raises(ValueError):
        services.set_preferences(officer, {Kind.CASE_ASSIGNED: "weekly"})


def _at(day, hour, notification):
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=HCM)
    Notification.objects.filter(pk=notification.pk).update(created_at=moment)


def test_the_digest_lists_the_days_digest_notifications_once(ward_a, officer):
    """Due soon is in the digest by default; an assignment went at once, so it is not repeated;
    today's notifications wait for tomorrow's digest; a second run the same day sends none."""
    soon = services.notify(
        [officer],
        Kind.DEADLINE_SOON,
        unit=ward_a,
        url="/don-thu/3/",
        params={"number": "3/PA", "due_on": date(2026, 12, 8)},
        key="due-soon:3",
    )[0]
    _at(date(2026, 12, 3), 15, soon)
    assigned = tell(officer, ward_a)
    _at(date(2026, 12, 3), 16, assigned)
    services.send_email(assigned.pk)
    mail.outbox.clear()
    services.notify(
        [officer],
        Kind.DEADLINE_SOON,
        unit=ward_a,
        url="/don-thu/4/",
        params={"number": "4/PA", "due_on": date(2026, 12, 9)},
        key="due-soon:4",
    )  # today, 4 December
    assert services.send_digests(today=date(2026, 12, 4)) == 1
    (digest,) = mail.outbox
    assert digest.subject == "Thông báo của bạn, ngày 04/12/2026"
    assert "Vụ việc 3/PA đến hạn vào ngày 08/12/2026." in digest.body
    assert f"{SITE}/don-thu/3/" in digest.body
    assert "4/PA" not in digest.body and DENUNCIATION_NUMBER not in digest.body
    assert services.send_digests(today=date(2026, 12, 4)) == 0
    assert len(mail.outbox) == 1


def test_the_digest_respects_off_and_immediate_choices(ward_a, officer):
    services.set_preferences(officer, {Kind.DEADLINE_SOON: Delivery.OFF})
    soon = services.notify(
        [officer],
        Kind.DEADLINE_SOON,
        unit=ward_a,
        url="/don-thu/3/",
        params={"number": "3/PA", "due_on": date(2026, 12, 8)},
        key="due-soon:3",
    )[0]
    _at(date(2026, 12, 3), 15, soon)
    assert services.send_digests(today=date(2026, 12, 4)) == 0
    assert mail.outbox == []


def test_the_digest_leaves_out_what_was_read_on_the_site(ward_a, officer):
    soon = services.notify(
        [officer],
        Kind.DEADLINE_SOON,
        unit=ward_a,
        url="/don-thu/3/",
        params={"number": "3/PA", "due_on": date(2026, 12, 8)},
        key="due-soon:3",
    )[0]
    _at(date(2026, 12, 3), 15, soon)
    services.mark_read(officer, [soon.pk])
    assert services.send_digests(today=date(2026, 12, 4)) == 0


def test_a_failed_digest_is_released_for_the_next_run(ward_a, officer, settings):
    soon = services.notify(
        [officer],
        Kind.DEADLINE_SOON,
        unit=ward_a,
        url="/don-thu/3/",
        params={"number": "3/PA", "due_on": date(2026, 12, 8)},
        key="due-soon:3",
    )[0]
    _at(date(2026, 12, 3), 15, soon)
    settings.EMAIL_BACKEND = "tiepdan.notifications.tests.factories.FailingOnceBackend"
    FailingOnceBackend.failures = 0
    assert services.send_digests(today=date(2026, 12, 4)) == 0
    assert services.send_digests(today=date(2026, 12, 4)) == 1
    assert services.send_digests(today=date(2026, 12, 4)) == 0
    assert len(mail.outbox) == 1
