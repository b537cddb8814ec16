"""Background jobs of the notifications (Huey): thin, ids in, one service call."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from tiepdan.notifications import services


@db_task(retries=3, retry_delay=60)
def email_notification(notification_id: int) -> None:
    """E-mail one notification; a failed send is retried (the row's claim makes it once)."""
    services.send_email(notification_id)


@db_periodic_task(crontab(hour="0", minute="0"), retries=2, retry_delay=600)
def send_digests() -> None:
    """07:00 in Hồ Chí Minh City (Huey runs in UTC): each user's daily digest e-mail."""
    services.send_digests(today=timezone.localdate())
