"""Helpers for notification tests: an event told through the service, and mail backends that
stand in for the outside world (a failing SMTP server, a second worker racing the first)."""

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from tiepdan.notifications import services
from tiepdan.notifications.kinds import Kind

DENUNCIATION_NUMBER = "15/TC-2026"


def tell(recipient, unit, *, key="case-assigned:1:2026-12-04T10:00", **extra):
    """Tell `recipient` that case DENUNCIATION_NUMBER is assigned to them."""
    (notification,) = services.notify(
        [recipient],
        extra.pop("kind", Kind.CASE_ASSIGNED),
        unit=unit,
        url=extra.pop("url", "/don-thu/1/"),
        params=extra.pop("params", {"number": DENUNCIATION_NUMBER}),
        key=key,
    )
    return notification


class FailingOnceBackend(EmailBackend):
    """An SMTP server that refuses the first message of the test, then accepts."""

    failures = 0

    def send_messages(self, messages):
        if FailingOnceBackend.failures == 0:
            FailingOnceBackend.failures += 1
            raise ConnectionRefusedError("smtp down")
        return super().send_messages(messages)


class RacingBackend(EmailBackend):
    """While the first worker is sending, a second worker runs the same job."""

    second_worker_sent = None

    def send_messages(self, messages):
        if RacingBackend.second_worker_sent is None:
            RacingBackend.second_worker_sent = False
            notification_id = RacingBackend.notification_id
            RacingBackend.second_worker_sent = services.send_email(notification_id)
        return super().send_messages(messages)


def outbox_to(address):
    return [m for m in mail.outbox if address in m.to]
