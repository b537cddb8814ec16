"""Text messages to citizens: a small interface; it logs until an SMS gateway is chosen."""

from __future__ import annotations

import logging
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger("tiepdan.sms")


class SmsBackend(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class LoggingSmsBackend:
    """Write each message to the log instead of sending it."""

    def send(self, phone: str, text: str) -> None:
        log.info("SMS to %s: %s", phone, text)


def backend() -> SmsBackend:
    path = getattr(settings, "TIEPDAN_SMS_BACKEND", "tiepdan.cases.services.sms.LoggingSmsBackend")
    return import_string(path)()


def send_sms(phone: str, text: str) -> None:
    backend().send(phone, text)
