"""The demo's e-mail backend: every message is kept in the outbox page, and logged in one line.

`make run` uses it (TIEPDAN_DEMO on, no EMAIL_BACKEND set), so the terminal shows "mail to
x@y: Subject" instead of whole messages, and a superuser or unit admin reads them at
/thong-bao/hop-thu-di/.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from tiepdan.notifications.models import OutboxMessage

log = logging.getLogger("tiepdan.mail")


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        kept = 0
        for message in email_messages:
            to = ", ".join([*message.to, *message.cc, *message.bcc])
            OutboxMessage.objects.create(
                to=to, subject=str(message.subject), body=str(message.body)
            )
            log.info("mail to %s: %s", to, message.subject)
            kept += 1
        return kept
