"""Background jobs (Huey): thin, each calls one function of `deadlines` or `duplicates`."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tiepdan.cases.services import deadlines, duplicates


@db_periodic_task(crontab(minute="*/15"))
def check_deadlines() -> None:
    """Every 15 minutes: reminders before due dates, escalation of overdue cases."""
    deadlines.check_deadlines(today=timezone.localdate())


@db_periodic_task(crontab(hour="0", minute="30"))  # 07:30 in Hồ Chí Minh City (Huey runs in UTC)
def send_digests() -> None:
    """Each morning: one e-mail per officer with their overdue and coming cases."""
    deadlines.send_digests(today=timezone.localdate())


@db_periodic_task(crontab(minute="*/10"))
def index_duplicates() -> None:
    """Every 10 minutes: index for duplicate detection any recent case intake left out."""
    duplicates.index_missing()
