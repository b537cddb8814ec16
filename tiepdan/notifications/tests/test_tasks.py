"""The Huey jobs: the mail job after commit, retried when the server refuses; the morning digest."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from huey.contrib.djhuey import HUEY

from tiepdan.notifications import tasks
from tiepdan.notifications.models import Notification
from tiepdan.notifications.tests.factories import FailingOnceBackend, tell

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_queue():
    HUEY.flush()
    yield
    HUEY.flush()


def run_retries():
    """Run the retries Huey scheduled, as the consumer would once their delay is over."""
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1)
    for task in HUEY.read_schedule(later):
        HUEY.execute(task, timestamp=later)


def test_the_mail_job_runs_after_commit(ward_a, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer, ward_a)
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_refused_mail_is_retried_and_sent_once(
    ward_a, officer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tiepdan.notifications.tests.factories.FailingOnceBackend"
    FailingOnceBackend.failures = 0
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer, ward_a)
    assert mail.outbox == [] and len(HUEY.scheduled()) == 1
    run_retries()
    assert len(mail.outbox) == 1
    tasks.email_notification(notification.pk)  # the job run once more (a duplicate delivery)
    assert len(mail.outbox) == 1
    assert Notification.objects.get().emailed_at is not None


def test_the_digest_runs_at_seven_in_the_morning_in_ho_chi_minh_city():
    runs_at = tasks.send_digests.task_class().validate_datetime
    assert runs_at(datetime(2026, 12, 4, 0, 0))  # Huey's clock is UTC: 07:00 +07:00
    assert not runs_at(datetime(2026, 12, 4, 7, 0))


@time_machine.travel("2026-12-04 07:00 +07:00", tick=False)
def test_the_digest_job_sends_the_mornings_digest(ward_a, officer):
    with time_machine.travel("2026-12-03 15:00 +07:00", tick=False):
        tell(
            officer, ward_a, kind="deadline_soon", params={"number": "3/PA", "due_on": "2026-12-08"}
        )
    tasks.send_digests.call_local()
    (digest,) = mail.outbox
    assert "04/12/2026" in digest.subject and "3/PA" in digest.body
