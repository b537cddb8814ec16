"""Background jobs: directive reminders and overdue escalation (thin; the service does the work)."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tiepdan.directives.services import check_directive_deadlines


@db_periodic_task(crontab(minute="*/15"))
def directive_deadlines() -> None:
    check_directive_deadlines(today=timezone.localdate())
